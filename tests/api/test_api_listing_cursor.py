"""Listing cursors (cms/api/keyset.py): deep pages of a newest-first listing without OFFSET,
and the listing's total counted once per cache generation."""

import base64
import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cms.api.keyset import ListingCursor
from tests.api_support import make_article, publish


@pytest.fixture
def articles(section) -> list:
    """Seven articles newest first; three of them published at the very same moment."""
    moment = timezone.now() - datetime.timedelta(days=2)
    made = [make_article(section, f"Tin {i}", days_ago=i) for i in (0, 1)]
    for i in range(3):
        article = make_article(section, f"Cùng giờ {i}")
        article.publication_date = moment
        made.append(publish(article))
    made += [make_article(section, f"Tin {i}", days_ago=i) for i in (3, 4)]
    # Newest first, ties by id descending: the order the listing promises.
    return sorted(made, key=lambda a: (a.publication_date, a.id), reverse=True)


def _page(api, query: str) -> dict:
    response = api.get(f"/api/v2/pages/?type=article&{query}")
    assert response.status_code == 200, response.content
    return response.json()


def _walk(api, limit: int) -> list[list[int]]:
    """The ids of every page, following meta.next_cursor from the first."""
    pages, data = [], _page(api, f"limit={limit}")
    while True:
        pages.append([item["id"] for item in data["items"]])
        cursor = data["meta"]["next_cursor"]
        if cursor is None:
            return pages
        data = _page(api, f"limit={limit}&cursor={cursor}")


def test_listing_cursor_pages_cover_the_listing_once_in_order(api, articles):
    ids = [a.id for a in articles]
    # Page boundaries of 2 fall inside the three articles of the same moment.
    assert _walk(api, 2) == [ids[0:2], ids[2:4], ids[4:6], ids[6:7]]
    assert _walk(api, 3) == [ids[0:3], ids[3:6], ids[6:7]]
    assert _walk(api, 7) == [ids]


def test_listing_cursor_pages_match_offset_pages(api, articles):
    by_offset = _page(api, "limit=2&offset=2")
    cursor = _page(api, "limit=2")["meta"]["next_cursor"]
    by_cursor = _page(api, f"limit=2&cursor={cursor}")
    assert by_cursor["items"] == by_offset["items"]
    assert by_cursor["meta"] == by_offset["meta"]
    assert by_cursor["meta"]["total_count"] == len(articles)


def test_listing_cursor_skips_pages_made_private_since(api, section, articles):
    cursor = _page(api, "limit=2")["meta"]["next_cursor"]
    articles[2].unpublish()
    data = _page(api, f"limit=2&cursor={cursor}")
    assert [item["id"] for item in data["items"]] == [articles[3].id, articles[4].id]
    assert data["meta"]["total_count"] == len(articles) - 1


@pytest.mark.parametrize(
    "value",
    [
        "nonsense!",
        "",
        base64.urlsafe_b64encode(b"p:12:x").decode().rstrip("="),
        base64.urlsafe_b64encode(b"e:812").decode().rstrip("="),
        # Year 10000: past what a date can hold.
        base64.urlsafe_b64encode(b"p:253402300800000000:5").decode().rstrip("="),
        ListingCursor(timezone.now(), 5).encode() + "=",
    ],
)
def test_listing_cursor_bad_value_is_400_with_message(api, articles, value):
    response = api.get("/api/v2/pages/", {"type": "article", "cursor": value})
    assert response.status_code == 400
    assert response.json()["parameter"] == "cursor"
    assert response.json()["message"].startswith("cursor: ")


@pytest.mark.parametrize(
    "query",
    ["offset=2", "order=title", "type=section", "search=tin"],
)
def test_listing_cursor_refused_where_it_does_not_apply(api, articles, query):
    cursor = ListingCursor(timezone.now(), articles[0].id).encode()
    response = api.get(f"/api/v2/pages/?type=article&{query}&cursor={cursor}")
    assert response.status_code == 400, response.content
    assert response.json()["parameter"] == "cursor"


def test_listing_next_cursor_only_in_newest_first_listings(api, section, articles):
    assert "next_cursor" not in _page(api, "order=title")["meta"]
    sections = api.get("/api/v2/pages/?type=section").json()
    assert "next_cursor" not in sections["meta"]
    assert _page(api, "limit=20")["meta"]["next_cursor"] is None


