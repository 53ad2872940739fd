import datetime
import unicodedata

import pytest

from cms.vietnamese import date_line, nfc, slugify_vi, strip_diacritics


def test_slugify_vi_gives_ascii_slug_for_vietnamese_title():
    assert slugify_vi("Cải cách hành chính trong Đảng") == "cai-cach-hanh-chinh-trong-dang"


def test_slugify_vi_maps_d_with_stroke_in_both_cases():
    assert slugify_vi("ĐẢNG ỦY đoàn thể") == "dang-uy-doan-the"


def test_slugify_vi_accepts_decomposed_input():
    decomposed = unicodedata.normalize("NFD", "Hội nghị Ban Chấp hành Đảng bộ Khối")
    assert slugify_vi(decomposed) == "hoi-nghi-ban-chap-hanh-dang-bo-khoi"


def test_slugify_vi_drops_punctuation_and_repeated_separators():
    assert slugify_vi("  Tin tức -- Sự kiện: “Năm 2026”!  ") == "tin-tuc-su-kien-nam-2026"


def test_slugify_vi_cuts_long_titles_at_a_word_boundary():
    title = (
        "Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh tổ chức hội nghị sơ kết công tác "
        "xây dựng Đảng sáu tháng đầu năm và triển khai nhiệm vụ trọng tâm sáu tháng cuối năm"
    )
    slug = slugify_vi(title, max_length=60)
    assert len(slug) <= 60
    assert slugify_vi(title).startswith(slug)
    # the cut falls between two words of the full slug, never inside one
    assert slugify_vi(title)[len(slug)] == "-"


def test_strip_diacritics_keeps_letters_and_case():
    assert strip_diacritics("Đảng ủy Khối") == "Dang uy Khoi"


def test_nfc_composes_decomposed_text():
    decomposed = unicodedata.normalize("NFD", "Chuyển đổi số")
    assert decomposed != "Chuyển đổi số"
    assert nfc(decomposed) == "Chuyển đổi số"


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (datetime.date(2022, 6, 13), "Thứ Hai, ngày 13/06/2022"),
        (datetime.date(2022, 6, 14), "Thứ Ba, ngày 14/06/2022"),
        (datetime.date(2022, 6, 15), "Thứ Tư, ngày 15/06/2022"),
        (datetime.date(2022, 6, 16), "Thứ Năm, ngày 16/06/2022"),
        (datetime.date(2022, 6, 17), "Thứ Sáu, ngày 17/06/2022"),
        (datetime.date(2022, 6, 18), "Thứ Bảy, ngày 18/06/2022"),
        (datetime.date(2022, 6, 19), "Chủ nhật, ngày 19/06/2022"),
    ],
)
def test_date_line_names_every_weekday(day, expected):
    assert date_line(day) == expected


def test_date_line_short_form_uses_numbers():
    assert date_line(datetime.date(2022, 6, 15), short=True) == "Thứ 4, ngày 15/06/2022"


def test_date_line_uses_the_site_time_zone_for_aware_datetimes():
    # 20:00 UTC on Tuesday is 03:00 on Wednesday in Hà Nội (UTC+7).
    late_tuesday_utc = datetime.datetime(2022, 6, 14, 20, 0, tzinfo=datetime.UTC)
    assert date_line(late_tuesday_utc) == "Thứ Tư, ngày 15/06/2022"
