"""The stub CMS of the frontend tests (tests/frontend/stub_cms.py) answers as the reader API's
OpenAPI document (``cms.api.schema.views.openapi_document``) says the CMS does.

Every response of every route the stub answers, with the fixtures it serves, is checked
against the document's schema for its path and status, with openapi-schema-validator's
OAS 3.0 validator (it knows ``nullable``; ``$ref`` resolves within the document). The
helper must reject broken copies of the stub's answers, so the check cannot pass by
checking nothing.
"""

import copy
import functools
import re
from urllib.parse import quote

import httpx
import pytest
from openapi_schema_validator import OAS30Validator
from referencing import Registry, Resource

from cms.api import serializers
from cms.api.schema.views import openapi_document
from tests.frontend import stub_cms as stub
from tests.frontend.stub_cms import ARTICLE, CHROME, ROUTES, route_of, stub_cms

DOCUMENT_URI = "urn:cms-reader-api"
DETAIL = f"/api/v2/pages/{ARTICLE['id']}/"
# What the frontend asks (frontend/content.py, seo.py, views.py), and the statuses of the
# answer and of the redirects before it; every entry of stub_cms.ROUTES is in here.
REQUESTS = [
    ("/api/v2/menu/?locale=vi", (200,)),
    ("/api/v2/site-settings/?locale=vi", (200,)),
    ("/api/v2/linked-websites/?locale=vi", (200,)),
    ("/api/v2/videos/latest/?limit=4", (200,)),
    ("/api/v2/galleries/latest/?limit=4", (200,)),
    ("/api/v2/pages/?limit=11&type=article", (200,)),
    (f"/api/v2/pages/find/?html_path={ARTICLE['path']}", (302, 200)),
    ("/api/v2/pages/find/?html_path=/khong-co-trang-nay/", (404,)),
    (DETAIL, (200,)),
    ("/api/v2/pages/999/", (404,)),
    ("/api/v2/khong-co-dia-chi-nay/", (404,)),  # no such endpoint: the API's JSON 404
]


class SchemaMismatch(AssertionError):
    """A response the OpenAPI document does not allow."""


@functools.cache
def api_document() -> dict:
    return openapi_document()


def closed(schema: object) -> object:
    """``schema`` with every object allowing only the properties it lists."""
    if isinstance(schema, list):
        return [closed(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    result = {key: closed(value) for key, value in schema.items()}
    if isinstance(schema.get("properties"), dict):
        result.setdefault("additionalProperties", False)
    return result


@functools.cache
def _closed_api_document() -> dict:
    return closed(api_document())


def documented_path(document: dict, path: str) -> str | None:
    """The document's path that ``path`` is, concrete paths before templated ones."""
    if path in document["paths"]:
        return path
    for template in document["paths"]:
        if re.fullmatch(re.sub(r"\\\{\w+\\\}", "[^/]+", re.escape(template)), path):
            return template
    return None


def pointer(*parts: str) -> str:
    return "".join("/" + part.replace("~", "~0").replace("/", "~1") for part in parts)


def not_found_pointer(document: dict) -> str:
    """Where the document's 404 schema is: the API answers unknown addresses with it too
    (cms/api/urls.py), and every documented 404 has the same one."""
    found = {
        path: operation["get"]["responses"]["404"]["content"]["application/json"]["schema"]
        for path, operation in document["paths"].items()
        if "404" in operation["get"]["responses"]
    }
    assert found and all(schema == next(iter(found.values())) for schema in found.values())
    path = next(iter(found))
    return pointer(
        "paths", path, "get", "responses", "404", "content", "application/json", "schema"
    )


def validate(document: dict, instance: object, at: str) -> None:
    """Raise ``SchemaMismatch`` unless ``instance`` is valid for the schema at ``at``."""
    registry = Registry().with_resource(DOCUMENT_URI, Resource.opaque(document))
    validator = OAS30Validator(
        {"$ref": f"{DOCUMENT_URI}#{quote(at)}"},
        registry=registry,
        format_checker=OAS30Validator.FORMAT_CHECKER,
    )
    errors = sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path))
    if errors:
        lines = [f"{e.json_path}: {e.message}" for e in errors]
        raise SchemaMismatch(f"not as {at} says:\n" + "\n".join(lines))


