"""Documents go through the editorial chain through the real admin views, per role (issue 19):
the contributor enters and submits, cannot publish; the section editor approves step 1; the
board approves and publishes, and retracts. Only then (and until then) the API shows it.
The managed lists are extended by section editors and the board only."""

import pytest
from django.core.cache import cache
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from home.models.documents import DocumentType, LegalDocumentPage
from tests.documents.support import library, lists, pdf_file

pytestmark = pytest.mark.django_db


def document_form(ls, file, action: str | None = None, **fields) -> dict:
    data = {
        "title": "Kế hoạch tuyên truyền năm 2026",
        "slug": "",
        "number": "15",
        "code": "",
        "document_type": ls["kh"].id,
        "issuing_body": ls["duk"].id,
        "field": ls["cds"].id,
        "signer": "Nguyễn Văn Hùng",
        "date_issued": "02/03/2026",
        "date_effective": "",
        "summary": "Kế hoạch tuyên truyền kỷ niệm các ngày lễ lớn năm 2026.",
        "status": "in_force",
        "files": inline_formset([{"document": file.id}], min=1),
        "relations": inline_formset([]),
        "comments": inline_formset([]),
        **fields,
    }
    if action:
        data[action] = "1"
    return nested_form_data(data)


@pytest.fixture
def setup(home_page, disk_storage):
    cache.clear()
    index = library(home_page)
    return index, lists(), pdf_file("Kế hoạch 15", "Tuyên truyền kỷ niệm ngày lễ lớn")


def api_numbers(client) -> list[str]:
    cache.clear()
    return [d["number"] for d in client.get("/api/v2/legal-documents/").json()["items"]]


def approve(client, page) -> None:
    state = page.current_workflow_state.current_task_state
    response = client.post(f"/admin/pages/workflow/action/{page.id}/approve/{state.id}/")
    assert response.status_code in (200, 302), response.status_code


def test_chain_contributor_section_editor_board(
    client, setup, contributor, section_editor, board_member
):
    index, ls, file = setup
    client.force_login(contributor)
    response = client.post(
        f"/admin/pages/add/home/legaldocumentpage/{index.id}/",
        document_form(ls, file, "action-submit"),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    page = LegalDocumentPage.objects.get(title="Kế hoạch tuyên truyền năm 2026")
    assert not page.live and page.workflow_in_progress
    assert api_numbers(client) == []

    # The contributor cannot publish it.
    refused = client.post(
        f"/admin/pages/{page.id}/edit/", document_form(ls, file, "action-publish", slug=page.slug)
    )
    assert refused.status_code in (200, 302, 403)
    assert not LegalDocumentPage.objects.get(id=page.id).live

    client.force_login(section_editor)
    approve(client, page)
    page.refresh_from_db()
    assert not page.live and page.workflow_in_progress
    assert api_numbers(client) == []

    client.force_login(board_member)
    approve(client, LegalDocumentPage.objects.get(id=page.id))
    page = LegalDocumentPage.objects.get(id=page.id)
    assert page.live
    client.logout()
    assert api_numbers(client) == ["15-KH/ĐUK"]
    detail = client.get(f"/api/v2/legal-documents/{page.id}/").json()
    assert detail["files"][0]["file_size"] == file.file_size
    assert client.get(file.url).status_code == 200

    # The board retracts it: gone from the API, its file no longer served.
    client.force_login(board_member)
    response = client.post(f"/admin/pages/{page.id}/retract/", {"reason": "Sai số hiệu"})
    assert response.status_code in (200, 302)
    client.logout()
    assert api_numbers(client) == []
    assert client.get(f"/api/v2/legal-documents/{page.id}/").status_code == 404
    assert client.get(file.url).status_code == 404


def test_a_file_that_is_not_pdf_doc_or_docx_is_refused(client, setup, board_member):
    from django.core.files.base import ContentFile

    from media_library.models import CustomDocument

    index, ls, _ = setup
    sheet = CustomDocument.objects.create(
        title="Bảng tính", file=ContentFile(b"PK\x03\x04", name="bang.xlsx")
    )
    client.force_login(board_member)
    response = client.post(
        f"/admin/pages/add/home/legaldocumentpage/{index.id}/",
        document_form(ls, sheet, "action-publish"),
    )
    assert response.status_code == 200
    assert "PDF, DOC hoặc DOCX" in response.content.decode()
    assert not LegalDocumentPage.objects.exists()


@pytest.mark.parametrize(
    "role,allowed",
    [
        ("contributor", False),
        ("section_editor", True),
        ("board_member", True),
        ("site_admin", False),
    ],
)
def test_who_extends_the_document_types(client, request, role, allowed):
    client.force_login(request.getfixturevalue(role))
    response = client.post(
        "/admin/snippets/home/documenttype/add/", {"name": "Quy chế", "code": "QC"}
    )
    assert DocumentType.objects.filter(name="Quy chế").exists() is allowed
    if not allowed:
        assert response.status_code in (302, 403)


@pytest.mark.parametrize(
    "model,fields,data",
    [
        ("documenttype", ["name", "code"], {"name": "Quy chế", "code": "QC"}),
        (
            "issuingbody",
            ["name", "code", "style"],
            {"name": "Ủy ban nhân dân tỉnh", "code": "UBND", "style": "state"},
        ),
        ("documentfield", ["name"], {"name": "Kiểm tra, giám sát"}),
    ],
)
def test_managed_lists_share_their_form_name_and_nfc(client, board_member, model, fields, data):
    """Types, issuing bodies and fields (one abstract base): the admin form has the list's own
    fields, a name saved decomposed (NFD, as an import may bring it) is stored composed
    (NFC), and the row reads as its name in choosers."""
    import unicodedata

    from django.apps import apps

    client.force_login(board_member)
    form = client.get(f"/admin/snippets/home/{model}/add/").content.decode()
    for name in ("name", "code", "style"):
        assert (f'name="{name}"' in form) is (name in fields), name
    response = client.post(f"/admin/snippets/home/{model}/add/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    added = apps.get_model("home", model).objects.get()
    assert str(added) == data["name"]
    # Saved outside the admin (whose middleware composes what it is sent).
    decomposed = unicodedata.normalize("NFD", "Tổ chức, cán bộ")
    row = apps.get_model("home", model).objects.create(name=decomposed)
    row.refresh_from_db()
    assert row.name == "Tổ chức, cán bộ" and unicodedata.is_normalized("NFC", row.name)
