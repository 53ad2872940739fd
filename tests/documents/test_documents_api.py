"""The document library's API on the database CI uses: filters, accent-insensitive search by
number, summary and file text, the detail with its files and links, nothing unpublished, and
a constant number of queries whatever the page size (issue 19)."""

import pytest
from django.core.cache import cache

from home.models.documents import LegalDocumentRelation
from tests.api_support import make_article, publish
from tests.documents.support import library, lists, make_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def docs(home_page, disk_storage):
    """Documents on disk (disk_storage): the files are served as readers get them."""
    cache.clear()
    index = library(home_page)
    ls = lists()
    plan = make_document(
        index,
        "81",
        ls["kh"],
        ls["duk"],
        "Kế hoạch chuyển đổi số năm 2026",
        summary="Kế hoạch chuyển đổi số trong các tổ chức đảng.",
        text="Ứng dụng chữ ký số trong cơ quan đảng.",
        field=ls["cds"],
    )
    decree = make_document(
        index,
        "42",
        ls["nd"],
        ls["cp"],
        "Nghị định về dịch vụ công trực tuyến",
        summary="Quy định về cung cấp thông tin và dịch vụ công trực tuyến.",
        issued="2022-06-24",
    )
    old = make_document(
        index,
        "45",
        ls["kh"],
        ls["duk"],
        "Kế hoạch kiểm tra năm 2025",
        issued="2025-01-15",
        status="replaced",
    )
    draft = make_document(
        index, "99", ls["kh"], ls["duk"], "Kế hoạch NHÁP chưa duyệt", publish_it=False
    )
    return {"index": index, "plan": plan, "decree": decree, "old": old, "draft": draft, **ls}


def ids(response) -> set[int]:
    assert response.status_code == 200, response.content
    return {item["id"] for item in response.json()["items"]}


def test_number_is_shown_in_the_issuers_style(docs):
    assert docs["plan"].display_number == "81-KH/ĐUK"
    assert docs["decree"].display_number == "42/2022/NĐ-CP"


@pytest.mark.parametrize("query", ["81-KH", "81/KH", "kh 81", "81kh", "81-kh/đuk", "KH/DUK 81"])
def test_search_by_number_however_typed(client, docs, query):
    assert ids(client.get("/api/v2/legal-documents/", {"search": query})) == {docs["plan"].id}
    assert ids(client.get("/api/v2/legal-documents/", {"number": query})) == {docs["plan"].id}


def test_search_number_does_not_match_a_longer_number(client, docs):
    assert ids(client.get("/api/v2/legal-documents/", {"number": "8"})) == set()
    assert ids(client.get("/api/v2/legal-documents/", {"number": "42/2022"})) == {docs["decree"].id}


def test_search_summary_and_file_text_accent_insensitive(client, docs):
    assert ids(client.get("/api/v2/legal-documents/", {"search": "DICH VU CONG"})) == {
        docs["decree"].id
    }
    # Only in the PDF's text, extracted at upload.
    assert ids(client.get("/api/v2/legal-documents/", {"search": "chu ky so"})) == {docs["plan"].id}
    assert ids(client.get("/api/v2/legal-documents/", {"search": "chữ ký số"})) == {docs["plan"].id}


def test_filters(client, docs):
    url = "/api/v2/legal-documents/"
    published = {docs["plan"].id, docs["decree"].id, docs["old"].id}
    assert ids(client.get(url)) == published
    assert ids(client.get(url, {"type": docs["kh"].id})) == {docs["plan"].id, docs["old"].id}
    assert ids(client.get(url, {"issuer": docs["cp"].id})) == {docs["decree"].id}
    assert ids(client.get(url, {"field": docs["cds"].id})) == {docs["plan"].id}
    assert ids(client.get(url, {"year": "2022"})) == {docs["decree"].id}
    assert ids(client.get(url, {"issued_from": "2025-01-01", "issued_to": "2025-12-31"})) == {
        docs["old"].id
    }
    assert ids(client.get(url, {"status": "replaced"})) == {docs["old"].id}
    assert ids(client.get(url, {"type": f"{docs['kh'].id},{docs['nd'].id}"})) == published


