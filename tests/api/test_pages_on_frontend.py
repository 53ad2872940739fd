"""The CMS serves no reader pages: its page URLs send readers to the frontend, and never
show an expired, unpublished or restricted page (issue 17, finding 9)."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from home.models import ArticlePage
from tests.api_support import make_article

pytestmark = pytest.mark.django_db

FRONTEND = "https://tin.example.vn"


@pytest.fixture
def frontend(settings) -> str:
    settings.FRONTEND_URL = FRONTEND
    return FRONTEND


def test_page_url_redirects_to_the_same_page_on_the_frontend(client, frontend, section):
    article = make_article(section, "Hội nghị Ban Chấp hành")

    response = client.get(f"/{section.slug}/{article.slug}/", {"trang": "2"})

    assert response.status_code == 302
    assert response["Location"] == f"{frontend}/{section.slug}/{article.slug}/?trang=2"
    assert b"H\xe1\xbb\x99i ngh\xe1\xbb\x8b" not in response.content  # no page of its own


def test_expired_page_is_not_served_before_the_scheduler_runs(client, frontend, section):
    article = make_article(section, "Thông báo đã hết hạn")
    # Still live: the scheduler that would unpublish it has not run.
    ArticlePage.objects.filter(id=article.id).update(
        expire_at=timezone.now() - datetime.timedelta(minutes=1)
    )

    response = client.get(f"/{section.slug}/{article.slug}/")

    assert response.status_code == 404
    assert "Thông báo đã hết hạn" not in response.content.decode()


def test_unpublished_and_restricted_pages_answer_404(client, frontend, section):
    unpublished = make_article(section, "Bài đã gỡ")
    unpublished.unpublish()
    restricted = make_article(section, "Tin nội bộ")
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")

    for page in (unpublished, restricted):
        response = client.get(f"/{section.slug}/{page.slug}/")
        assert response.status_code == 404, page.title
        assert page.title not in response.content.decode()


def test_without_a_frontend_the_cms_serves_no_pages(client, settings, section):
    settings.FRONTEND_URL = ""
    article = make_article(section, "Tin công khai")

    response = client.get(f"/{section.slug}/{article.slug}/")

    assert response.status_code == 404
    assert "Tin công khai" not in response.content.decode()
