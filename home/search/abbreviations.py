"""Names written in full or abbreviated: "UBND" is "Ủy ban nhân dân", the "NĐ" of
"42/2022/NĐ-CP" is "nghị định". A search for either spelling finds both.

>>> group_terms(["ubnd", "tinh"])
[(('ubnd',), ('uy', 'ban', 'nhan', 'dan')), (('tinh',),)]
"""

from home.search.text import fold

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
            groups.append(((terms[i],),))
            i += 1
    return groups
