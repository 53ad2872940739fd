"""Vietnamese text rules: NFC storage, ASCII slugs and the date line.

>>> slugify_vi("Cải cách hành chính trong Đảng")
'cai-cach-hanh-chinh-trong-dang'
>>> date_line(datetime.date(2022, 6, 15))
'Thứ Tư, ngày 15/06/2022'
"""

import datetime
import re
import unicodedata

from django.utils import timezone

# đ/Đ have no Unicode decomposition, so stripping combining marks alone would drop them.
_NON_DECOMPOSING = str.maketrans({"đ": "d", "Đ": "D"})
_NON_SLUG_CHARS = re.compile(r"[^a-z0-9]+")

WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")
WEEKDAYS_SHORT = ("Thứ 2", "Thứ 3", "Thứ 4", "Thứ 5", "Thứ 6", "Thứ 7", "Chủ nhật")

SLUG_MAX_LENGTH = 80


def nfc(text: str) -> str:
    """Compose text to NFC, the form everything is stored and compared in."""
    return unicodedata.normalize("NFC", text)


def strip_diacritics(text: str) -> str:
    """'Đảng ủy Khối' -> 'Dang uy Khoi'."""
    decomposed = unicodedata.normalize("NFD", text.translate(_NON_DECOMPOSING))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


# Letters and digits: "_" separates words, as in PostgreSQL's parser.
WORD = re.compile(r"[^\W_]+")
# The consonants a syllable may start with, before the "y" that newer spelling writes "i".
SYLLABLE_INITIAL = "(?:ch|kh|ph|th|tr|qu|ng|nh|[bcdhklmnprstvx])"
_Y_AFTER_INITIAL = re.compile(rf"\b({SYLLABLE_INITIAL})y\b")
_LEADING_ZEROS = re.compile(r"\b0+(?=\d)")


def fold(text: str) -> str:
    """Words of ``text`` without diacritics, lower case, separated by single spaces: the form
    search matches ("Lý luận ngày 03/02" -> "li luan ngay 3 2"; see cms.search.text)."""
    words = " ".join(WORD.findall(strip_diacritics(nfc(text)).lower()))
    return _LEADING_ZEROS.sub("", _Y_AFTER_INITIAL.sub(r"\1i", words))


def slugify_vi(text: str, max_length: int = SLUG_MAX_LENGTH) -> str:
    """An ASCII slug from Vietnamese text, cut at a word boundary when longer than max_length."""
    slug = _NON_SLUG_CHARS.sub("-", strip_diacritics(text).lower()).strip("-")
    if len(slug) <= max_length:
        return slug
    cut = slug[: max_length + 1]
    boundary = cut.rfind("-")
    return (cut[:boundary] if boundary > 0 else slug[:max_length]).strip("-")


def date_line(value: datetime.date | datetime.datetime, short: bool = False) -> str:
    """'Thứ Tư, ngày 15/06/2022' for the date (in the site's time zone for datetimes)."""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        value = value.date()
    weekday = (WEEKDAYS_SHORT if short else WEEKDAYS)[value.weekday()]
    return f"{weekday}, ngày {value:%d/%m/%Y}"
