"""The English contact page (/en/contact/, Decree 42/2022/NĐ-CP) against a stubbed API: the
office's contacts from the English site settings, the English menu and the language switch
both ways, the Vietnamese text where a line is not translated, escaping."""

import httpx
from starlette.testclient import TestClient

from frontend.app import create_app
from frontend.cache import MemoryCache
from frontend.config import Config
from tests.contact_support import XSS
from tests.frontend.stub_cms import json_response, stub_cms

CONFIG = Config(cms_api_url="http://cms/api/v2", public_url="https://tin.example.vn")
CONTACTS = {
    "phone": "0226 3 856 218",
    "email": "vanphong@example.vn",
    "map_url": "https://maps.example.vn/?q=18+Le+Loi",
}
VIETNAMESE = {
    **CONTACTS,
    "locale": "vi",
    "organisation_name": "Đảng ủy Khối",
    "address": "Số 18 đường Lê Lợi, tỉnh Lam Hà",
}
ENGLISH = {
    **CONTACTS,
    "locale": "en",
    "organisation_name": "Party Committee of the Bloc",
    "address": "18 Lê Lợi Street, Lam Hà Province",
}
ORGANISATION = {
    "id": 54,
    "title": "Organisation",
    "kind": "organisation",
    "path": "/en/gioi-thieu/organisation/",
}


