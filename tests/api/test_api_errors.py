"""Bad input gives a JSON 400 naming the parameter; unknown ids a JSON 404; a method other
than GET, HEAD and OPTIONS a JSON 405; never a 500."""

import pytest
from django.test import Client

from cms.syndication.changes import Cursor
from tests.api_support import make_article
from tests.syndication_support import make_api_key

BAD_LISTING_QUERIES = [
    ("limit=-1", "limit"),
    ("limit=0", "limit"),
    ("limit=101", "limit"),
    ("limit=99999999999999999999", "limit"),
    ("limit=abc", "limit"),
    ("offset=-5", "offset"),
    ("offset=1e9", "offset"),
    ("fields=nonexistent", "fields"),
    ("fields=title(foo)", "fields"),
    ("fields=,,(", "fields"),
    ("type=home.Nope", "type"),
    ("type=auth.User", "type"),
    ("type='; DROP TABLE wagtailcore_page; --", "type"),
    ("published_from=15-06-2022", "published_from"),
    ("published_to=2022-13-45", "published_to"),
    ("updated_since=yesterday", "updated_since"),
    ("updated_since=0000-01-01", "updated_since"),
    ("featured=maybe", "featured"),
    ("author=1 OR 1=1", "author"),
    ("author=-3", "author"),
    ("section=<script>alert(1)</script>", "section"),
    ("child_of=999999", "child_of"),
    ("descendant_of=x", "descendant_of"),
    ("locale=xx", "locale"),
    ("order=password", "order"),
    ("order=-publication_date", "order"),  # pages of every type have no publication date
    ("search_operator=xor&search=a", "search_operator"),
    # Values the OpenAPI document forbids: refused even where they would change nothing.
    ("search_operator=", "search_operator"),
    ("search_operator=xor", "search_operator"),
    ("search_operator=&search=a", "search_operator"),
    ("locale=", "locale"),
    ("child_of=", "child_of"),
    ("descendant_of=", "descendant_of"),
    ("child_of=1000000000000000000", "child_of"),  # ids have at most 18 digits
    ("section=", "section"),
    ("order=", "order"),
    ("fields=title%01", "fields"),
    ("fields=title%0A", "fields"),
    ("fields=*,title", "fields"),
    ("title=%00", "title"),
    ("search=%00", "search"),
    ("unknown=1", "unknown"),
]


@pytest.mark.parametrize(("query", "parameter"), BAD_LISTING_QUERIES)
def test_listing_bad_parameter_gives_400_naming_it(api, section, query, parameter):
    response = api.get(f"/api/v2/pages/?{query}")

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json()["parameter"] == parameter
    assert parameter in response.json()["message"]


def test_search_with_sql_and_html_is_harmless(api, section):
    make_article(section, "Cải cách hành chính")
    # Taken as text: SQL matches nothing (not every page), LIKE wildcards match no character.
    for query in ("' OR 1=1 --", "<b>x</b>", "\\", "%", "_", "a" * 500):
        response = api.get("/api/v2/pages/", {"search": query})
        assert response.status_code == 200, query
        assert response.json()["meta"]["total_count"] == 0, query
        assert response.json()["items"] == [], query


def test_search_highlight_escapes_the_html_it_quotes(api, section):
    article = make_article(
        section,
        "Thẻ <script>alert(1)</script> trong tiêu đề",
        lead="Sapo có <img src=x onerror=alert(1)> và chữ",
    )

    response = api.get("/api/v2/pages/", {"search": "alert"})

    assert response.status_code == 200
    (item,) = response.json()["items"]
    assert item["id"] == article.id
    highlight = item["highlight"]
    assert "<script>" not in highlight["title"] and "<img" not in highlight["snippet"]
    assert "&lt;script&gt;" in highlight["title"]
    assert "&lt;img src=x onerror=<mark>alert</mark>(1)&gt;" in highlight["snippet"]
    # The only markup left is the marks the search adds.
    for text in highlight.values():
        assert text.replace("<mark>", "").replace("</mark>", "").count("<") == 0


