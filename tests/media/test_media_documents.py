"""Documents: content checked on upload, stored out of public reach, served with checks."""

import pytest
from wagtail.documents import get_document_model
from wagtail.models import PageViewRestriction

from home.models import ArticlePage
from tests.media_support import PDF_BYTES, docx_bytes, upload

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("disk_storage")]

Document = get_document_model()


def post_document(client, name: str, content: bytes) -> dict:
    response = client.post(
        "/admin/documents/multiple/add/",
        {"files[]": upload(name, content), "title": name.rsplit(".", 1)[0]},
    )
    assert response.status_code == 200
    return response.json()


@pytest.mark.parametrize(
    ("name", "content"),
    [("ke-hoach.pdf", PDF_BYTES), ("bao-cao.docx", docx_bytes())],
    ids=["pdf", "docx"],
)
def test_document_upload_accepts_real_documents(uploader, name, content):
    result = post_document(uploader, name, content)

    assert result["success"] is True
    document = Document.objects.get()
    assert document.file_size == len(content)
    assert document.file.name == f"documents/{name}"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("ke-hoach.pdf", b"MZ\x90\x00 an executable renamed"),
        ("bao-cao.docx", PDF_BYTES),
        ("bang.xls", b"<html>not a spreadsheet</html>"),
        ("van-ban.odt", docx_bytes()),
        ("rong.pdf", b""),
        ("trang.html", b"<script>alert(1)</script>"),
    ],
    ids=["exe-as-pdf", "pdf-as-docx", "html-as-xls", "docx-as-odt", "empty", "html"],
)
def test_document_upload_refuses_content_not_matching_type(uploader, name, content):
    result = post_document(uploader, name, content)

    assert result["success"] is False
    assert result["error_message"]
    assert not Document.objects.exists()


def test_document_vietnamese_file_name_becomes_ascii_key(uploader):
    post_document(uploader, "Quyết định số 42-QĐ-ĐUK.pdf", PDF_BYTES)

    document = Document.objects.get()
    assert document.title == "Quyết định số 42-QĐ-ĐUK"
    assert document.file.name == "documents/quyet-dinh-so-42-qd-duk.pdf"


def test_document_size_limit_is_configurable(uploader, settings):
    settings.DOCUMENT_MAX_UPLOAD_SIZE = 10
    assert post_document(uploader, "ke-hoach.pdf", PDF_BYTES)["success"] is False


@pytest.fixture
def document(db):
    document = Document(title="Kế hoạch 81-KH/ĐUK")
    document.file.save("ke-hoach.pdf", upload("ke-hoach.pdf", PDF_BYTES), save=False)
    document._set_document_file_metadata()
    document.save()
    return document


@pytest.fixture
def article_with_document(section, document):
    article = ArticlePage(
        title="Kế hoạch thực hiện Nghị quyết",
        body=[("document", {"document": document, "title": ""})],
        live=False,
    )
    section.add_child(instance=article)
    article.save_revision()
    return article


def test_document_of_draft_article_is_hidden_from_readers(client, article_with_document, document):
    assert not article_with_document.live

    response = client.get(document.url)

    assert response.status_code == 404


def test_document_of_draft_article_is_served_to_editors(
    client, contributor, article_with_document, document
):
    client.force_login(contributor)

    response = client.get(document.url)

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES


def test_document_of_published_article_is_public(client, article_with_document, document):
    article_with_document.get_latest_revision().publish()

    assert client.get(document.url).status_code == 200


def test_document_of_login_restricted_article_needs_login(
    client, article_with_document, document, django_user_model
):
    article_with_document.get_latest_revision().publish()
    PageViewRestriction.objects.create(
        page=article_with_document, restriction_type=PageViewRestriction.LOGIN
    )

    anonymous = client.get(document.url)
    client.force_login(django_user_model.objects.create_user("bandoc", password="x"))
    reader = client.get(document.url)

    assert anonymous.status_code == 404
    assert reader.status_code == 200


def test_document_not_used_by_any_page_is_public(client, document):
    assert client.get(document.url).status_code == 200


def test_document_local_disk_file_is_outside_public_media(
    client, board_member, settings, disk_storage
):
    tmp_path = disk_storage
    client.force_login(board_member)

    post_document(client, "ke-hoach.pdf", PDF_BYTES)

    assert (tmp_path / "private" / "documents" / "ke-hoach.pdf").read_bytes() == PDF_BYTES
    assert not (tmp_path / "media").exists()
    assert client.get(f"{settings.MEDIA_URL}documents/ke-hoach.pdf").status_code == 404


def test_document_file_leaves_private_storage_when_deleted(
    client, board_member, disk_storage, django_capture_on_commit_callbacks
):
    client.force_login(board_member)
    post_document(client, "xoa.pdf", PDF_BYTES)
    document = Document.objects.get()
    path = disk_storage / "private" / document.file.name
    assert path.exists()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/documents/delete/{document.id}/")

    assert response.status_code == 302
    assert not path.exists()