def cms(english: dict, vietnamese: dict = VIETNAMESE):
    """The stub CMS with the site settings of each language and the English organisation
    page; records the requests."""
    base = stub_cms()
    asked: list[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        asked.append(request)
        path, params = request.url.path, request.url.params
        if path == "/api/v2/site-settings/":
            return json_response(english if params.get("locale") == "en" else vietnamese)
        if path == "/api/v2/menu/" and params.get("locale") == "en":
            return json_response({"items": []})
        if path == "/api/v2/pages/" and params.get("type") == "home.OrganisationPage":
            items = [ORGANISATION] if params.get("locale") == "en" else []
            return json_response({"meta": {"total_count": len(items)}, "items": items})
        return base(request)

    handle.asked = asked
    return handle


def client_for(handler) -> TestClient:
    app = create_app(CONFIG, cache=MemoryCache(), transport=httpx.MockTransport(handler))
    return TestClient(app, raise_server_exceptions=False)


def main_of(html: str) -> str:
    return html.split('<main id="main"', 1)[1].split("</main>", 1)[0]


def test_english_contact_page_shows_the_english_settings():
    handler = cms(ENGLISH)

    response = client_for(handler).get("/en/contact/")

    assert response.status_code == 200
    main = main_of(response.text)
    assert '<div lang="en">' in main and "<h1>Contact</h1>" in main
    assert "Party Committee of the Bloc" in main and "Đảng ủy Khối" not in main
    assert "<dt>Address</dt><dd>18 Lê Lợi Street, Lam Hà Province</dd>" in main
    assert '<a href="tel:02263856218">0226 3 856 218</a>' in main
    assert main.count('<a href="mailto:vanphong@example.vn">') == 2  # contacts, questions
    assert '<a href="https://maps.example.vn/?q=18+Le+Loi" rel="noopener">' in main
    assert '<a href="/en/gioi-thieu/organisation/">Organisation</a>' in main
    # No form here: it says, in English, where the (Vietnamese) form is.
    assert "<form" not in main
    assert "The question form is in Vietnamese" in main
    assert '<a href="/lien-he/#gui-cau-hoi" hreflang="vi">' in main
    assert "<title>Contact | Party Committee of the Bloc</title>" in response.text
    # The English site's menu, footer and settings were asked for in English.
    locales = {r.url.params.get("locale") for r in handler.asked if "menu" in r.url.path}
    assert locales == {"en"}


def test_english_contact_page_is_in_the_english_menu_and_language_switch():
    client = client_for(cms(ENGLISH))

    english = client.get("/en/contact/").text
    vietnamese = client.get("/lien-he/").text

    # The English menu names it (and not the Vietnamese "Liên hệ", "Hỏi đáp").
    menu = english.split('<nav class="main-menu"', 1)[1].split("</nav>", 1)[0]
    assert '<a href="/en/contact/" lang="en" aria-current="page">Contact</a>' in menu
    assert 'href="/lien-he/"' not in menu and 'href="/hoi-dap/"' not in menu
    # Each contact page switches to the other and names it as its alternate.
    assert '<a href="/lien-he/" hreflang="vi" lang="vi">VI</a>' in english
    assert '<link rel="alternate" hreflang="vi" href="https://tin.example.vn/lien-he/">' in english
    assert '<a href="/en/contact/" hreflang="en" lang="en">EN</a>' in vietnamese
    assert (
        '<link rel="alternate" hreflang="en" href="https://tin.example.vn/en/contact/">'
        in vietnamese
    )
    # The Vietnamese menu does not offer the English page as a menu item.
    vi_menu = vietnamese.split('<nav class="main-menu"', 1)[1].split("</nav>", 1)[0]
    assert "/en/contact/" not in vi_menu


def test_english_contact_page_falls_back_to_the_vietnamese_text_marked_so():
    untranslated = {**CONTACTS, "locale": "en", "organisation_name": "", "address": ""}

    main = main_of(client_for(cms(untranslated)).get("/en/contact/").text)

    assert '<span lang="vi">Đảng ủy Khối</span>' in main
    assert '<dd><span lang="vi">Số 18 đường Lê Lợi, tỉnh Lam Hà</span></dd>' in main


def test_english_contact_page_escapes_the_settings():
    hostile = {**ENGLISH, "organisation_name": XSS, "address": XSS}

    response = client_for(cms(hostile)).get("/en/contact/")

    assert response.status_code == 200
    assert "<script>alert" not in response.text and "<img src=x" not in response.text
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in main_of(response.text)


def test_english_contact_page_without_contacts_or_organisation_page():
    empty = {"locale": "en", "organisation_name": "", "address": ""}
    bare = {"locale": "vi", "organisation_name": "", "address": ""}
    handler = cms(empty, bare)

    def without_organisation(request: httpx.Request) -> httpx.Response:
        if request.url.params.get("type") == "home.OrganisationPage":
            return json_response({"meta": {"total_count": 0}, "items": []})
        return handler(request)

    response = client_for(without_organisation).get("/en/contact/")

    assert response.status_code == 200
    main = main_of(response.text)
    assert "<dt>" not in main and "mailto:" not in main and "/en/gioi-thieu/" not in main
    assert "The question form is in Vietnamese" in main


def test_contact_menu_links_once_when_the_cms_menu_has_the_page():
    # The demo's menu has a "Liên hệ" page, which /lien-he/ shows: one menu link, not two.
    handler = cms(ENGLISH)

    def with_contact_in_menu(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/api/v2/menu/" and request.url.params.get("locale") != "en":
            item = {"id": 9, "title": "Liên hệ", "path": "/lien-he/", "kind": "page"}
            return json_response({"items": [{**item, "children": []}]})
        return handler(request)

    page = client_for(with_contact_in_menu).get("/lien-he/").text

    menu = page.split('<nav class="main-menu"', 1)[1].split("</nav>", 1)[0]
    assert menu.count('href="/lien-he/"') == 1
    assert menu.count('href="/hoi-dap/"') == 1


def test_sitemap_lists_the_contact_pages_once():
    handler = cms(ENGLISH)
    contact_page = {
        "id": 9,
        "title": "Liên hệ",
        "path": "/lien-he/",
        "kind": "page",
        "publication_date": None,
    }

    def with_contact_page(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/api/v2/pages/" and "type" not in request.url.params:
            return json_response({"meta": {"total_count": 1}, "items": [contact_page]})
        return handler(request)

    sitemap = client_for(with_contact_page).get("/sitemap.xml").text

    assert sitemap.count("<loc>https://tin.example.vn/en/contact/</loc>") == 1
    assert sitemap.count("<loc>https://tin.example.vn/lien-he/</loc>") == 1
    assert sitemap.count("<loc>https://tin.example.vn/hoi-dap/</loc>") == 1
