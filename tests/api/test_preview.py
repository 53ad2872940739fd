"""Draft preview for the headless frontend: a signed, expiring token, and nothing without it."""

import datetime
import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import override_settings
from freezegun import freeze_time

from home.models import ArticlePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def live_article_with_draft(section):
    article = section.add_child(instance=ArticlePage(title="Bản đã đăng", lead="Sapo đã đăng"))
    article.save_revision().publish()
    article.title = "Bản nháp đang chờ duyệt"
    article.lead = "Sapo bản nháp"
    article.save_revision()
    return ArticlePage.objects.get(id=article.id)


def preview_token(client, user, article) -> str:
    """Open the admin preview as an editor; return the token the frontend would get."""
    from wagtail_headless_preview.models import PagePreview

    client.force_login(user)
    draft = article.get_latest_revision_as_object()
    preview = draft.create_page_preview()
    assert PagePreview.objects.filter(token=preview.token).exists()
    return preview.token


def fetch(client, token: str, content_type: str = "home.articlepage"):
    client.logout()
    return client.get("/api/v2/preview/", {"content_type": content_type, "token": token})


def test_preview_shows_the_draft_with_a_valid_token(
    client, section_editor, live_article_with_draft
):
    token = preview_token(client, section_editor, live_article_with_draft)
    response = fetch(client, token)
    assert response.status_code == 200
    data = response.json()
    assert data["title"] == "Bản nháp đang chờ duyệt"
    assert data["meta"]["preview"] is True
    assert response["Cache-Control"] == "no-store"
    assert response["X-Robots-Tag"] == "noindex"


def test_public_api_keeps_showing_the_live_version(client, live_article_with_draft):
    response = client.get(f"/api/v2/pages/{live_article_with_draft.id}/")
    assert response.json()["title"] == "Bản đã đăng"


def test_preview_tampered_token_is_refused(client, section_editor, live_article_with_draft):
    token = preview_token(client, section_editor, live_article_with_draft)
    tampered = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    response = fetch(client, tampered)
    assert response.status_code == 404
    assert "Bản nháp" not in response.content.decode()


def test_preview_expired_token_is_refused(client, section_editor, live_article_with_draft):
    start = datetime.datetime(2026, 6, 15, 8, 0, tzinfo=datetime.UTC)
    with freeze_time(start):
        token = preview_token(client, section_editor, live_article_with_draft)
    with (
        freeze_time(start + datetime.timedelta(hours=2)),
        override_settings(PREVIEW_TOKEN_MAX_AGE=3600),
    ):
        response = fetch(client, token)
    assert response.status_code == 403
    assert "Bản nháp" not in response.content.decode()


@pytest.mark.parametrize(
    ("token", "content_type", "status"),
    [
        ("", "home.articlepage", 404),
        ("aWQ9MQ:garbage:sig", "home.articlepage", 404),
        ("x", "auth.user", 400),
        ("x", "nonsense", 400),
        ("x", "<script>alert(1)</script>", 400),
    ],
)
def test_preview_bad_input_is_a_json_error(client, token, content_type, status):
    response = fetch(client, token, content_type)
    assert response.status_code == status
    assert "message" in response.json()


def test_preview_token_for_another_page_type_is_refused(
    client, section_editor, live_article_with_draft
):
    token = preview_token(client, section_editor, live_article_with_draft)
    assert fetch(client, token, "home.gallerypage").status_code == 404


@override_settings(
    FRONTEND_URL="http://127.0.0.1:8001",
    WAGTAIL_HEADLESS_PREVIEW={"CLIENT_URLS": {"default": "http://127.0.0.1:8001/preview/"}},
)
def test_admin_preview_points_the_frontend_at_the_token(
    client, section_editor, live_article_with_draft
):
    from tests.admin_forms import article_form_data

    article = live_article_with_draft
    client.force_login(section_editor)
    preview_url = f"/admin/pages/{article.id}/edit/preview/"
    # The admin posts the editor's form to the preview view, then shows it in a frame.
    posted = client.post(preview_url, article_form_data("Tiêu đề đang sửa", slug=article.slug))
    assert posted.json()["is_valid"] is True
    html = client.get(preview_url).content.decode()
    frame_src = unescape(re.search(r'<iframe src="([^"]+)"', html).group(1))
    url = urlsplit(frame_src)
    assert (url.scheme, url.netloc, url.path) == ("http", "127.0.0.1:8001", "/preview/")
    query = parse_qs(url.query)
    assert query["content_type"] == ["home.articlepage"]
    assert fetch(client, query["token"][0]).json()["title"] == "Tiêu đề đang sửa"


def test_preview_of_a_new_article_never_saved_shows_its_byline(
    client, section_editor, section, author
):
    from home.models import ArticleAuthor

    draft = ArticlePage(title="Bài mới chưa lưu", lead="Sapo")
    draft.article_authors = [ArticleAuthor(author=author, position="Phóng viên")]
    section.add_child(instance=draft)  # the page exists as a draft; the preview is newer
    draft.title = "Bài mới – bản xem trước"
    token = draft.create_page_preview().token

    data = fetch(client, token).json()

    assert data["title"] == "Bài mới – bản xem trước"
    assert data["meta"]["preview"] is True
    assert data["authors"] == [{"id": author.id, "name": "Nguyễn Văn An", "position": "Phóng viên"}]


@override_settings(
    FRONTEND_URL="http://127.0.0.1:8001",
    WAGTAIL_HEADLESS_PREVIEW={"CLIENT_URLS": {"default": "http://127.0.0.1:8001/preview/"}},
)
def test_preview_while_creating_an_article(client, contributor, section):
    from tests.admin_forms import article_form_data

    client.force_login(contributor)
    preview_url = f"/admin/pages/add/home/articlepage/{section.id}/preview/"
    posted = client.post(preview_url, article_form_data("Bài đang soạn, chưa lưu"))
    assert posted.json()["is_valid"] is True
    html = client.get(preview_url).content.decode()
    token = parse_qs(urlsplit(unescape(re.search(r'<iframe src="([^"]+)"', html).group(1))).query)[
        "token"
    ][0]

    response = fetch(client, token)

    assert response.status_code == 200
    assert response.json()["title"] == "Bài đang soạn, chưa lưu"
    assert not ArticlePage.objects.filter(title="Bài đang soạn, chưa lưu").exists()