@pytest.mark.parametrize(
    "params,parameter",
    [
        ({"year": "abc"}, "year"),
        ({"issued_from": "2026-13-45"}, "issued_from"),
        ({"status": "valid"}, "status"),
        ({"type": "x"}, "type"),
        ({"number": "!!"}, "number"),
        ({"colour": "red"}, "colour"),
        ({"limit": "0"}, "limit"),
    ],
)
def test_bad_input_is_a_400_naming_the_parameter(client, docs, params, parameter):
    response = client.get("/api/v2/legal-documents/", params)
    assert response.status_code == 400
    assert response.json()["parameter"] == parameter


def test_drafts_never_show(client, docs):
    assert docs["draft"].id not in ids(client.get("/api/v2/legal-documents/", {"limit": 100}))
    assert ids(client.get("/api/v2/legal-documents/", {"search": "nhap"})) == set()
    assert client.get(f"/api/v2/legal-documents/{docs['draft'].id}/").status_code == 404
    assert client.get(f"/api/v2/pages/{docs['draft'].id}/").status_code == 404


def test_detail_files_links_citations(client, docs, section):
    plan, old = docs["plan"], docs["old"]
    LegalDocumentRelation.objects.create(page=plan, kind="replaces", target=old)
    hidden = docs["draft"]
    LegalDocumentRelation.objects.create(page=plan, kind="amends", target=hidden)
    article = make_article(section, "Triển khai kế hoạch chuyển đổi số")
    article.body = [("legal_document", {"page": plan})]
    publish(article)
    draft_article = make_article(section, "Bài nháp trích dẫn")
    draft_article.body = [("legal_document", {"page": plan})]
    draft_article.save()
    draft_article.unpublish()
    cache.clear()

    data = client.get(f"/api/v2/legal-documents/{plan.id}/").json()

    assert data["number"] == "81-KH/ĐUK"
    assert data["document_type"]["name"] == "Kế hoạch"
    [file] = data["files"]
    assert file["url"].startswith("http://") and file["file_extension"] == "pdf"
    assert file["file_size"] > 1000 and file["content_type"] == "application/pdf"
    assert [d["id"] for d in data["replaces"]] == [old.id]
    assert data["amends"] == []  # the draft it amends is not public
    assert [a["id"] for a in data["cited_by"]] == [article.id]
    old_data = client.get(f"/api/v2/legal-documents/{old.id}/").json()
    assert [d["id"] for d in old_data["replaced_by"]] == [plan.id]
    # The file is served to readers (a live document links it).
    assert client.get(file["url"].replace("http://testserver", "")).status_code == 200
    # The article's body cites it with its number.
    body = client.get(f"/api/v2/pages/{article.id}/").json()["body"]
    assert body[0]["value"]["number"] == "81-KH/ĐUK"
    # The page detail carries the same document data (the change feed serializes it).
    page = client.get(f"/api/v2/pages/{plan.id}/").json()
    assert page["kind"] == "document" and page["document"]["number"] == "81-KH/ĐUK"


def test_unpublished_documents_file_is_not_served(client, docs):
    draft_file = docs["draft"].files.first().document
    assert client.get(draft_file.url).status_code == 404


def test_filters_endpoint_lists_only_what_public_documents_use(client, docs):
    data = client.get("/api/v2/legal-documents/filters/").json()
    assert {t["name"] for t in data["types"]} == {"Kế hoạch", "Nghị định"}
    assert data["years"] == [2026, 2025, 2022]
    assert {s["value"] for s in data["statuses"]} == {"in_force", "amended", "replaced", "expired"}


def test_listing_queries_constant_in_page_size(client, docs, django_assert_max_num_queries):
    index, ls = docs["index"], docs
    for n in range(12):
        make_document(index, str(200 + n), ls["kh"], ls["duk"], f"Công văn số {n}")
    client.get("/api/v2/legal-documents/?limit=1")  # the site's scope, cached
    cache_free = {"limit": 2, "_": "a"}
    with django_assert_max_num_queries(4) as small:
        client.get("/api/v2/legal-documents/", cache_free)
    with django_assert_max_num_queries(4) as large:
        client.get("/api/v2/legal-documents/", {"limit": 15, "_": "b"})
    assert len(small.captured_queries) == len(large.captured_queries)
