"""Folding Vietnamese text for matching: no diacritics, lower case, đ -> d.

>>> fold("Cải cách hành chính trong Đảng ủy Khối")
'cai cach hanh chinh trong dang uy khoi'
>>> query_terms("  CẢI   CÁCH!! <b>hoà</b>")
['cai', 'cach', 'b', 'hoa', 'b']

"hoà" and "hòa", "uỷ" and "ủy" differ only in where the tone mark sits, so both fold to the
same word. A lone "y" after a consonant folds to "i": "lý luận" and "lí luận", "kỹ năng" and
"kĩ năng", "quy định" and "qui định" are the same words spelled by older and newer rules
("ủy", "tuy", where "y" follows a vowel, keep it). Numbers lose their leading zeros:
"15/6/2022" is "15/06/2022". ``accent_insensitive_pattern`` goes the other way, for
highlighting.

>>> fold("Lý luận, kỹ năng; quy định ủy quyền ngày 03/02")
'li luan ki nang qui dinh uy quyen ngay 3 2'
"""

import re
import unicodedata
from functools import lru_cache

from cms.vietnamese import SYLLABLE_INITIAL, WORD, fold, strip_diacritics

# A query longer than this is cut: nobody types more, and every term costs the database work.
MAX_QUERY_TERMS = 12
MAX_TERM_LENGTH = 40

_WORD = WORD


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    folded = strip_diacritics(char).lower()
    if len(folded) == 1:
        return folded
    if not folded:  # a lone combining mark: keep the word in one piece
        return char if unicodedata.combining(char) else " "
    lowered = char.lower()
    return lowered if len(lowered) == 1 else char


# Every Latin letter (Latin-1, Latin Extended, Vietnamese) by the ASCII letter it folds to:
# "a" -> "aàáảãạăằắẳẵặâầấẩẫậAÀÁ…", "d" -> "dđDĐ".
_VARIANTS: dict[str, str] = {}
for _code in (
    *range(0x41, 0x5B),
    *range(0x61, 0x7B),
    *range(0x00C0, 0x0250),
    *range(0x1E00, 0x1F00),
):
    _folded = _fold_char(chr(_code))
    if _folded.isascii() and _folded.isalpha():
        _VARIANTS[_folded] = _VARIANTS.get(_folded, "") + chr(_code)


@lru_cache(maxsize=1024)
def accent_insensitive_pattern(term: str) -> str:
    """A regular expression matching ``term`` (folded) as written with any diacritics and
    case: 'dang' -> '[dđDĐ][aàá…][nN…][gG…]'. It runs on the original text, so matches
    are where the reader sees them."""
    if term.isascii() and term.isdigit():  # "6" is "06" too
        return f"0*{term}"
    if _I_AFTER_INITIAL.fullmatch(term):  # "li" is "lý" or "lí"
        return accent_insensitive_pattern(term[:-1]) + f"[{_VARIANTS['i']}{_VARIANTS['y']}]"
    return "".join(
        f"[{re.escape(_VARIANTS[char])}]" if char in _VARIANTS else re.escape(char) for char in term
    )


# fold() lives in cms.vietnamese (the content model folds documents' numbers with it too).
_I_AFTER_INITIAL = re.compile(rf"{SYLLABLE_INITIAL}i")


def _roman(number: int) -> str:
    tens, units = divmod(number, 10)
    return "X" * tens + ("", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX")[units]


# Congresses, plenums and terms are numbered in Roman ("Đại hội XIII", "khóa XV", "lần thứ
# V"), readers type either: a document holds both, as written and as a number.
ROMAN_NUMERALS = {_roman(number): number for number in range(1, 40)}
_ROMAN_TOKEN = re.compile(r"\b[IVX]+\b")


def _with_numbers(match: re.Match) -> str:
    numeral = match.group()
    number = ROMAN_NUMERALS.get(numeral)
    return f"{numeral} {number}" if number else numeral


def document_words(text: str) -> str:
    """What a document is found by: its words folded, and after each Roman numeral written
    in capitals (I to XXXIX) its value: "Đại hội XIII" -> 'dai hoi xiii 13'."""
    return fold(_ROMAN_TOKEN.sub(_with_numbers, text))


def query_terms(query: str) -> list[str]:
    """The words of what a reader typed, folded; at most ``MAX_QUERY_TERMS`` of them."""
    terms = _WORD.findall(fold(query))
    return [term[:MAX_TERM_LENGTH] for term in terms[:MAX_QUERY_TERMS]]
