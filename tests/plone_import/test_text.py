"""Legacy Vietnamese encodings in Plone text: TCVN3 and VNI repaired, everything else left."""

import pytest

from cms.plone_import.text import legacy_encoding, needs_repair, repair_text


@pytest.mark.parametrize(
    ("legacy", "unicode"),
    [
        ("§¶ng ñy Khèi tæ chøc héi nghÞ", "Đảng ủy Khối tổ chức hội nghị"),
        ("Tin tõ n¨m 2005 cña §¶ng ñy", "Tin từ năm 2005 của Đảng ủy"),
        ("Ban Tuyªn gi¸o", "Ban Tuyên giáo"),
    ],
)
def test_repair_text_converts_tcvn3(legacy, unicode):
    assert legacy_encoding(legacy) == "TCVN3"
    assert repair_text(legacy) == unicode


@pytest.mark.parametrize(
    ("legacy", "unicode"),
    [
        ("Lòch söû Ñaûng boä Vieät Nam", "Lịch sử Đảng bộ Việt Nam"),
        ("Taøi lieäu cuûa Ban Tuyeân giaùo", "Tài liệu của Ban Tuyên giáo"),
        ("<p>Ñaûng boä ñöôïc thaønh laäp.</p>", "<p>Đảng bộ được thành lập.</p>"),
        ("Tin töùc ñòa phöông", "Tin tức địa phương"),
        ("ÑAÛNG BOÄ VIEÄT NAM", "ĐẢNG BỘ VIỆT NAM"),  # capitals with capital marks
        ("Aùnh saùng vaø boùng toái", "Ánh sáng và bóng tối"),  # a capital, a small mark
        (
            "Ngaøy hoäi ñaïi ñoaøn keát, möôøi ngaøn ngöôøi, AÁp Baéc, chaúng, tröõ",
            "Ngày hội đại đoàn kết, mười ngàn người, Ấp Bắc, chẳng, trữ",
        ),
    ],
)
def test_repair_text_converts_vni(legacy, unicode):
    assert legacy_encoding(legacy) == "VNI"
    assert repair_text(legacy) == unicode


@pytest.mark.parametrize(
    "text",
    [
        "naïve Zoë Noël",
        "François Müller",
        "Søren Møller",
        "Jürgen Groß",
        "»Müller« sagte Björn",
        "« Bonjour », dit Loïc",
        "Windows® für Müller",
        "Crème brûlée à la française",
        "Hôtel Côte d'Azur",
        "Raúl Núñez Peña",
        "São João",
        "Kraków i Łódź",
        "Ærø og Ålborg",
        "Chào mừng",  # Vietnamese already in Unicode
        "Ñaûng bộ",  # VNI codes next to Unicode Vietnamese: left as it is
        "Tin tøc",  # one legacy letter is not evidence enough
    ],
)
def test_repair_text_leaves_latin_text_with_diacritics_alone(text):
    assert legacy_encoding(text) is None
    assert needs_repair(text) is None
    assert repair_text(text) == text


def test_repair_text_composes_nfd():
    assert repair_text("Ho\u0300a Bi\u0300nh") == "Hòa Bình"
