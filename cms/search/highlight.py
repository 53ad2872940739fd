"""Highlighted snippets for search results: the words that matched wrapped in <mark>.

>>> snippet("Cải cách hành chính trong Đảng ủy Khối", ["dang", "uy"], width=60)
'Cải cách hành chính trong <mark>Đảng</mark> <mark>ủy</mark> Khối'

The words are matched in the text as written, with any diacritics and case
(cms.search.text.accent_insensitive_pattern), so "dang uy" marks "Đảng ủy". Everything
else is HTML-escaped.
"""

import re
from functools import lru_cache
from html import escape as _html_escape

from cms.search.text import accent_insensitive_pattern

SNIPPET_WIDTH = 200
ELLIPSIS = "…"
# The snippet is looked for in this much of the lead and body: the first match is nearly
# always early, and folding whole long bodies for every result costs CPU on every search.
SNIPPET_SEARCH_LENGTH = 3000


def escape(text: str) -> str:
    # The standard library's escape, not Django's: same entities (quotes included), and
    # several times faster on the many short pieces a snippet is made of.
    return _html_escape(text, quote=True)


@lru_cache(maxsize=256)
def _pattern(terms: tuple[str, ...], prefix_last: bool) -> re.Pattern | None:
    if not terms:
        return None
    alternatives = [
        accent_insensitive_pattern(t) + (r"\w*" if prefix_last and t == terms[-1] else "")
        for t in terms
    ]
    # It runs on escaped text too, where a word right after "&" or "&#" is the name of an
    # entity ("&amp;", "&#x27;"), not something the reader wrote.
    return re.compile(r"(?<![\w&])(?<!&#)(?:" + "|".join(alternatives) + r")(?!\w)")


def _marked(text: str, pattern: re.Pattern | None) -> str:
    """``text`` escaped, with the matches of ``pattern`` in <mark>."""
    escaped = escape(text)
    # A function, not the template r"<mark>\g<0></mark>": Python 3.11 expands templates in
    # Python, at several times the cost, for each of the hundreds of matches of a search.
    return pattern.sub(_mark, escaped) if pattern else escaped


def _mark(match: re.Match) -> str:
    return f"<mark>{match.group()}</mark>"


def highlight(text: str, terms: list[str], prefix_last: bool = False) -> str:
    """All of ``text``, escaped, with the matching words marked."""
    return _marked(text, _pattern(tuple(terms), prefix_last))


def snippet(
    text: str, terms: list[str], width: int = SNIPPET_WIDTH, prefix_last: bool = False
) -> str:
    """About ``width`` characters of ``text`` around the first match, escaped and marked.

    Without a match, the beginning of the text (the title may have matched instead).
    """
    text = text[:SNIPPET_SEARCH_LENGTH]
    pattern = _pattern(tuple(terms), prefix_last)
    first = pattern.search(text) if pattern else None
    start = 0
    if first and len(text) > width and first.start() > width // 3:
        start = first.start() - width // 3
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < first.start() else start
    end = start + width
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    window = " ".join(text[start:end].split())
    return (
        (ELLIPSIS if start > 0 else "")
        + _marked(window, pattern)
        + (ELLIPSIS if end < len(text) else "")
    )


def add_highlights(
    items: list[dict], query, texts: dict[int, tuple[str, str, str]] | None = None
) -> None:
    """Give each listing item of a search its ``highlight``:

    {"title": "<mark>Cải cách</mark> hành chính …", "snippet": "… <mark>cải cách</mark> …"}

    ``texts`` (title, lead, body by page id) come with ranked results (cms.search.results);
    those missing are read in one query.
    """
    from home.models import SearchText

    texts = dict(texts or {})
    missing = [item["id"] for item in items if item["id"] not in texts]
    if missing:
        documents = SearchText.objects.filter(page_id__in=missing).values_list(
            "page_id", "title", "lead", "body"
        )
        texts.update({row[0]: row[1:] for row in documents})
    for item in items:
        if item["id"] not in texts:
            continue
        title, lead, body = texts[item["id"]]
        text = f"{lead} {body[:SNIPPET_SEARCH_LENGTH]}"
        item["highlight"] = {
            "title": highlight(title, query.highlighted, query.prefix_last),
            "snippet": snippet(text, query.highlighted, prefix_last=query.prefix_last),
        }
