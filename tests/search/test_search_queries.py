"""Reader search: what readers type finds what editors wrote (issue 7's query table).

Runs on SQLite (folded columns) and on PostgreSQL in CI (the vietnamese_unaccent tsvector).
"""

import datetime
import importlib
import unicodedata

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Page

from cms.search.highlight import highlight
from home.models import GalleryPage, SearchDocument, SectionPage, VideoIndexPage, VideoPage
from tests.api_support import make_article, paragraph, publish

CCHC = "Cải cách hành chính trong Đảng ủy Khối"
SALARY = "Cải cách tiền lương: lộ trình đến năm 2030"
MEDIATION = "Hòa giải ở cơ sở, hoà nhập cộng đồng"
DIGITAL = "Hội nghị tổng kết năm"
DOCUMENT_ARTICLE = "Kế hoạch thực hiện Nghị quyết"
VIDEO = "Video: Đại hội Đảng bộ Khối lần thứ V"
GALLERY = "Hình ảnh Hội thao truyền thống"
DRAFT = "Bản nháp về cải cách hành chính"
# Document numbers, dates, abbreviations with dots and hyphens: PostgreSQL's parser reads
# "42/2022/NĐ-CP" as a file path and "TP.HCM" as a host name, readers type their parts.
LEGAL = "Triển khai Nghị định 42/2022/NĐ-CP về trang thông tin điện tử"

LONG_QUERY = ("cải cách hành chính " * 60)[:1000]


