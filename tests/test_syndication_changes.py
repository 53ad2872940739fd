"""The change feed: what the provincial portal receives, and what it is refused."""

import pytest
from wagtail.models import PageViewRestriction

from home import retraction
from home.models import ArticlePage
from syndication.models import ChangeEvent
from tests.api_support import make_article, publish
from tests.syndication_support import PortalMirror, make_api_key


@pytest.fixture
def portal_key(db) -> str:
    return make_api_key()[1]


def _public_ids(api) -> set[int]:
    data = api.get("/api/v2/pages/", {"limit": 100}).json()
    return {item["id"] for item in data["items"]}


def test_changes_snapshot_then_events_mirror_the_public_site(
    api, section, portal_key, board_member
):
    first = make_article(section, "Hội nghị Ban Chấp hành Đảng bộ Khối")
    mirror = PortalMirror(api, portal_key)
    mirror.sync()
    assert set(mirror.pages) == _public_ids(api)
    assert mirror.pages[first.id]["title"] == "Hội nghị Ban Chấp hành Đảng bộ Khối"

    second = make_article(section, "Cải cách hành chính trong Đảng")
    retraction.retract(first, board_member, "Sai số liệu")
    mirror.sync()
    assert first.id not in mirror.pages
    assert mirror.pages[second.id]["lead"] == "Sapo của Cải cách hành chính trong Đảng"
    assert set(mirror.pages) == _public_ids(api)


def test_changes_retraction_is_a_tombstone_with_reason(api, section, portal_key, board_member):
    article = make_article(section, "Bài sẽ gỡ")
    mirror = PortalMirror(api, portal_key)
    mirror.sync()
    cursor = mirror.cursor
    retraction.retract(article, board_member, "Sai số liệu")
    data = mirror.get(cursor).json()
    [item] = data["items"]
    assert item["type"] == "retracted"
    assert item["page_id"] == article.id
    assert item["reason"] == "Sai số liệu"
    assert item["page"] is None
    assert item["content_type"] == "home.ArticlePage"
    assert item["locale"] == "vi"
    assert item["url"].endswith("/bai-se-go/")
    assert item["time"].endswith("+07:00")


def test_changes_event_types_follow_what_happened(section, home_page):
    article = ArticlePage(title="Tin mới", live=False)  # a draft, as the admin creates it
    section.add_child(instance=article)
    publish(article)
    publish(article)
    other = home_page.add_child(instance=type(section)(title="Xây dựng Đảng"))
    publish(other)
    article.move(other, pos="last-child")
    article.refresh_from_db()
    article.unpublish()
    publish(article)
    PageViewRestriction.objects.create(page=other, restriction_type="login")
    article.delete()
    types = list(
        ChangeEvent.objects.filter(page_id=article.id).values_list("event_type", flat=True)
    )
    assert types == [
        "created",
        "updated",
        "moved",
        "unpublished",
        "updated",
        "unpublished",
        "deleted",
    ]


def test_changes_scheduled_expiry_is_recorded_without_a_request(section):
    import datetime

    from django.core.management import call_command
    from django.utils import timezone
    from freezegun import freeze_time

    article = make_article(
        section, "Tin hết hạn", expire_at=timezone.now() + datetime.timedelta(hours=1)
    )
    with freeze_time(timezone.now() + datetime.timedelta(hours=2)):
        call_command("publish_scheduled")
    last = ChangeEvent.objects.filter(page_id=article.id).last()
    assert last.event_type == "expired"


def test_changes_without_key_is_401(api, section):
    response = api.get("/api/v2/changes/")
    assert response.status_code == 401
    assert "message" in response.json()
    response = api.get("/api/v2/changes/", HTTP_AUTHORIZATION="Bearer synd_not-a-key")
    assert response.status_code == 401


def test_changes_revoked_key_is_401(api, section):
    api_key, key = make_api_key()
    assert api.get("/api/v2/changes/", HTTP_X_API_KEY=key).status_code == 200
    api_key.active = False
    api_key.save()
    assert api.get("/api/v2/changes/", HTTP_X_API_KEY=key).status_code == 401


def test_changes_records_last_use_of_key(api, section):
    api_key, key = make_api_key()
    assert api_key.last_used_at is None
    api.get("/api/v2/changes/", HTTP_AUTHORIZATION=f"Bearer {key}")
    api_key.refresh_from_db()
    assert api_key.last_used_at is not None


def test_changes_over_rate_limit_is_429_with_retry_after(api, section, settings, portal_key):
    settings.SYNDICATION_RATE_LIMIT = 3
    statuses = [
        api.get("/api/v2/changes/", HTTP_AUTHORIZATION=f"Bearer {portal_key}").status_code
        for _ in range(4)
    ]
    assert statuses == [200, 200, 200, 429]
    response = api.get("/api/v2/changes/", HTTP_AUTHORIZATION=f"Bearer {portal_key}")
    assert 1 <= int(response["Retry-After"]) <= 61


def test_changes_bad_cursor_is_400(api, section, portal_key):
    response = api.get(
        "/api/v2/changes/", {"cursor": "not!a!cursor"}, HTTP_AUTHORIZATION=f"Bearer {portal_key}"
    )
    assert response.status_code == 400
    assert response.json()["parameter"] == "cursor"
    response = api.get(
        "/api/v2/changes/", {"limit": "0"}, HTTP_AUTHORIZATION=f"Bearer {portal_key}"
    )
    assert response.status_code == 400


def test_changes_cursor_older_than_history_is_410(api, section, portal_key):
    import datetime

    from django.utils import timezone

    from syndication import changes

    make_article(section, "Tin cũ")
    stale = changes.Cursor(0).encode()
    ChangeEvent.objects.update(created_at=timezone.now() - datetime.timedelta(days=91))
    changes.purge()
    response = api.get(
        "/api/v2/changes/", {"cursor": stale}, HTTP_AUTHORIZATION=f"Bearer {portal_key}"
    )
    assert response.status_code == 410
    assert "bản chụp đầy đủ" in response.json()["message"]  # "a full snapshot", in Vietnamese
    mirror = PortalMirror(api, portal_key)
    mirror.sync()
    assert set(mirror.pages) == _public_ids(api)


def test_changes_responses_are_never_cached_for_keyless_requests(api, section, portal_key):
    make_article(section, "Tin")
    assert api.get("/api/v2/changes/", HTTP_AUTHORIZATION=f"Bearer {portal_key}").status_code == 200
    assert api.get("/api/v2/changes/").status_code == 401


def test_changes_first_publication_of_a_translation_is_translated(section):
    from wagtail.models import Locale

    article = ArticlePage(title="Hội nghị", live=False)
    section.add_child(instance=article)
    publish(article)
    english, _created = Locale.objects.get_or_create(language_code="en")
    section.copy_for_translation(english, copy_parents=True)
    translation = article.copy_for_translation(english)
    publish(translation)
    event = ChangeEvent.objects.filter(page_id=translation.id).last()
    assert event.event_type == "translated"
    assert event.locale == "en"


def test_changes_tombstones_cost_constant_queries(
    api, section, portal_key, board_member, django_assert_max_num_queries
):
    articles = [make_article(section, f"Tin {i}") for i in range(12)]
    mirror = PortalMirror(api, portal_key)
    mirror.sync()
    for article in articles:
        retraction.retract(article, board_member, "Sai")
    with django_assert_max_num_queries(12):
        data = mirror.get(mirror.cursor).json()
    assert [item["type"] for item in data["items"]] == ["retracted"] * 12
