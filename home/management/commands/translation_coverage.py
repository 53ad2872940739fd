"""Report how much of each translation catalogue the admin shows in Vietnamese.

    $ manage.py translation_coverage --min-percent 100
    catalogue                     domain     msgids  translated  percent
    wagtail.admin                 django        898         898   100.0
    wagtail.admin                 djangojs       85          85   100.0
    ...
    project                       django         74          74   100.0

A catalogue is every msgid that an enabled app, or Django itself, ships in its English
catalogue; "project" is our own strings, extracted from the code of home/, media_library/
and cms/. A msgid counts as translated when the project catalogue in LOCALE_PATHS (built by
scripts/build_locale.py from locale/sources/) or the app's own Vietnamese catalogue has a
non-empty translation for it, read from the compiled .mo files that Django loads.

The module also holds what scripts/build_locale.py and the tests share: the list of
catalogues, where their sources live, and the extraction of our own strings.
"""

import contextlib
import importlib
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import django
import polib
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.test.utils import override_settings

LANGUAGE = "vi"
DOMAINS = ("django", "djangojs")
PROJECT = "project"
# Our own code, where makemessages looks for translatable strings.
PROJECT_DIRS = ("home", "media_library", "cms")
# Packages whose strings reach the admin without being in INSTALLED_APPS (so Django would
# not load their catalogues): listed always, and their translations go in ours.
EXTRA_PACKAGES = (
    # Enabled by the settings on PostgreSQL only; listed so the report is the same on SQLite.
    "django.contrib.postgres",
    # Wagtail's admin uses its naturaltime filter ("3 giờ trước") without installing it.
    "django.contrib.humanize",
)
# django-filter ships no English catalogue; its French one lists the same msgids.
TEMPLATE_LANGUAGES = ("en", "fr")

Key = tuple[str | None, str]  # (msgctxt, msgid)


def key(entry: polib.POEntry | polib.MOEntry) -> Key:
    return (entry.msgctxt or None, entry.msgid)


def translation_of(entry: polib.POEntry | polib.MOEntry) -> str:
    """The Vietnamese text of an entry; Vietnamese has one plural form, msgstr[0]."""
    if entry.msgid_plural:
        forms = entry.msgstr_plural
        return forms.get(0) or forms.get("0") or ""
    return entry.msgstr


def read_entries(path: Path) -> list[polib.POEntry]:
    return [entry for entry in polib.pofile(str(path)) if not entry.obsolete]


def translated_keys(mo_path: Path) -> set[Key]:
    """Keys that a compiled catalogue translates (fuzzy entries are never compiled)."""
    if not mo_path.exists():
        return set()
    return {key(entry) for entry in polib.mofile(str(mo_path)) if translation_of(entry)}


def locale_root() -> Path:
    return Path(settings.LOCALE_PATHS[0])


def sources_root() -> Path:
    return locale_root() / "sources"


def compiled_catalogue(domain: str, suffix: str = ".mo") -> Path:
    return locale_root() / LANGUAGE / "LC_MESSAGES" / f"{domain}{suffix}"


@dataclass(frozen=True)
class Catalogue:
    """One gettext catalogue: an app (or Django itself, or our project) and a domain."""

    name: str
    domain: str
    locale_dir: Path | None  # the package's locale/ directory; None for our project

    @property
    def source(self) -> Path:
        """Our Vietnamese translation of it, the file translators edit."""
        return sources_root() / self.name / f"{self.domain}.po"

    @property
    def template(self) -> Path | None:
        """The package's catalogue of English msgids."""
        if self.locale_dir is None:
            return None
        for language in TEMPLATE_LANGUAGES:
            path = self.locale_dir / language / "LC_MESSAGES" / f"{self.domain}.po"
            if path.exists():
                return path
        return None

    @property
    def own_translation(self) -> Path | None:
        """The package's own Vietnamese catalogue, compiled."""
        if self.locale_dir is None:
            return None
        return self.locale_dir / LANGUAGE / "LC_MESSAGES" / f"{self.domain}.mo"


def upstream_catalogues() -> list[Catalogue]:
    """Catalogues of the enabled apps and of Django, in the precedence Django gives them."""
    packages = [(app.name, Path(app.path)) for app in apps.get_app_configs()]
    installed = {name for name, _ in packages}
    for name in EXTRA_PACKAGES:
        if name not in installed:
            packages.append((name, Path(importlib.import_module(name).__file__).parent))
    packages.append(("django", Path(django.__file__).parent / "conf"))
    catalogues = []
    for name, path in packages:
        for domain in DOMAINS:
            catalogue = Catalogue(name, domain, path / "locale")
            if catalogue.template is not None:
                catalogues.append(catalogue)
    return catalogues