@pytest.fixture
def corpus(section, gallery_index, home_page, settings, tmp_path) -> dict[str, int]:
    """A few public pages of each kind, a draft, and a retracted article."""
    settings.STORAGES = {
        **settings.STORAGES,
        "documents": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    document = get_document_model()(title="Quy chế làm việc của Ban Chấp hành")
    document.file.save("quy-che.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=False)
    document.save()

    ids = {}
    ids[CCHC] = make_article(
        section,
        CCHC,
        days_ago=1,
        lead="Sau hơn một năm triển khai, thủ tục được rút gọn.",
        body=[paragraph("<p>Văn phòng Đảng ủy đã <b>số hóa</b> hồ sơ.</p>")],
    ).id
    ids[SALARY] = make_article(section, SALARY, days_ago=5, lead="Lộ trình cải cách từ Quý IV.").id
    ids[LEGAL] = make_article(
        section,
        LEGAL,
        days_ago=6,
        lead="Theo Kế hoạch số 81-KH/ĐUK ngày 15/06/2022, áp dụng cả tại TP.HCM.",
        body=[
            paragraph("<p>Phòng, chống dịch COVID-19 trong cơ quan.</p>"),
            paragraph("<p>Bồi dưỡng lý luận chính trị và kỹ năng số.</p>"),
            paragraph("<p>UBND tỉnh và Mặt trận Tổ quốc phối hợp.</p>"),
            paragraph("<p>Sắp xếp bộ máy theo 18-NQ/TW.</p>"),
            paragraph("<p>Quán triệt văn kiện khóa XIII.</p>"),
        ],
    ).id
    ids[MEDIATION] = make_article(section, MEDIATION, days_ago=2, lead="Tổ hòa giải.").id
    ids[DIGITAL] = make_article(
        section,
        DIGITAL,
        days_ago=40,
        lead="Tổng kết công tác năm.",
        body=[paragraph("<p>Đẩy mạnh chuyển đổi số trong các chi bộ, khóa 13.</p>")],
    ).id
    ids[DOCUMENT_ARTICLE] = make_article(
        section,
        DOCUMENT_ARTICLE,
        days_ago=3,
        body=[("document", {"document": document, "title": ""})],
    ).id
    videos = publish(home_page.add_child(instance=VideoIndexPage(title="Video hoạt động")))
    video = VideoPage(
        title=VIDEO,
        lead="Phóng sự về Đại hội.",
        embed_url="https://www.youtube.com/watch?v=abcdefghijk",
        publication_date=timezone.now() - datetime.timedelta(days=4),
    )
    videos.add_child(instance=video)
    ids[VIDEO] = publish(video).id
    publish(gallery_index)
    gallery = GalleryPage(title=GALLERY, lead="Hội thao chào mừng Đại hội Đảng bộ.")
    gallery_index.add_child(instance=gallery)
    ids[GALLERY] = publish(gallery).id

    draft = make_article(section, DRAFT)
    draft.unpublish()
    retracted = make_article(section, "Bài đã gỡ về cải cách hành chính")
    retracted.unpublish()
    return ids


def _search(api, query: str, **params) -> dict:
    response = api.get("/api/v2/pages/", {"search": query, **params})
    assert response.status_code == 200, response.content
    return response.json()


def _titles(api, query: str, **params) -> set[str]:
    return {item["title"] for item in _search(api, query, **params)["items"]}


NFD_CCHC = unicodedata.normalize("NFD", "cải cách hành chính")

QUERY_TABLE = [
    ("cai cach hanh chinh", {CCHC}),
    ("CẢI CÁCH HÀNH CHÍNH", {CCHC}),
    ("cải cách", {CCHC, SALARY}),
    ("Cải CÁCH hành Chính", {CCHC}),
    (NFD_CCHC, {CCHC}),
    ("  cai   cach\thanh \n chinh  ", {CCHC}),
    ("“cải cách”, hành chính!", {CCHC}),
    ("dang uy", {CCHC}),
    ("Đảng ủy", {CCHC}),
    ("đảng uỷ", {CCHC}),
    ("ĐẢNG ỦY KHỐI", {CCHC, LEGAL}),  # LEGAL: "81-KH/ĐUK"
    ("uỷ", {CCHC}),
    ("ủy", {CCHC}),
    ("hòa giải", {MEDIATION}),
    ("hoà giải", {MEDIATION}),
    ("hoa nhap", {MEDIATION}),
    ("hòa nhập", {MEDIATION}),
    ("chuyen doi so", {DIGITAL}),
    ("quy che lam viec", {DOCUMENT_ARTICLE}),
    ("dai hoi dang bo", {VIDEO, GALLERY}),
    ("hoi thao", {GALLERY}),
    ("2030", {SALARY}),
    ("42/2022/NĐ-CP", {LEGAL}),
    ("nghi dinh 42", {LEGAL}),
    ("Nghị định số 42/2022", {LEGAL}),
    ("nghi dinh 43", set()),
    ("nđ-cp", {LEGAL}),
    ("81-KH/ĐUK", {LEGAL}),
    ("kh duk", {LEGAL}),
    ("15/06/2022", {LEGAL}),
    ("15/6/2022", {LEGAL}),
    ("ngay 15/6", {LEGAL}),
    ("16/6/2022", set()),
    ("TP.HCM", {LEGAL}),
    ("tp hcm", {LEGAL}),
    ("COVID-19", {LEGAL}),
    ("covid 19", {LEGAL}),
    # "y" after a consonant as older spelling has it, "i" as newer spelling has it
    ("li luan", {LEGAL}),
    ("lí luận", {LEGAL}),
    ("LÝ LUẬN", {LEGAL}),
    ("ky nang so", {LEGAL}),
    ("kĩ năng", {LEGAL}),
    # names in full or abbreviated
    ("ủy ban nhân dân tỉnh", {LEGAL}),
    ("UBND", {LEGAL}),
    ("mat tran to quoc", {LEGAL}),
    ("MTTQ", {LEGAL}),
    ("Thành phố Hồ Chí Minh", {LEGAL}),
    ("tphcm", {LEGAL}),
    ("ĐUK", {CCHC, LEGAL}),
    ("ke hoach", {DOCUMENT_ARTICLE, LEGAL}),
    ("nghị định", {LEGAL}),
    ("nghị quyết trung ương", {LEGAL}),
    ("nghi quyet 18", {LEGAL}),
    ("ubnd xyz", set()),
    # Roman numerals and numbers
    ("khoa 13", {LEGAL, DIGITAL}),  # LEGAL: "khóa XIII", DIGITAL: "khóa 13"
    ("khóa XIII", {LEGAL, DIGITAL}),
    ("khoa xiii", {LEGAL, DIGITAL}),
    ("khoa 14", set()),
    ("quy 4", {SALARY}),
    ("quý iv", {SALARY}),
    ("đại hội lần thứ 5", {VIDEO}),
    ("lan thu v", {VIDEO}),
    ("ban nhap", set()),
    ("gỡ", set()),
    ("cai cach xyz", set()),
    (LONG_QUERY, {CCHC}),
    ("'; DROP TABLE home_searchdocument; --", set()),
    ("cải cách' OR 1=1 --", set()),
    ("<script>alert('cải cách')</script>", set()),
    ("%_%", set()),
    ("!!! ??? ...", set()),
    ("", set()),
    ("\u200b\u0301", set()),
]


def test_search_query_table(api, corpus):
    # One test over the whole table: building the corpus dominates the run time.
    wrong = {
        query: found
        for query, expected in QUERY_TABLE
        if (found := _titles(api, query)) != expected
    }

    assert wrong == {}


def test_search_count_holds_only_public_pages(api, corpus):
    result = _search(api, "cai cach hanh chinh")

    assert result["meta"]["total_count"] == 1
    assert (
        SearchDocument.objects.filter(folded_title__contains=" cai cach hanh chinh ").count() >= 2
    )


def test_migration_folds_the_documents_again(api, corpus):
    from django.apps import apps

    migration = importlib.import_module("home.migrations.0016_search_documents_folded_again")
    # The documents as the earlier code made them: vectors of the raw text on PostgreSQL,
    # folded columns without the "y" rule on SQLite (emptied here).
    SearchDocument.objects.update(folded_title=" ", folded_lead=" ", folded_body=" ")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE home_searchdocument AS d SET vector = strip(to_tsvector("
                "'vietnamese_unaccent', t.title || ' ' || t.lead || ' ' || t.body))"
                " FROM home_searchtext AS t WHERE t.page_id = d.page_id"
            )
    assert _titles(api, "nghi dinh 42") == set()
    assert _titles(api, "li luan") == set()

    migration.forward(apps, None)  # it writes through the models, not the schema editor

    assert _titles(api, "42 nghi dinh") == {LEGAL}
    assert _titles(api, "luan li") == {LEGAL}
    assert _titles(api, "cai cach hanh chinh") == {CCHC}


def test_search_title_match_ranks_above_lead_and_body_matches(api, corpus, section):
    body_only = make_article(
        section, "Tin văn phòng", body=[paragraph("<p>Đại hội Đảng bộ họp trù bị.</p>")]
    )
    ranked = [
        item["title"] for item in _search(api, "dai hoi", type="article,video,gallery")["items"]
    ]

    # The video has the words in its title, the gallery in its lead, the article in its body.
    assert ranked == [VIDEO, GALLERY, body_only.title]


def test_search_snippet_marks_words_as_written(api, corpus):
    item = _search(api, "dang uy so hoa")["items"][0]

    assert item["highlight"]["title"] == (
        "Cải cách hành chính trong <mark>Đảng</mark> <mark>ủy</mark> Khối"
    )
    assert (
        "<mark>Đảng</mark> <mark>ủy</mark> đã <mark>số hóa</mark>"
        not in item["highlight"]["snippet"]
    )
    assert (
        "<mark>Đảng</mark> <mark>ủy</mark> đã <mark>số</mark> <mark>hóa</mark>"
        in (item["highlight"]["snippet"])
    )


def test_search_snippet_marks_the_parts_of_document_numbers(api, corpus):
    item = _search(api, "nghi dinh 42/2022/nd-cp")["items"][0]

    assert item["highlight"]["title"] == (
        "Triển khai <mark>Nghị</mark> <mark>định</mark> <mark>42</mark>/<mark>2022</mark>/"
        "<mark>NĐ</mark>-<mark>CP</mark> về trang thông tin điện tử"
    )


def test_search_snippet_marks_words_in_either_spelling(api, corpus):
    item = _search(api, "li luan ki nang")["items"][0]

    assert (
        "<mark>lý</mark> <mark>luận</mark> chính trị và <mark>kỹ</mark> <mark>năng</mark>"
        in (item["highlight"]["snippet"])
    )


def test_search_snippet_marks_dates_written_with_leading_zeros(api, corpus):
    item = _search(api, "ngay 15/6/2022")["items"][0]

    assert (
        "<mark>ngày</mark> <mark>15</mark>/<mark>06</mark>/<mark>2022</mark>"
        in (item["highlight"]["snippet"])
    )


def test_search_snippet_marks_a_name_in_either_spelling(api, corpus):
    item = _search(api, "ủy ban nhân dân tỉnh")["items"][0]

    assert "<mark>UBND</mark> <mark>tỉnh</mark> và" in item["highlight"]["snippet"]


def test_search_snippet_escapes_html_in_query_and_text(api, corpus):
    item = _search(api, "<b>cai cach</b>", search_operator="or")["items"][0]

    assert "<b>" not in item["highlight"]["title"]
    assert "<script" not in item["highlight"]["snippet"]


@pytest.mark.parametrize(
    ("text", "terms", "marked"),
    [
        # Words that are also the names of HTML entities stay text; the entities stay whole.
        (
            'R&D "amp" <quot> lt',
            ["amp", "quot", "lt"],
            "R&amp;D &quot;<mark>amp</mark>&quot; &lt;<mark>quot</mark>&gt; <mark>lt</mark>",
        ),
        ("Đảng ủy's x27", ["x27", "s"], "Đảng ủy&#x27;<mark>s</mark> <mark>x27</mark>"),
        (
            "Hòa giải, HOÀ GIẢI",
            ["hoa", "giai"],
            "<mark>Hòa</mark> <mark>giải</mark>, <mark>HOÀ</mark> <mark>GIẢI</mark>",
        ),
    ],
)
def test_highlight_marks_words_and_keeps_entities_whole(text, terms, marked):
    assert highlight(text, terms) == marked


def test_search_filters_by_section_type_and_dates(api, corpus, home_page):
    other = publish(home_page.add_child(instance=SectionPage(title="Đoàn thể")))
    make_article(other, "Cải cách ở Đoàn thể")

    assert _titles(api, "cai cach", section=other.id) == {"Cải cách ở Đoàn thể"}
    assert _titles(api, "dai hoi", type="video") == {VIDEO}
    assert _titles(api, "dai hoi", type="gallery") == {GALLERY}
    assert _titles(api, "cai cach", type="article") == {CCHC, SALARY, "Cải cách ở Đoàn thể"}
    day = (timezone.localtime() - datetime.timedelta(days=5)).date().isoformat()
    assert _titles(api, "cai cach", published_to=day) == {SALARY}
    since = (timezone.localtime() - datetime.timedelta(days=4)).date().isoformat()
    assert _titles(api, "dai hoi", type="video,gallery", published_from=since) == {VIDEO, GALLERY}
    until = (timezone.localtime() - datetime.timedelta(days=1)).date().isoformat()
    assert _titles(api, "dai hoi", type="video,gallery", published_to=until) == {VIDEO}


def test_search_with_the_same_filters_sees_changes_at_once(api, corpus, section):
    assert _titles(api, "cai cach", type="article") == {CCHC, SALARY}
    make_article(section, "Cải cách thủ tục mới")
    Page.objects.get(id=corpus[SALARY]).unpublish()

    # Other words (the response cache does not know them), the same filters.
    assert _titles(api, "cải cách", type="article") == {CCHC, "Cải cách thủ tục mới"}
    assert _search(api, "CẢI CÁCH", type="article", offset=5)["meta"]["total_count"] == 2


@pytest.mark.skipif(connection.vendor != "postgresql", reason="ranked results: PostgreSQL")
def test_search_with_known_filters_does_not_build_them_again(api, corpus, section):
    _search(api, "cai cach", section=section.slug)

    with CaptureQueriesContext(connection) as queries:
        assert _titles(api, "hoa giai", section=section.slug) == {MEDIATION}

    # The section was looked up for the first search only.
    assert not any("home_sectionpage" in query["sql"] for query in queries.captured_queries)


def test_search_pages_through_results(api, corpus):
    first = _search(api, "cai cach", limit=1)
    second = _search(api, "cai cach", limit=1, offset=1)

    assert first["meta"]["total_count"] == second["meta"]["total_count"] == 2
    assert {first["items"][0]["title"], second["items"][0]["title"]} == {CCHC, SALARY}


def test_search_operator_or_finds_either_word(api, corpus):
    assert _titles(api, "tiền lương, thao", search_operator="or") == {SALARY, GALLERY}
    assert _titles(api, "tiền lương, thao") == set()


def test_search_respects_order_parameter(api, corpus):
    titles = [
        i["title"]
        for i in _search(api, "cai cach", type="article", order="publication_date")["items"]
    ]

    assert titles == [SALARY, CCHC]


def test_search_finds_new_version_after_republish(api, corpus, section):
    article = section.get_children().get(id=corpus[MEDIATION]).specific
    article.title = "Tổ hòa giải được khen thưởng"
    publish(article)

    assert _titles(api, "khen thuong") == {"Tổ hòa giải được khen thưởng"}
    assert _titles(api, "hoa nhap") == set()


def test_search_unpublished_page_disappears(api, corpus, section):
    section.get_children().get(id=corpus[SALARY]).specific.unpublish()

    assert _titles(api, "cai cach") == {CCHC}


def test_search_queries_are_bounded(api, corpus, django_assert_max_num_queries):
    with django_assert_max_num_queries(14):
        _search(api, "cai cach", limit=20)


AUTOCOMPLETE_TABLE = [
    ("cai ca", {CCHC, SALARY}),
    ("cải cách hành", [CCHC]),
    ("Dang u", [CCHC]),
    ("ĐẢNG Ủ", [CCHC]),
    ("hoa gi", [MEDIATION]),
    ("hoà", {MEDIATION, DOCUMENT_ARTICLE}),  # "hoà", and "hoạch" as a word being typed
    ("to hoa giai", []),  # in a lead only: autocomplete offers titles
    ("nghị định 42/20", [LEGAL]),
    ("ND-C", [LEGAL]),
    ("", []),
    ("'; --", []),
]


def _suggestions(api, query: str) -> list[str]:
    response = api.get("/api/v2/search/autocomplete/", {"q": query})
    assert response.status_code == 200, response.content
    return [item["title"] for item in response.json()["items"]]


def test_autocomplete_table(api, corpus):
    wrong = {
        query: found
        for query, expected in AUTOCOMPLETE_TABLE
        if (found := _suggestions(api, query)) != expected
        and not (isinstance(expected, set) and set(found) == expected)
    }

    assert wrong == {}


def test_autocomplete_item_shape(api, corpus):
    item = api.get("/api/v2/search/autocomplete/", {"q": "cai cach h"}).json()["items"][0]

    assert item["id"] == corpus[CCHC]
    assert item["kind"] == "article"
    assert item["path"] == "/tin-tuc-su-kien/cai-cach-hanh-chinh-trong-dang-uy-khoi/"
    assert item["highlight"].startswith("<mark>Cải</mark> <mark>cách</mark> <mark>hành</mark>")


def test_autocomplete_bad_parameters_are_400(api, corpus):
    assert api.get("/api/v2/search/autocomplete/", {"q": "x", "limit": "0"}).status_code == 400
    assert api.get("/api/v2/search/autocomplete/", {"q": "x", "foo": "1"}).status_code == 400
    response = api.get("/api/v2/search/autocomplete/", {"q": "x", "locale": "fr"})
    assert response.status_code == 400
    assert response.json()["parameter"] == "locale"
