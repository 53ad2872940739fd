"""Folding Vietnamese text for matching: no diacritics, lower case, đ -> d.

>>> fold("Cải cách hành chính trong Đảng ủy Khối")
'cai cach hanh chinh trong dang uy khoi'
>>> query_terms("  CẢI   CÁCH!! <b>hoà</b>")
['cai', 'cach', 'b', 'hoa', 'b']

"hoà" and "hòa", "uỷ" and "ủy" differ only in where the tone mark sits, so both fold to the
same word. ``fold_aligned`` keeps one character per character, so that a match found in the
folded text is at the same offsets in the original (the snippets rely on it).
"""

import re
import unicodedata
from functools import lru_cache

from home.vietnamese import nfc, strip_diacritics

# A query longer than this is cut: nobody types more, and every term costs the database work.
MAX_QUERY_TERMS = 12
MAX_TERM_LENGTH = 40

_WORD = re.compile(r"\w+")


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    folded = strip_diacritics(char).lower()
    if len(folded) == 1:
        return folded
    if not folded:  # a lone combining mark: keep the word in one piece
        return char if unicodedata.combining(char) else " "
    lowered = char.lower()
    return lowered if len(lowered) == 1 else char


# Latin, Latin Extended and Vietnamese letters, precomputed: str.translate is C-fast.
_ALIGNED_TABLE = {
    code: _fold_char(chr(code))
    for code in (*range(0x00C0, 0x0250), *range(0x1E00, 0x1F00))
    if _fold_char(chr(code)) != chr(code)
}
_ALIGNED_TABLE[0x0130] = "i"  # 'İ'.lower() has two characters


def fold(text: str) -> str:
    """Words of ``text`` without diacritics, lower case, separated by single spaces."""
    return " ".join(_WORD.findall(strip_diacritics(nfc(text)).lower()))


def fold_aligned(text: str) -> str:
    """``text`` (NFC) folded character by character: same length, same offsets."""
    folded = text.translate(_ALIGNED_TABLE).lower()
    if len(folded) != len(text):  # characters outside the table whose lower case grows
        folded = "".join(_fold_char(char) for char in text)
    return folded


def query_terms(query: str) -> list[str]:
    """The words of what a reader typed, folded; at most ``MAX_QUERY_TERMS`` of them."""
    terms = _WORD.findall(fold(query))
    return [term[:MAX_TERM_LENGTH] for term in terms[:MAX_QUERY_TERMS]]