def project_catalogue(domain: str = "django") -> Catalogue:
    return Catalogue(PROJECT, domain, None)


def extract_project_messages(domain: str) -> list[polib.POEntry] | None:
    """Our own translatable strings, fresh from the code; None without gettext's xgettext.

    makemessages writes into the first LOCALE_PATHS entry; it runs here in a scratch
    directory that links to our code, so the real catalogues stay untouched.
    """
    if shutil.which("xgettext") is None:
        return None
    base = Path(settings.BASE_DIR)
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        for name in PROJECT_DIRS:
            (root / name).symlink_to(base / name, target_is_directory=True)
        with override_settings(LOCALE_PATHS=[root / "locale"]), contextlib.chdir(root):
            call_command(
                "makemessages",
                locale=[LANGUAGE],
                domain=domain,
                symlinks=True,
                no_obsolete=True,
                verbosity=0,
            )
        po_path = root / "locale" / LANGUAGE / "LC_MESSAGES" / f"{domain}.po"
        return read_entries(po_path) if po_path.exists() else []


@dataclass
class Coverage:
    catalogue: Catalogue
    msgids: list[Key]
    missing: list[Key]

    @property
    def translated(self) -> int:
        return len(self.msgids) - len(self.missing)

    @property
    def percent(self) -> float:
        return 100.0 * self.translated / len(self.msgids) if self.msgids else 100.0


def measure(catalogue: Catalogue, entries: list[polib.POEntry]) -> Coverage:
    translated = translated_keys(compiled_catalogue(catalogue.domain))
    if catalogue.own_translation is not None:
        translated |= translated_keys(catalogue.own_translation)
    msgids = [key(entry) for entry in entries]
    return Coverage(catalogue, msgids, [k for k in msgids if k not in translated])


def upstream_coverage() -> list[Coverage]:
    return [measure(c, read_entries(c.template)) for c in upstream_catalogues()]


def project_coverage(extract: bool = True) -> list[Coverage]:
    """Coverage of our own strings, extracted from the code when gettext is installed."""
    coverages = []
    for domain in DOMAINS:
        catalogue = project_catalogue(domain)
        entries = extract_project_messages(domain) if extract else None
        if entries is None:
            entries = read_entries(catalogue.source) if catalogue.source.exists() else []
        if entries:
            coverages.append(measure(catalogue, entries))
    return coverages


class Command(BaseCommand):
    help = "Report the Vietnamese translation coverage of every catalogue the admin uses."

    def add_arguments(self, parser):
        parser.add_argument(
            "--min-percent",
            type=float,
            help="Fail if any enabled app's catalogue is translated below this percentage.",
        )
        parser.add_argument(
            "--min-project-percent",
            type=float,
            help="Fail if our own strings (freshly extracted) are translated below this.",
        )
        parser.add_argument(
            "--show-missing", action="store_true", help="List the untranslated msgids."
        )
        parser.add_argument(
            "--no-extract",
            action="store_true",
            help="Take our own strings from locale/sources/project/ instead of the code.",
        )

    def handle(self, *args, **options):
        upstream = upstream_coverage()
        project = project_coverage(extract=not options["no_extract"])
        if not options["no_extract"] and shutil.which("xgettext") is None:
            self.stderr.write("xgettext not found: our own strings read from locale/sources/.")

        self.stdout.write(
            f"{'catalogue':<30}{'domain':<10}{'msgids':>8}{'translated':>12}  percent"
        )
        for coverage in upstream + project:
            c = coverage.catalogue
            self.stdout.write(
                f"{c.name:<30}{c.domain:<10}{len(coverage.msgids):>8}"
                f"{coverage.translated:>12}  {coverage.percent:7.1f}"
            )
            if options["show_missing"]:
                for msgctxt, msgid in coverage.missing:
                    context = f"[{msgctxt}] " if msgctxt else ""
                    self.stdout.write(f"    missing: {context}{msgid!r}")
        total = sum(len(c.msgids) for c in upstream)
        translated = sum(c.translated for c in upstream)
        self.stdout.write(f"{'all enabled apps':<40}{total:>8}{translated:>12}")

        failures = []
        if options["min_percent"] is not None:
            failures += [c for c in upstream if c.percent < options["min_percent"]]
        if options["min_project_percent"] is not None:
            failures += [c for c in project if c.percent < options["min_project_percent"]]
        if failures:
            names = ", ".join(f"{c.catalogue.name} ({c.catalogue.domain})" for c in failures)
            raise CommandError(f"Translation coverage below the minimum: {names}")
