"""Text from old Plone sites, made right: NFC, legacy TCVN3 (ABC) and VNI repaired.

Portals of the 2000s were often typed with the .VnTime (TCVN3) or VNI-Times (VNI) fonts:
the text is those fonts' bytes shown as Latin-1, "Tin tøc" (TCVN3) or "Tin töùc" (VNI) for
"Tin tức". Plone stored those characters as they came, so they arrive in the export as
Latin-1 letters and signs.

>>> repair_text("Ho\u0300a Bi\u0300nh")  # decomposed (NFD)
'Hòa Bình'
>>> repair_text("§¶ng ñy Khèi")  # TCVN3
'Đảng ủy Khối'
>>> repair_text("Ñaûng boä Vieät Nam")  # VNI
'Đảng bộ Việt Nam'
>>> repair_text("Chào mừng")  # already right: unchanged
'Chào mừng'
>>> repair_text("naïve Zoë Noël")  # not Vietnamese at all: unchanged
'naïve Zoë Noël'
"""

import re

from cms.vietnamese import nfc

# --- TCVN3 (ABC) -------------------------------------------------------------------------

# TCVN3 code points as Latin-1 characters -> the Vietnamese letters they stand for.
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
# TCVN3 codes that are signs, not letters, in Latin-1 ("n¨m", "§¶ng"). German, French or
# Nordic text has ä, ç, ë, ï, ñ, ö, ø, ü too, but never these inside a word. The quotes « »
# are left out (German »Zitat«), as are ® and © after a word (a trade mark): in TCVN3 they
# are đ and â, which are followed by a letter.
_TCVN3_SIGNS = "µ¸¶·¹¨¾¼½©®ª¬×§£¤¥¦¡¢\xad÷"
_TCVN3_CHAR = "[A-Za-z" + re.escape("".join(_TCVN3)) + "]"
_TCVN3_IN_A_WORD = re.compile(
    f"[{re.escape(_TCVN3_SIGNS)}](?={_TCVN3_CHAR})"
    f"|(?<={_TCVN3_CHAR})[{re.escape(_TCVN3_SIGNS.replace('®', '').replace('©', ''))}]"
)
# Letters only real Unicode Vietnamese has (ă, đ, ơ, ư and the precomposed tones).
_UNICODE_VIETNAMESE = re.compile("[ăĂđĐơƠưƯ\u1ea0-\u1ef9]")


def looks_like_tcvn3(text: str) -> bool:
    """Two or more TCVN3-only characters, one of them a sign inside a word, and no letter
    of Unicode Vietnamese."""
    return (
        len(_TCVN3_ONLY.findall(text)) >= 2
        and _TCVN3_IN_A_WORD.search(text) is not None
        and not _UNICODE_VIETNAMESE.search(text)
    )


# --- VNI ---------------------------------------------------------------------------------

# VNI writes a vowel with its marks as the base letter followed by one code for the mark(s)
# ("Vieät" = Vi + e + ä + t), and has one-code letters for đ, ơ, ư and four tones of i, y.
_TONES = "", "ù", "ø", "û", "õ", "ï"  # none, sắc, huyền, hỏi, ngã, nặng
_HAT_TONES = "â", "á", "à", "å", "ã", "ä"  # â, ê, ô with the same five tones
_BREVE_TONES = "ê", "é", "è", "ú", "ü", "ë"  # ă
_VNI_LOWER: dict[str, str] = {"ñ": "đ", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ"}
for _base, _marks, _letters in (
    ("a", _TONES, "aáàảãạ"),
    ("a", _HAT_TONES, "âấầẩẫậ"),
    ("a", _BREVE_TONES, "ăắằẳẵặ"),
    ("e", _TONES, "eéèẻẽẹ"),
    ("e", _HAT_TONES, "êếềểễệ"),
    ("o", _TONES, "oóòỏõọ"),
    ("o", _HAT_TONES, "ôốồổỗộ"),
    ("ô", _TONES, "ơớờởỡợ"),
    ("u", _TONES, "uúùủũụ"),
    ("ö", _TONES, "ưứừửữự"),
    ("y", _TONES[:5], "yýỳỷỹ"),
):
    for _mark, _letter in zip(_marks, _letters, strict=True):
        _VNI_LOWER[_base + _mark] = _letter
_VNI: dict[str, str] = {}
for _code, _letter in _VNI_LOWER.items():
    if _code in ("a", "e", "o", "u", "y"):
        continue
    _VNI[_code] = _letter
    # Capitals: a capital base with a capital mark ("VIEÄT"), or with a small one when
    # only the first letter of the word is a capital ("Aùnh").
    _upper = _code[0].upper() + _code[1:]
    _VNI[_upper] = _letter.upper()
    _VNI[_code.upper()] = _letter.upper()
_VNI_CODES = re.compile("|".join(re.escape(c) for c in sorted(_VNI, key=len, reverse=True)))
# What VNI text never has outside its codes: other non-ASCII letters (í and ì are the same
# in VNI and Latin-1).
_NOT_VNI = re.compile(r"[^\W\d_A-Za-zíìÍÌ]")


def looks_like_vni(text: str) -> bool:
    """Two or more VNI codes, one of them a vowel with its mark (French has ô alone: "Hôtel
    Côte"), no other non-ASCII letter, no letter of Unicode Vietnamese."""
    if _UNICODE_VIETNAMESE.search(text):
        return False
    codes = _VNI_CODES.findall(text)
    return (
        len(codes) >= 2
        and any(len(code) == 2 for code in codes)
        and not _NOT_VNI.search(_VNI_CODES.sub("", text))
    )


def _from_vni(text: str) -> str:
    return _VNI_CODES.sub(lambda match: _VNI[match.group()], text)


# --- both ----------------------------------------------------------------------------------


def legacy_encoding(text: str) -> str | None:
    """ "TCVN3" or "VNI" when ``text`` (in NFC) is Vietnamese in that legacy encoding."""
    if looks_like_tcvn3(text):
        return "TCVN3"
    if looks_like_vni(text):
        return "VNI"
    return None


def repair_text(text: str) -> str:
    """NFC, with TCVN3 or VNI text converted to Unicode where it is recognised."""
    text = nfc(text or "")
    encoding = legacy_encoding(text)
    if encoding == "TCVN3":
        text = nfc(text.translate(_TCVN3_TABLE))
    elif encoding == "VNI":
        text = nfc(_from_vni(text))
    return text


def needs_repair(text: str) -> str | None:
    """The legacy encoding ``text`` is in ("TCVN3", "VNI"), or None."""
    return legacy_encoding(nfc(text)) if text else None
