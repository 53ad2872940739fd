"""Documents: content checked on upload, stored out of public reach, served to readers only
when live content they can see links them (to staff always)."""

import datetime

import pytest
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import PageViewRestriction
from wagtail.rich_text import RichText

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


def test_document_not_used_by_any_page_is_hidden_from_readers(client, document):
    assert client.get(document.url).status_code == 404


def test_document_not_used_by_any_page_is_served_to_editors(client, board_member, document):
    client.force_login(board_member)

    assert client.get(document.url).status_code == 200


@pytest.fixture
def live_article(section):
    article = ArticlePage(title="Thông báo lịch tiếp công dân", body=[])
    section.add_child(instance=article)
    article.save_revision().publish()
    return ArticlePage.objects.get(id=article.id)


def draft_linking(article: ArticlePage, document, how: str) -> None:
    """A new draft of the (live) article that links the document, as the editor saves it."""
    if how == "block":
        article.body = [("document", {"document": document, "title": ""})]
    else:
        link = f'<p>Xem <a linktype="document" id="{document.id}">kế hoạch</a>.</p>'
        article.body = [("paragraph", RichText(link))]
    article.save_revision()


@pytest.mark.parametrize("how", ["block", "rich-text-link"])
def test_document_added_by_draft_of_live_page_follows_the_live_content(
    client, live_article, document, how
):
    # Given a live article whose new draft links a document no live content links
    draft_linking(live_article, document, how)
    assert live_article.live and live_article.has_unpublished_changes

    # Then readers cannot download it while the link is only in the draft
    assert client.get(document.url).status_code == 404

    # When the draft is published, they can
    live_article.get_latest_revision().publish()
    assert client.get(document.url).status_code == 200

    # When the article is unpublished, they cannot any more
    ArticlePage.objects.get(id=live_article.id).unpublish()
    assert client.get(document.url).status_code == 404


def test_document_added_by_draft_of_live_page_is_served_to_the_board(
    client, board_member, live_article, document
):
    draft_linking(live_article, document, "block")
    client.force_login(board_member)

    response = client.get(document.url)

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES


def test_document_of_expired_article_is_hidden_from_readers(
    client, article_with_document, document
):
    article_with_document.get_latest_revision().publish()
    ArticlePage.objects.filter(id=article_with_document.id).update(
        expire_at=timezone.now() - datetime.timedelta(minutes=1)
    )

    assert client.get(document.url).status_code == 404


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
