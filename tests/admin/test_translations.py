"""The Vietnamese catalogues: valid, complete, faithful to the English and consistent.

The catalogues are built by scripts/build_locale.py from locale/sources/; the terms are in
locale/vi/GLOSSARY.md.
"""

import re
import shutil
import subprocess
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

import polib
import pytest
from django.conf import settings

from home.management.commands.translation_coverage import (
    measure,
    project_catalogue,
    read_entries,
    sources_root,
    translation_of,
    upstream_coverage,
)

BASE_DIR = Path(settings.BASE_DIR)
CATALOGUES = sorted(Path(settings.LOCALE_PATHS[0]).rglob("*.po"))
SOURCES = sorted(sources_root().rglob("*.po"))
# Sources written for this project, held to the glossary; Django's and the other
# third-party catalogues keep their own wording where it was already right.
GLOSSARY_SOURCES = [
    path for path in SOURCES if path.parent.name.startswith(("wagtail", "project", "extra"))
]

needs_msgfmt = pytest.mark.skipif(shutil.which("msgfmt") is None, reason="needs GNU gettext")

PRINTF = re.compile(r"%(?:\(\w+\))?[-#0 +]*\d*(?:\.\d+)?[sdifrxXeEgGcu%]")
BRACES = re.compile(r"\{\w*\}")
TAG = re.compile(r"</?[a-zA-Z][^>]*>")
# Tone mark on the first vowel of "oa", "oe", "uy" at the end of a syllable (xoá, khoẻ,
# huỷ): the old style; the glossary uses the new one (xóa, khỏe, hủy). "quý" is fine.
OLD_STYLE_TONE = re.compile(r"(?<![qQ])(?:[oO][áàảãạÁÀẢÃẠéèẻẽẹÉÈẺẼẸ]|[uU][ýỳỷỹỵÝỲỶỸỴ])(?![^\W\d_])")
# (English, accepted Vietnamese terms): the terms marked ✓ in the glossary.
GLOSSARY = [
    (r"workflows?", ("quy trình",)),
    (r"revisions?", ("phiên bản",)),
    (r"collections?", ("bộ sưu tập",)),
    (r"drafts?", ("bản nháp",)),
    (r"unpublish(?:ed|es|ing)?", ("gỡ xuất bản", "chưa xuất bản")),
    (r"publish(?:ed|es|ing)?", ("xuất bản",)),
    (r"approv(?:e|ed|es|ing|al)", ("phê duyệt", "duyệt")),
    (r"reject(?:ed|s|ing|ion)?", ("từ chối",)),
    (r"moderation", ("duyệt",)),
    (r"snippets?", ("dùng chung",)),
    (r"images?", ("ảnh",)),
    # Wagtail's uploaded files are tài liệu; our legal documents are văn bản (GLOSSARY.md).
    (r"documents?", ("tài liệu", "văn bản")),
    (r"pages?", ("trang",)),
    (r"schedul(?:e|ed|es|ing)", ("lịch",)),
    (r"(?:un)?lock(?:ed|s|ing)?", ("khóa",)),
    (r"comments?", ("bình luận", "ý kiến")),
    (r"sites?", ("website",)),
    (r"tags?", ("thẻ",)),
    (r"alias(?:es)?", ("bản sao đồng bộ",)),
    (r"privacy", ("riêng tư",)),
    (r"locales?", ("ngôn ngữ",)),
    (r"redirects?", ("chuyển hướng",)),
]


def translated_entries(paths: list[Path]):
    for path in paths:
        for entry in read_entries(path):
            if translation_of(entry):
                yield path, entry


def english_of(entry: polib.POEntry) -> str:
    """What msgstr[0] translates: Vietnamese uses the plural form for every count."""
    return entry.msgid_plural or entry.msgid


def short(path: Path, entry: polib.POEntry) -> str:
    return f"{path.parent.name}: {entry.msgid!r} -> {translation_of(entry)!r}"


@needs_msgfmt
@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: str(p.relative_to(BASE_DIR)))
def test_catalogue_passes_msgfmt_check(path):
    result = subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


@needs_msgfmt
def test_compiled_catalogues_are_built_from_the_current_sources():
    result = subprocess.run(
        [sys.executable, str(BASE_DIR / "scripts" / "build_locale.py"), "check"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


def test_translations_keep_placeholders_html_and_surrounding_spaces():
    problems = []
    for path, entry in translated_entries(SOURCES):
        english, vietnamese = english_of(entry), translation_of(entry)
        for pattern in (PRINTF, BRACES, TAG):
            if Counter(pattern.findall(english)) != Counter(pattern.findall(vietnamese)):
                problems.append(short(path, entry))
        if english[:1].isspace() != vietnamese[:1].isspace():
            problems.append(short(path, entry))
        if english[-1:].isspace() != vietnamese[-1:].isspace():
            problems.append(short(path, entry))
    assert not problems, "\n".join(problems)


def test_translations_are_in_nfc():
    problems = [
        short(path, entry)
        for path, entry in translated_entries(SOURCES)
        if not unicodedata.is_normalized("NFC", translation_of(entry))
    ]
    assert not problems, "\n".join(problems)


def test_translations_use_new_style_tone_marks():
    problems = [
        short(path, entry)
        for path, entry in translated_entries(SOURCES)
        if OLD_STYLE_TONE.search(translation_of(entry))
    ]
    assert not problems, "\n".join(problems)


def test_same_msgid_has_one_translation_in_every_catalogue():
    # Django keeps one translation per msgid, whichever app asked for it.
    translations = defaultdict(set)
    for path, entry in translated_entries(SOURCES):
        translations[(path.stem, entry.msgctxt, entry.msgid)].add(translation_of(entry))
    conflicts = {k: v for k, v in translations.items() if len(v) > 1}
    assert not conflicts


def test_translations_use_the_glossary_terms():
    problems = []
    for path, entry in translated_entries(GLOSSARY_SOURCES):
        # Placeholders, tags and URLs are not words to translate.
        english = re.sub(r"%\(\w+\)s|\{\w*\}|<[^>]+>|\S+://\S+", " ", english_of(entry))
        vietnamese = translation_of(entry).lower()
        for term, accepted in GLOSSARY:
            if re.search(rf"\b{term}\b", english, re.IGNORECASE) and not any(
                word in vietnamese for word in accepted
            ):
                problems.append(f"{short(path, entry)}: {term} = {' / '.join(accepted)}")
    assert not problems, "\n".join(problems)


def test_no_translation_awaits_review():
    fuzzy = [
        short(path, entry)
        for path in SOURCES
        for entry in read_entries(path)
        if "fuzzy" in entry.flags
    ]
    assert not fuzzy, "\n".join(fuzzy)


def test_every_catalogue_of_the_enabled_apps_is_translated():
    incomplete = {
        f"{c.catalogue.name} ({c.catalogue.domain})": c.missing[:10]
        for c in upstream_coverage()
        if c.missing
    }
    assert not incomplete


def test_our_own_strings_are_translated():
    catalogue = project_catalogue()
    coverage = measure(catalogue, read_entries(catalogue.source))
    assert coverage.msgids
    assert not coverage.missing
