"""The change feed: what the provincial portal receives, and what it is refused."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from cms.editorial import retraction
from cms.syndication.changes import Cursor, latest_event_id
from cms.syndication.models import ChangeEvent
from home.models import ArticlePage
from home.models.articles import ArticleAuthor, RelatedArticle
from tests.api_support import image_block, make_article, make_image, paragraph, publish
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

    from cms.syndication import changes

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


# Upserts carry the page exactly as the detail endpoint shows it, and a page of the feed
# costs the same queries whatever its size (a full sync of 100,000 articles is hundreds of
# requests): previous/next, body images, galleries' photos are loaded for the whole page.


@pytest.fixture
def rich_articles(section, author):
    """Articles with what a detail shows: cover, body image and link, byline, tags, related."""
    image = make_image("Ảnh hội nghị")
    articles = []
    for i in range(22):
        link = f'<a linktype="page" id="{section.id}">chuyên mục</a>'
        article = make_article(
            section,
            f"Tin số {i}",
            days_ago=22 - i,
            cover_image=image,
            body=[paragraph(f"<p>Đoạn {i}, xem {link}.</p>"), image_block(image)],
        )
        ArticleAuthor.objects.create(page=article, author=author, position="Phóng viên")
        article.tags.add(f"chu-de-{i % 3}")
        if articles:
            RelatedArticle.objects.create(page=article, related_page=articles[-1])
        articles.append(publish(article))
    return articles


def _get_changes(api, key: str, cursor: str, limit: int) -> tuple[dict, int]:
    """One page of the feed and the queries it took."""
    with CaptureQueriesContext(connection) as queries:
        response = api.get(
            "/api/v2/changes/", {"cursor": cursor, "limit": limit}, HTTP_X_API_KEY=key
        )
    assert response.status_code == 200, response.content[:300]
    return response.json(), len(queries)


def _snapshot_cursor(after_page: int) -> str:
    return Cursor(latest_event_id(), snapshot=True, after_page=after_page).encode()


def _detail(api, page_id: int) -> dict:
    return api.get(f"/api/v2/pages/{page_id}/").json()


def test_changes_snapshot_items_are_the_detail_representation(
    api, section, portal_key, rich_articles
):
    data, _queries = _get_changes(api, portal_key, _snapshot_cursor(section.id), 30)
    assert [item["page_id"] for item in data["items"]] == [a.id for a in rich_articles]
    for item in data["items"]:
        assert item["page"] == _detail(api, item["page_id"])
    assert data["items"][5]["page"]["related"][0]["id"] == rich_articles[4].id
    assert data["items"][5]["page"]["authors"][0]["position"] == "Phóng viên"


def test_changes_event_items_are_the_detail_representation(
    api, section, portal_key, rich_articles, board_member
):
    cursor = Cursor(latest_event_id()).encode()
    for article in rich_articles[:6]:
        article.title += " (cập nhật)"
        publish(article)
    retraction.retract(rich_articles[6], board_member, "Sai số liệu")
    publish(rich_articles[0])  # a second event for the same page in the same batch
    data, _queries = _get_changes(api, portal_key, cursor, 20)
    assert [item["type"] for item in data["items"]] == ["updated"] * 6 + ["retracted", "updated"]
    for item in data["items"]:
        if item["type"] == "retracted":
            assert item["page"] is None
        else:
            assert item["page"] == _detail(api, item["page_id"])
    assert data["items"][0]["page"]["title"] == "Tin số 0 (cập nhật)"


def test_changes_snapshot_queries_do_not_grow_with_the_page_size(
    api, section, portal_key, rich_articles, settings
):
    # Without the listing-item cache, which the first request would fill for the second.
    settings.API_SUMMARY_CACHE = False
    _get_changes(api, portal_key, _snapshot_cursor(section.id), 2)  # site scope cached
    small, small_queries = _get_changes(api, portal_key, _snapshot_cursor(section.id), 2)
    # Neither page is the snapshot's last (which also asks whether events follow it).
    large, large_queries = _get_changes(api, portal_key, _snapshot_cursor(section.id), 20)
    assert (len(small["items"]), len(large["items"])) == (2, 20)
    assert large_queries == small_queries


def test_changes_event_queries_do_not_grow_with_the_page_size(
    api, section, portal_key, rich_articles, settings
):
    # Without the listing-item cache, which the first request would fill for the second.
    settings.API_SUMMARY_CACHE = False
    cursor = Cursor(latest_event_id()).encode()
    for article in rich_articles:
        publish(article)
    _get_changes(api, portal_key, cursor, 2)  # site scope cached
    small, small_queries = _get_changes(api, portal_key, cursor, 2)
    large, large_queries = _get_changes(api, portal_key, cursor, 20)
    assert (len(small["items"]), len(large["items"])) == (2, 20)
    assert large_queries == small_queries


def test_changes_gallery_items_are_the_detail_representation(api, home_page, portal_key):
    from home.models import GalleryIndexPage
    from tests.api.test_api_covers import make_gallery

    index = home_page.add_child(instance=GalleryIndexPage(title="Hình ảnh hoạt động"))
    photos = [make_image(f"Ảnh {i}") for i in range(3)]
    # Three galleries of one batch: previous/next and photos loaded for all together.
    galleries = [make_gallery(index, f"Ảnh hội thao {i}", photos[i:], days_ago=i) for i in range(3)]
    data, _queries = _get_changes(api, portal_key, _snapshot_cursor(index.id), 20)
    items = {item["page_id"]: item["page"] for item in data["items"]}
    for gallery in galleries:
        assert items[gallery.id] == _detail(api, gallery.id)
    assert [p["id"] for p in items[galleries[0].id]["photos"]] == [p.id for p in photos[::-1]]
    assert items[galleries[1].id]["previous"]["id"] == galleries[2].id
    assert items[galleries[1].id]["next"]["id"] == galleries[0].id


def _publish_question(question) -> None:
    from django.utils import timezone

    question.status, question.answer = "answered", "Đồng chí liên hệ Văn phòng."
    question.published, question.published_at = True, timezone.now()
    question.save()


def test_changes_questions_published_then_unpublished_then_deleted(api, home_page, portal_key):
    from tests.contact_support import make_question

    mirror = PortalMirror(api, portal_key)
    mirror.sync()
    question = make_question(subject="Hỏi về cải cách", phone="0905123456")
    # Asked, answered, not yet published: nothing leaves the CMS.
    question.status, question.answer = "answered", "Nháp"
    question.save()
    assert mirror.sync() == []

    _publish_question(question)
    [created] = mirror.sync()
    assert created["kind"] == "question"
    assert created["type"] == "created"
    assert created["question_id"] == question.id
    assert created["page_id"] is None and created["page"] is None
    assert set(created["question"]) == {
        "id",
        "subject",
        "question",
        "answer",
        "asked_at",
        "answered_at",
        "published_at",
    }
    assert created["question"]["subject"] == "Hỏi về cải cách"
    assert created["question"]["answer"] == "Đồng chí liên hệ Văn phòng."
    text = json.dumps(created, ensure_ascii=False)
    for contact in ("Nguyễn Văn Bình", "binh@example.vn", "0905123456"):
        assert contact not in text
    assert mirror.questions == {question.id: created["question"]}

    question.answer = "Câu trả lời đã sửa."
    question.save()
    [updated] = mirror.sync()
    assert updated["type"] == "updated"
    assert mirror.questions[question.id]["answer"] == "Câu trả lời đã sửa."

    question.published = False
    question.save()
    [tombstone] = mirror.sync()
    assert (tombstone["type"], tombstone["question"]) == ("deleted", None)
    assert mirror.questions == {}

    _publish_question(question)
    mirror.sync()
    assert set(mirror.questions) == {question.id}
    question_id = question.id
    question.delete()
    [deleted] = mirror.sync()
    assert (deleted["type"], deleted["question_id"]) == ("deleted", question_id)
    assert mirror.questions == {}


def test_changes_snapshot_carries_published_questions_after_the_pages(api, section, portal_key):
    from tests.contact_support import make_question

    article = make_article(section, "Bài có trước")
    questions = [make_question(subject=f"Câu hỏi {n}") for n in range(3)]
    for question in questions[:2]:
        _publish_question(question)
    mirror = PortalMirror(api, portal_key, limit=1)
    received = mirror.sync()
    assert set(mirror.questions) == {q.id for q in questions[:2]}
    assert article.id in mirror.pages
    kinds = [item["kind"] for item in received]
    assert kinds == sorted(kinds)  # pages first, then questions
    assert "binh@example.vn" not in json.dumps(received)
