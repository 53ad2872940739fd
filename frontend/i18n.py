"""Reader-facing text: English source strings, shown in Vietnamese.

The catalog is a plain gettext ``.po`` file (``locale/vi/LC_MESSAGES/frontend.po``), read
at start-up; no compile step, no Django. Templates use ``{{ _("Search") }}``.
"""

import ast
from pathlib import Path

LOCALE_DIR = Path(__file__).parent / "locale"


def read_po(path: Path) -> dict[str, str]:
    """msgid -> msgstr for the translated, non-fuzzy entries of a .po file."""
    catalog: dict[str, str] = {}
    msgid: list[str] = []
    msgstr: list[str] = []
    target: list[str] | None = None
    fuzzy = False

    def flush() -> None:
        source, text = "".join(msgid), "".join(msgstr)
        if source and text and not fuzzy:
            catalog[source] = text

    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        line = line.strip()
        if line.startswith("#,") and "fuzzy" in line:
            fuzzy = True
        elif line.startswith("msgid "):
            msgid, msgstr = [ast.literal_eval(line[6:])], []
            target = msgid
        elif line.startswith("msgstr "):
            msgstr = [ast.literal_eval(line[7:])]
            target = msgstr
        elif line.startswith('"') and target is not None:
            target.append(ast.literal_eval(line))
        elif not line:
            flush()
            msgid, msgstr, target, fuzzy = [], [], None, False
    return catalog


class Translations:
    def __init__(self, language: str = "vi"):
        path = LOCALE_DIR / language / "LC_MESSAGES" / "frontend.po"
        self.language = language
        self.catalog = read_po(path) if path.exists() else {}

    def gettext(self, message: str) -> str:
        return self.catalog.get(message, message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        # Vietnamese has one form; English source keeps two.
        return self.gettext(singular if n == 1 else plural)
