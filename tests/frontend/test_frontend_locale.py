"""English pages (under /en/) get the menu, footer and linked websites of the English locale."""

import httpx
from starlette.testclient import TestClient

from frontend.app import create_app
from frontend.cache import MemoryCache
from frontend.config import Config
from tests.frontend.stub_cms import ARTICLE, stub_cms

CONFIG = Config(cms_api_url="http://cms/api/v2", public_url="https://tin.example.vn")
ENGLISH_ARTICLE = {
    **ARTICLE,
    "id": 13,
    "title": "Administrative reform",
    "path": "/en/news/reform/",
}


def menu_item(page_id: int, title: str, path: str) -> dict:
    return {"id": page_id, "title": title, "path": path, "kind": "section", "children": []}


BY_LOCALE = {
    ("/api/v2/menu/", "vi"): {"items": [menu_item(3, "Tin tức - Sự kiện", "/tin-tuc/")]},
    ("/api/v2/menu/", "en"): {"items": [menu_item(30, "News and events", "/en/news/")]},
    ("/api/v2/site-settings/", "vi"): {"organisation_name": "Đảng ủy Khối"},
    ("/api/v2/site-settings/", "en"): {"organisation_name": "Party Committee of the Bloc"},
    ("/api/v2/linked-websites/", "vi"): {
        "items": [{"id": 1, "name": "Cổng tỉnh", "url": "https://tinh.gov.vn"}]
    },
    ("/api/v2/linked-websites/", "en"): {
        "items": [{"id": 2, "name": "Provincial portal", "url": "https://tinh.gov.vn/en"}]
    },
}


def handler():
    pages = {ARTICLE["path"]: ARTICLE, ENGLISH_ARTICLE["path"]: ENGLISH_ARTICLE}
    stub = stub_cms(pages)
    asked = []

    def handle(request: httpx.Request) -> httpx.Response:
        key = (request.url.path, request.url.params.get("locale"))
        if key[0] in {path for path, _ in BY_LOCALE}:
            asked.append(key)
            return httpx.Response(200, json=BY_LOCALE[key])
        return stub(request)

    return handle, asked


def test_frontend_english_page_shows_the_english_footer_and_linked_websites():
    handle, asked = handler()
    client = TestClient(
        create_app(CONFIG, cache=MemoryCache(), transport=httpx.MockTransport(handle)),
        raise_server_exceptions=False,
    )

    english = client.get(ENGLISH_ARTICLE["path"])
    vietnamese = client.get(ARTICLE["path"])

    assert english.status_code == vietnamese.status_code == 200
    assert "Party Committee of the Bloc" in english.text
    assert "Provincial portal" in english.text
    assert "Đảng ủy Khối" not in english.text.split("<footer", 1)[-1]
    assert "Cổng tỉnh" not in english.text
    assert "Đảng ủy Khối" in vietnamese.text and "Cổng tỉnh" in vietnamese.text
    assert "Provincial portal" not in vietnamese.text
    assert ("/api/v2/site-settings/", "en") in asked and ("/api/v2/linked-websites/", "en") in asked
    assert "News and events" in english.text and "Tin tức - Sự kiện" not in english.text
    assert "Tin tức - Sự kiện" in vietnamese.text and "News and events" not in vietnamese.text


def test_frontend_marks_english_parts_of_the_vietnamese_page():
    handle, _ = handler()
    client = TestClient(
        create_app(CONFIG, cache=MemoryCache(), transport=httpx.MockTransport(handle)),
        raise_server_exceptions=False,
    )

    english = client.get(ENGLISH_ARTICLE["path"]).text
    vietnamese = client.get(ARTICLE["path"]).text

    # The menus, labels and dates stay Vietnamese, the document's language; the article's
    # title, lead and body and the English menu's links are English, for screen readers.
    assert english.startswith('<!doctype html>\n<html lang="vi">')
    assert '<h1 lang="en">Administrative reform</h1>' in english
    assert '<div class="article__body" lang="en">' in english
    assert '<a href="/en/news/" lang="en"' in english
    assert '<meta property="og:locale" content="en_US">' in english
    assert "<h1>" in vietnamese and ' lang="en"' not in vietnamese
    assert '<meta property="og:locale" content="vi_VN">' in vietnamese