def check_response(response: httpx.Response, document: dict | None = None) -> str | None:
    """Raise ``SchemaMismatch`` unless the document allows ``response`` to its request;
    return the document's path checked (None: an address the API does not have)."""
    document = api_document() if document is None else document
    path = documented_path(document, response.request.url.path)
    status = str(response.status_code)
    if path is None:
        if status != "404":
            raise SchemaMismatch(f"{response.request.url.path} is not in the document: {status}")
        at = not_found_pointer(document)
    else:
        responses = document["paths"][path]["get"]["responses"]
        if status not in responses:
            raise SchemaMismatch(f"{path} has no {status} response, only {sorted(responses)}")
        content = responses[status].get("content")
        if not content:
            if response.is_redirect and "location" not in response.headers:
                raise SchemaMismatch(f"{path} {status} without a Location")
            if response.content:
                raise SchemaMismatch(f"{path} {status} has a body, the document none")
            return path
        media_type = response.headers.get("content-type", "").split(";")[0].strip()
        if media_type not in content:
            raise SchemaMismatch(f"{path} {status} is {media_type!r}, not one of {list(content)}")
        at = pointer("paths", path, "get", "responses", status, "content", media_type, "schema")
    validate(document, response.json(), at)
    return path


def responses_to(url: str, handler=None) -> list[httpx.Response]:
    """What the frontend's client gets for ``url``: the redirects it follows and the answer."""
    transport = httpx.MockTransport(handler or stub_cms())
    with httpx.Client(transport=transport, base_url="http://cms", follow_redirects=True) as http:
        response = http.get(url)
    return [*response.history, response]


@pytest.mark.parametrize(("url", "statuses"), REQUESTS)
def test_stub_cms_answers_as_the_openapi_document_says(url, statuses):
    responses = responses_to(url)
    assert tuple(r.status_code for r in responses) == statuses
    for response in responses:
        check_response(response)


@pytest.mark.parametrize(("url", "statuses"), REQUESTS)
def test_stub_cms_answers_only_fields_the_openapi_document_names(url, statuses):
    # The frontend must not come to depend on a field the CMS does not send.
    for response in responses_to(url):
        check_response(response, _closed_api_document())


@pytest.mark.parametrize("page", [stub.VIDEO, stub.GALLERY], ids=["video", "gallery"])
def test_stub_cms_video_and_gallery_answer_as_the_openapi_document_says(page):
    handler = stub_cms({page["path"]: page})
    for url in (f"/api/v2/pages/{page['id']}/", "/api/v2/pages/?limit=11&type=article"):
        for response in responses_to(url, handler):
            assert response.status_code == 200
            check_response(response, _closed_api_document())


def test_stub_cms_every_route_is_checked():
    responses = [r for url, _ in REQUESTS for r in responses_to(url)]
    checked = [check_response(r) for r in responses]
    routes = {route_of(r.request.url.path) for r in responses} - {None}
    assert len(responses) == len(REQUESTS) + 1 == 12  # and the redirect of pages/find/
    assert len(routes) == len(ROUTES) == len(CHROME) + 3 > 0
    assert routes == set(ROUTES)
    assert set(ROUTES) <= set(api_document()["paths"])
    assert None in checked  # the answer to an address the API does not have


def test_stub_cms_listing_items_have_the_api_summary_fields():
    assert set(stub.SUMMARY_FIELDS) == {"id", "meta", *serializers.SUMMARY_FIELDS}
    [listing] = responses_to("/api/v2/pages/")
    [item] = listing.json()["items"]
    assert set(item) == set(stub.SUMMARY_FIELDS)


def broken_article(change) -> dict:
    page = copy.deepcopy(ARTICLE)
    change(page)
    return page


BROKEN_ARTICLES = {
    "meta removed": lambda page: page.pop("meta"),
    "meta without slug": lambda page: page["meta"].pop("slug"),
    "title null": lambda page: page.update(title=None),
    "featured a string": lambda page: page.update(featured="yes"),
    "unknown kind": lambda page: page.update(kind="news"),
    "date not a date-time": lambda page: page.update(publication_date="15/06/2022"),
    "section without path": lambda page: page.update(section={"id": 4, "title": "Tin tức"}),
    "body block without id": lambda page: page["body"][0].pop("id"),
    "og image width a string": lambda page: page["seo"]["og_image"].update(width="1200"),
}


