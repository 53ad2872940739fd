"""ETags, 304s and invalidation: a change shows at once, a 304 costs no query."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.signals import published, unpublished

from cms.api.cache import bump_api_cache
from home.models import LinkedWebsite, SiteSettings
from tests.api_support import make_article, publish


def test_public_response_has_etag_and_short_cache_control(api, section):
    response = api.get("/api/v2/pages/")

    assert response["ETag"].startswith('"')
    assert "max-age=10" in response["Cache-Control"]
    assert "stale-while-revalidate=30" in response["Cache-Control"]


def test_conditional_request_gets_304_without_queries(api, section):
    etag = api.get("/api/v2/pages/")["ETag"]

    with CaptureQueriesContext(connection) as queries:
        response = api.get("/api/v2/pages/", HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 304
    assert response.content == b""
    assert len(queries) == 0


def test_cached_response_is_served_without_queries(api, section):
    first = api.get("/api/v2/pages/?type=section")

    with CaptureQueriesContext(connection) as queries:
        second = api.get("/api/v2/pages/?type=section")

    assert second.content == first.content
    assert len(queries) == 0
    assert (first["X-Cache"], second["X-Cache"]) == ("MISS", "HIT")


def test_retraction_changes_responses_at_once(api, section):
    article = make_article(section, "Sẽ bị gỡ")
    detail = f"/api/v2/pages/{article.id}/"
    etag = api.get(detail)["ETag"]
    assert [i["id"] for i in api.get("/api/v2/pages/?type=article").json()["items"]] == [article.id]

    article.unpublish()

    assert api.get(detail, HTTP_IF_NONE_MATCH=etag).status_code == 404
    assert api.get("/api/v2/pages/?type=article").json()["items"] == []


def test_publishing_an_edit_changes_the_response(api, section):
    article = make_article(section, "Tiêu đề cũ")
    detail = f"/api/v2/pages/{article.id}/"
    assert api.get(detail).json()["title"] == "Tiêu đề cũ"

    article.title = "Tiêu đề mới"
    revision = article.save_revision()
    assert api.get(detail).json()["title"] == "Tiêu đề cũ"  # a draft changes nothing
    revision.publish()

    assert api.get(detail).json()["title"] == "Tiêu đề mới"


@pytest.mark.parametrize("change", ["snippet", "setting", "manual"])
def test_snippet_setting_or_bump_changes_etags(api, home_page, change):
    etag = api.get("/api/v2/linked-websites/")["ETag"]

    if change == "snippet":
        LinkedWebsite.objects.create(name="Cổng tỉnh", url="https://tinh.gov.vn")
    elif change == "setting":
        SiteSettings.objects.create(site=home_page.get_site(), phone="0226 3 856 218")
    else:
        bump_api_cache()

    response = api.get("/api/v2/linked-websites/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert response["ETag"] != etag


def test_errors_are_not_cached_publicly(api, section):
    response = api.get("/api/v2/pages/?limit=-1")

    assert response["Cache-Control"] == "no-cache"
    assert "ETag" not in response


def test_publishing_a_page_shows_in_listing_at_once(api, section):
    assert api.get("/api/v2/pages/?type=article").json()["items"] == []

    article = make_article(section, "Mới đăng")
    publish(article)

    assert [i["id"] for i in api.get("/api/v2/pages/?type=article").json()["items"]] == [article.id]


@pytest.mark.parametrize("signal", [published, unpublished])
def test_a_snippet_published_or_unpublished_changes_etags(api, home_page, signal):
    website = LinkedWebsite.objects.create(name="Cổng tỉnh", url="https://tinh.gov.vn")
    etag = api.get("/api/v2/linked-websites/")["ETag"]

    signal.send(sender=LinkedWebsite, instance=website)

    assert api.get("/api/v2/linked-websites/", HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_a_snippet_draft_or_lock_keeps_etags(api, home_page, board_member):
    website = LinkedWebsite.objects.create(name="Cổng tỉnh", url="https://tinh.gov.vn")
    website.save_revision().publish()
    etag = api.get("/api/v2/linked-websites/")["ETag"]

    website.name = "Cổng thông tin điện tử tỉnh"
    website.save_revision(user=board_member)
    website.locked, website.locked_by = True, board_member
    website.save(update_fields=["locked", "locked_by", "locked_at"])
    LinkedWebsite.objects.create(name="Bản nháp", url="https://nhap.vn", live=False)

    assert api.get("/api/v2/linked-websites/", HTTP_IF_NONE_MATCH=etag).status_code == 304
    website.refresh_from_db()
    website.latest_revision.publish()
    response = api.get("/api/v2/linked-websites/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert "Cổng thông tin điện tử tỉnh" in response.content.decode()


def test_a_page_draft_keeps_etags(api, section):
    article = make_article(section, "Tiêu đề cũ")
    etag = api.get("/api/v2/pages/?type=article")["ETag"]

    article.title = "Tiêu đề mới"
    article.save_revision()

    assert api.get("/api/v2/pages/?type=article", HTTP_IF_NONE_MATCH=etag).status_code == 304