def test_listing_deep_cursor_page_costs_what_the_first_costs(api, articles, settings):
    settings.API_RESPONSE_CACHE = False
    settings.API_SUMMARY_CACHE = False
    _page(api, "limit=2")  # site scope cached
    with CaptureQueriesContext(connection) as first:
        cursor = _page(api, "limit=2")["meta"]["next_cursor"]
    with CaptureQueriesContext(connection) as deep:
        _page(api, f"limit=2&cursor={cursor}")
    assert len(deep) == len(first)


def test_listing_total_counted_once_per_generation(api, section, articles, settings):
    settings.API_RESPONSE_CACHE = False
    _page(api, "limit=2")

    def counts(query: str) -> int:
        with CaptureQueriesContext(connection) as queries:
            data = _page(api, query)
        # Counted from the page table, or summed from the page counts (PostgreSQL).
        return data["meta"]["total_count"], sum("COUNT(" in q["sql"].upper() for q in queries)

    assert counts("limit=3") == (len(articles), 0)  # another page size: the same total
    assert counts("limit=2&featured=true") == (0, 1)  # other filters: counted
    publish(make_article(section, "Tin mới"))  # a new generation
    assert counts("limit=2") == (len(articles) + 1, 1)


@pytest.mark.parametrize("anchor_every", [2, 3])
def test_deep_offsets_start_at_anchors_and_give_the_same_pages(
    api, articles, section, monkeypatch, anchor_every
):
    """Offsets past ANCHOR_EVERY start after the nearest anchor (ties of the same moment
    fall on anchors) and list exactly what a plain OFFSET lists, also after a publish."""
    monkeypatch.setattr("cms.api.keyset.ANCHOR_EVERY", anchor_every)
    ids = [a.id for a in articles]
    for offset in range(len(ids) + 2):
        for limit in (1, 2, 3):
            data = _page(api, f"limit={limit}&offset={offset}")
            assert [item["id"] for item in data["items"]] == ids[offset : offset + limit]
            assert data["meta"]["total_count"] == len(ids)

    newest = make_article(section, "Tin mới nhất")
    ids.insert(0, newest.id)
    for offset in range(len(ids)):
        data = _page(api, f"limit=2&offset={offset}")
        assert [item["id"] for item in data["items"]] == ids[offset : offset + 2]


def test_deep_offset_anchors_are_found_once_per_listing_generation(api, articles, monkeypatch):
    monkeypatch.setattr("cms.api.keyset.ANCHOR_EVERY", 2)
    with CaptureQueriesContext(connection) as plain:
        _page(api, "limit=1&offset=3")
    with CaptureQueriesContext(connection) as first:
        _page(api, "limit=1&offset=4")
    with CaptureQueriesContext(connection) as second:
        _page(api, "limit=1&offset=5")
    # The first deep page is a plain offset; the second finds the anchors, once.
    assert "ROW_NUMBER" not in " ".join(q["sql"] for q in plain.captured_queries).upper()
    numbering = [q for q in first.captured_queries if "ROW_NUMBER" in q["sql"].upper()]
    assert len(numbering) == 1
    sql = " ".join(q["sql"] for q in second.captured_queries).upper()
    # Kept anchors: the page starts after the 4th item, one row in, not five rows in.
    assert "ROW_NUMBER" not in sql
    assert "OFFSET 5" not in sql and "OFFSET 1" in sql


class _CacheDown:
    """The cache as ResilientRedisCache answers while Redis is down: nothing found or kept."""

    def get(self, key, default=None):
        return default

    def set(self, key, value, timeout=None):
        pass

    def add(self, key, value, timeout=None):
        return False


def test_deep_offsets_with_the_cache_down_are_plain_offsets(api, articles, monkeypatch):
    monkeypatch.setattr("cms.api.keyset.ANCHOR_EVERY", 2)
    monkeypatch.setattr("cms.api.keyset.cache", _CacheDown())
    ids = [a.id for a in articles]
    for _ in range(3):
        with CaptureQueriesContext(connection) as queries:
            data = _page(api, "limit=2&offset=4")
        assert [item["id"] for item in data["items"]] == ids[4:6]
        # Anchors that could not be kept are not looked for on every request.
        assert "ROW_NUMBER" not in " ".join(q["sql"] for q in queries.captured_queries).upper()
