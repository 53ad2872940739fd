"""Names written in full or abbreviated: "UBND" is "Ủy ban nhân dân", the "NĐ" of
"42/2022/NĐ-CP" is "nghị định". A search for either spelling finds both. A Roman numeral
typed in a query finds it written as a number too ("dai hoi xiii" finds "Đại hội 13"; the
other way round, documents hold the value of their numerals: cms.search.text).

>>> group_terms(["ubnd", "tinh"])
[(('ubnd',), ('uy', 'ban', 'nhan', 'dan')), (('tinh',),)]
>>> group_terms(["dai", "hoi", "xiii"])
[(('dai',),), (('hoi',),), (('xiii',), ('13',))]
"""

from cms.search.text import ROMAN_NUMERALS, fold

# The spellings of one name per line, as editors write them (folded when loaded). The short
# ones are the codes of Party and state documents: "18-NQ/TW", "05-CT/TW", "42/2022/NĐ-CP".
SAME_NAMES: tuple[tuple[str, ...], ...] = (
    ("UBND", "Ủy ban nhân dân"),
    ("HĐND", "Hội đồng nhân dân"),
    ("MTTQ", "Mặt trận Tổ quốc"),
    ("BCH", "Ban Chấp hành"),
    ("BTV", "Ban Thường vụ"),
    ("UBKT", "Ủy ban Kiểm tra"),
    ("ĐUK", "Đảng ủy Khối"),
    ("CNXH", "chủ nghĩa xã hội"),
    ("XHCN", "xã hội chủ nghĩa"),
    ("ĐBQH", "đại biểu Quốc hội"),
    ("KT-XH", "kinh tế - xã hội"),
    ("CCB", "cựu chiến binh"),
    ("TP.HCM", "TPHCM", "Thành phố Hồ Chí Minh"),
    ("NQ", "nghị quyết"),
    ("CT", "chỉ thị"),
    ("QĐ", "quyết định"),
    ("NĐ", "nghị định"),
    ("KH", "kế hoạch"),
    ("HD", "hướng dẫn"),
    ("TB", "thông báo"),
    ("TW", "Trung ương"),
)


def _alternatives() -> dict[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    table = {}
    for names in SAME_NAMES:
        spellings = [tuple(fold(name).split()) for name in names]
        for spelling in spellings:
            table[spelling] = tuple(other for other in spellings if other != spelling)
    return table


_ALTERNATIVES = _alternatives()
_LONGEST = max(len(spelling) for spelling in _ALTERNATIVES)

Group = tuple[tuple[str, ...], ...]


def group_terms(terms: list[str]) -> list[Group]:
    """The words of a query in groups: a name's words with its other spellings, or a word
    alone. Longer names first: "uy ban kiem tra" is UBKT, not UBND's first words."""
    groups: list[Group] = []
    i = 0
    while i < len(terms):
        for length in range(min(_LONGEST, len(terms) - i), 0, -1):
            words = tuple(terms[i : i + length])
            if words in _ALTERNATIVES:
                groups.append((words, *_ALTERNATIVES[words]))
                i += length
                break
        else:
            groups.append(_numeral_or_word(terms[i]))
            i += 1
    return groups


# Numerals that are Vietnamese words too ("vì", "xi măng"), or single letters, stay words.
_NOT_NUMERALS = {"i", "v", "x", "vi", "xi"}


def _numeral_or_word(term: str) -> Group:
    number = ROMAN_NUMERALS.get(term.upper())
    if number is None or term in _NOT_NUMERALS:
        return ((term,),)
    return ((term,), (str(number),))