@pytest.mark.parametrize(
    "url",
    [
        "/api/v2/pages/999999/",
        "/api/v2/images/999999/",
        "/api/v2/documents/999999/",
        "/api/v2/pages/find/?html_path=/khong-co/",
        "/api/v2/nothing-here/",
        # Schemathesis sent this: a line break in the id.
        "/api/v2/images/%F1%8A%92%A8%0A%05%C2%86%5B/",
        "/api/v2/pages/1%0A2/",
    ],
)
def test_unknown_id_or_path_gives_json_404(api, section, url):
    response = api.get(url)

    assert response.status_code == 404
    assert "message" in response.json()


def test_detail_rejects_unknown_parameter(api, section):
    article = make_article(section, "Tin")

    response = api.get(f"/api/v2/pages/{article.id}/?fields=body,bogus")

    assert response.status_code == 400
    assert response.json()["parameter"] == "fields"


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("/api/v2/pages/find/?id=", "id"),
        # html_path comes first, but a bad id is still refused
        ("/api/v2/pages/find/?html_path=/&id=null", "id"),
        ("/api/v2/menu/?locale=", "locale"),
        ("/api/v2/site-settings/?locale=", "locale"),
        ("/api/v2/linked-websites/?locale=", "locale"),
        # Before anything is typed the answer is empty, but the locale is checked
        ("/api/v2/search/autocomplete/?locale=xx", "locale"),
        ("/api/v2/videos/latest/?fields=title%07", "fields"),
    ],
)
def test_endpoint_bad_parameter_gives_400_naming_it(api, section, url, parameter):
    response = api.get(url)

    assert response.status_code == 400
    assert response.json()["parameter"] == parameter


def test_detail_bad_fields_gives_400(api, section):
    article = make_article(section, "Tin")

    response = api.get(f"/api/v2/pages/{article.id}/", {"fields": "body\x1f"})

    assert response.status_code == 400
    assert response.json()["parameter"] == "fields"


def test_detail_id_past_the_id_range_gives_json_404(api, section):
    # Schemathesis sent it: on SQLite the id overflowed into a 500.
    response = api.get("/api/v2/pages/9098088996693372567552/")

    assert response.status_code == 404
    assert "message" in response.json()


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ({"cursor": "ZTox!"}, "cursor"),  # "e:1" and a stray character
        ({"cursor": "ZToxMh"}, "cursor"),  # "e:12" with non-zero padding bits
        ({"cursor": "ZTorNQ"}, "cursor"),  # "e:+5"
        ({"cursor": "ZTrZow"}, "cursor"),  # "e:٣" (a non-ASCII digit)
        ({"cursor": Cursor(0).encode() + "=="}, "cursor"),  # padded
        ({"limit": ""}, "limit"),
        ({"limit": "٣"}, "limit"),
    ],
)
def test_changes_bad_parameter_gives_400_naming_it(api, section, query, parameter):
    key = make_api_key()[1]

    response = api.get("/api/v2/changes/", query, HTTP_AUTHORIZATION=f"Bearer {key}")

    assert response.status_code == 400
    assert response.json()["parameter"] == parameter


API_URLS = [
    "/api/v2/pages/",
    "/api/v2/pages/1/",
    "/api/v2/pages/find/?id=1",
    "/api/v2/images/",
    "/api/v2/menu/",
    "/api/v2/changes/",
    "/api/v2/schema/",
    "/api/v2/docs/",
    "/api/v2/preview/",
    "/api/v2/nothing-here/",
]


@pytest.mark.parametrize("method", ["QUERY", "PUT", "DELETE", "PATCH", "POST"])
@pytest.mark.parametrize("url", API_URLS)
def test_method_other_than_get_gives_json_405_with_allow(db, url, method):
    # With the CSRF check on, as for a real client: it used to answer with its HTML 403.
    client = Client(enforce_csrf_checks=True)

    response = client.generic(method, url, b"{}", content_type="application/json")

    assert response.status_code == 405
    assert response["Content-Type"] == "application/json"
    assert response["Allow"] == "GET, HEAD, OPTIONS"
    assert method in response.json()["message"]


def test_changes_answers_head_as_allow_says(api, section):
    key = make_api_key()[1]

    response = api.head("/api/v2/changes/", HTTP_AUTHORIZATION=f"Bearer {key}")

    assert response.status_code == 200
