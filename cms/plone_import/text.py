"""Text from old Plone sites, made right: NFC, legacy TCVN3 (ABC) repaired.

Portals of the 2000s were often typed with the .VnTime fonts: the text is TCVN3 (ABC)
bytes shown as Latin-1, "Tin tøc" for "Tin tức". Plone stored those characters as they came,
so they arrive in the export as Latin-1 letters that never occur in Vietnamese.

>>> repair_text("Ho\u0300a Bi\u0300nh")  # decomposed (NFD)
'Hòa Bình'
>>> repair_text("§¶ng ñy Khèi")
'Đảng ủy Khối'
>>> repair_text("Chào mừng")  # already right: unchanged
'Chào mừng'
"""

import re

from cms.vietnamese import nfc

# TCVN3 (ABC) code points as Latin-1 characters -> the Vietnamese letters they stand for.
# The capital-letter font (.VnTimeH) reuses the lower-case codes, so only the seven
# capitals with their own codes are here.
_TCVN3 = dict(
    zip(
        "µ¸¶·¹¨»¾¼½Æ©ÇÊÈÉË®ÌÐÎÏÑªÒÕÓÔÖ×ÝØÜÞßãáâä«åèæçé¬êíëìîïóñòô\xadõøö÷ùúýûüþ¡¢§£¤¥¦",
        "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĂÂĐÊÔƠƯ",
        strict=True,
    )
)
_TCVN3_TABLE = str.maketrans(_TCVN3)
# Characters that only TCVN3 text has: Latin-1 letters and signs that are not Vietnamese.
_VIETNAMESE_LATIN1 = set("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")
_TCVN3_ONLY = re.compile("[" + re.escape("".join(set(_TCVN3) - _VIETNAMESE_LATIN1)) + "]")
# Letters only real Unicode Vietnamese has (ă, đ, ơ, ư and the precomposed tones).
_UNICODE_VIETNAMESE = re.compile("[ăĂđĐơƠưƯ\u1ea0-\u1ef9]")


def looks_like_tcvn3(text: str) -> bool:
    """Two or more TCVN3-only characters and no letter of Unicode Vietnamese."""
    return len(_TCVN3_ONLY.findall(text)) >= 2 and not _UNICODE_VIETNAMESE.search(text)


def repair_text(text: str) -> str:
    """NFC, with TCVN3 text converted to Unicode where it is recognised."""
    text = nfc(text or "")
    if looks_like_tcvn3(text):
        text = nfc(text.translate(_TCVN3_TABLE))
    return text


def needs_repair(text: str) -> bool:
    return bool(text) and looks_like_tcvn3(nfc(text))