@pytest.mark.parametrize("change", BROKEN_ARTICLES.values(), ids=BROKEN_ARTICLES)
def test_stub_cms_schema_check_rejects_a_broken_page(change):
    page = broken_article(change)
    [response] = responses_to(DETAIL, stub_cms({ARTICLE["path"]: page}))
    assert response.status_code == 200
    with pytest.raises(SchemaMismatch):
        check_response(response)


BROKEN_CHROME = {
    "menu without items": ("/api/v2/menu/", {"entries": []}),
    "linked website without url": ("/api/v2/linked-websites/", {"items": [{"id": 1, "name": "X"}]}),
    "site setting not a string": ("/api/v2/site-settings/", {"organisation_name": 7}),
    "total count a string": ("/api/v2/videos/latest/", {"meta": {"total_count": "0"}, "items": []}),
}


@pytest.mark.parametrize(("path", "data"), BROKEN_CHROME.values(), ids=BROKEN_CHROME)
def test_stub_cms_schema_check_rejects_broken_chrome(monkeypatch, path, data):
    monkeypatch.setitem(CHROME, path, data)
    [response] = responses_to(path)
    assert response.status_code == 200
    with pytest.raises(SchemaMismatch):
        check_response(response)


def answering(path: str, response: httpx.Response):
    """The stub, except that ``path`` gets ``response``."""

    def handle(request: httpx.Request) -> httpx.Response:
        return response if request.url.path == path else stub_cms()(request)

    return handle


@pytest.mark.parametrize(
    ("url", "response"),
    [
        # The stub's answer before it followed the API: find/ redirects, it never answers.
        (f"/api/v2/pages/find/?html_path={ARTICLE['path']}", httpx.Response(200, json=ARTICLE)),
        ("/api/v2/pages/find/?html_path=/x/", httpx.Response(404, json={"error": "x"})),
        ("/api/v2/pages/", httpx.Response(200, json={"items": []})),
        (DETAIL, httpx.Response(200, text="<h1>Cải cách</h1>")),
        ("/api/v2/khong-co/", httpx.Response(200, json={})),
    ],
    ids=["find answers", "404 without message", "listing without meta", "html", "unknown 200"],
)
def test_stub_cms_schema_check_rejects_answers_the_api_does_not_give(url, response):
    path = url.split("?")[0]
    [answer] = responses_to(url, answering(path, response))
    with pytest.raises(SchemaMismatch):
        check_response(answer)


def test_stub_cms_field_check_rejects_a_listing_item_with_detail_fields():
    listing = {"meta": {"total_count": 1}, "items": [ARTICLE]}  # body, tags, seo, ...
    [response] = responses_to(
        "/api/v2/pages/", answering("/api/v2/pages/", httpx.Response(200, json=listing))
    )
    check_response(response)  # the document allows more fields than it names
    with pytest.raises(SchemaMismatch, match="body"):
        check_response(response, _closed_api_document())


def test_stub_cms_schema_check_accepts_null_where_the_document_allows_it():
    page = broken_article(lambda p: p.update(date_line=None, section=None, publication_date=None))
    [response] = responses_to(DETAIL, stub_cms({ARTICLE["path"]: page}))
    assert check_response(response) == "/api/v2/pages/{id}/"


def test_stub_cms_schema_check_follows_refs():
    link = {"$ref": "#/components/schemas/Link"}
    document = {
        "openapi": "3.0.3",
        "paths": {
            "/api/v2/menu/": {
                "get": {
                    "responses": {
                        "200": {
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/Menu"}
                                }
                            }
                        }
                    }
                }
            }
        },
        "components": {
            "schemas": {
                "Menu": {
                    "type": "object",
                    "required": ["items"],
                    "properties": {"items": {"type": "array", "items": link}},
                },
                "Link": {
                    "type": "object",
                    "required": ["id", "path"],
                    "properties": {"id": {"type": "integer"}, "path": {"type": "string"}},
                },
            }
        },
    }
    [good] = responses_to("/api/v2/menu/")
    assert check_response(good, document) == "/api/v2/menu/"
    bad = {"items": [{"id": "4", "path": "/tin-tuc/"}]}
    [response] = responses_to(
        "/api/v2/menu/", answering("/api/v2/menu/", httpx.Response(200, json=bad))
    )
    with pytest.raises(SchemaMismatch, match=r"\$\.items\[0\]\.id"):
        check_response(response, document)
