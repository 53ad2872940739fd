"""Attacks on the frontend over HTTP, from a stubbed API: markup in the RSS feed, titles that
break out of the JSON-LD script, trailing-slash redirects to another site."""

import html
import json
import re
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree

import feedparser
import httpx
import pytest
from starlette.testclient import TestClient

from frontend.app import create_app
from frontend.cache import MemoryCache
from frontend.config import Config
from tests.frontend.stub_cms import ARTICLE, stub_cms

CONFIG = Config(cms_api_url="http://cms/api/v2", public_url="https://tin.example.vn")
HOSTILE = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<iframe src=//evil>")


def client_for(handler) -> TestClient:
    app = create_app(CONFIG, cache=MemoryCache(), transport=httpx.MockTransport(handler))
    return TestClient(app, raise_server_exceptions=False)


def with_site_name(handler, name: str):
    """The stub API, with ``name`` as the site's organisation name."""

    def handle(request: httpx.Request) -> httpx.Response:
        response = handler(request)
        if request.url.path == "/api/v2/site-settings/":
            return httpx.Response(200, json={**response.json(), "organisation_name": name})
        return response

    return handle


def shown_text(detail) -> str:
    """What a feed reader shows of feedparser's (sanitised) field, which must hold no element."""
    if detail.type == "text/plain":
        return detail.value
    assert "<" not in detail.value, detail.value
    return html.unescape(detail.value)


def test_frontend_rss_markup_in_title_and_lead_reaches_readers_as_text():
    articles = {
        f"/tin-tuc/tin-{n}/": {
            **ARTICLE,
            "id": 100 + n,
            "path": f"/tin-tuc/tin-{n}/",
            "title": f"Tin {n} {text}",
            "lead": f"Sapo {text} hết",
        }
        for n, text in enumerate(HOSTILE)
    }
    site_name = "Đảng ủy <script>alert(3)</script>"
    response = client_for(with_site_name(stub_cms(articles), site_name)).get("/rss.xml")
    assert response.status_code == 200
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.feed.title == site_name
    assert shown_text(parsed.feed.subtitle_detail) == site_name
    entries = {entry.title: entry for entry in parsed.entries}
    for article in articles.values():
        entry = entries[article["title"]]
        assert shown_text(entry.title_detail) == article["title"]
        assert shown_text(entry.summary_detail) == article["lead"]
    # What a reader feeds to its HTML renderer: the XML-decoded <description>s.
    for description in ElementTree.fromstring(response.content).iter("description"):
        assert "<" not in description.text, description.text
    for element in (b"<script", b"<img", b"<iframe"):
        assert element not in response.content


_SCRIPT_DATA = {
    # The tokenizer states of a <script> element's text (HTML Standard, 13.2.5.4 ff.): each
    # pattern ends the state, the element (None) or starts another state.
    "data": re.compile(r"(?P<end></script[\s/>])|(?P<escaped><!(?=--))", re.I),
    "escaped": re.compile(r"(?P<end></script[\s/>])|(?P<data>-->)|(?P<double><script[\s/>])", re.I),
    "double": re.compile(r"(?P<escaped></script[\s/>])|(?P<data>-->)", re.I),
}


def script_end(page: str, start: int) -> int:
    """Where a browser ends the <script> element whose text starts at ``start`` (-1: never)."""
    state, position = "data", start
    while True:
        match = _SCRIPT_DATA[state].search(page, position)
        if match is None:
            return -1
        if match.lastgroup == "end":
            return match.start()
        state, position = match.lastgroup, match.end()


def test_frontend_json_ld_title_with_script_markup_does_not_swallow_the_page():
    title = "Bài <!--<script> thử </script>"
    lead = "Sapo & <b>đậm</b> > hết\u2028dòng\u2029đoạn"
    article = {**ARTICLE, "title": title, "lead": lead}
    response = client_for(stub_cms({article["path"]: article})).get(article["path"])
    assert response.status_code == 200
    page = response.text
    opener = re.search(r'<script type="application/ld\+json">', page)
    end = script_end(page, opener.end())
    assert end != -1, "the JSON-LD script never ends: the rest of the page is swallowed"
    body = page[opener.end() : end]
    for character in ("<", ">", "&", "\u2028", "\u2029"):
        assert character not in body
    data = json.loads(body)
    assert data["headline"] == title
    assert data["description"] == lead
    assert '<footer class="site-footer">' in page[end:]


@pytest.mark.parametrize(
    "raw_path",
    [
        b"//evil.example",
        b"///evil.example",
        b"/\\evil.example",
        b"//evil.example/x",
        b"/%2F%2Fevil.example",
        b"/%5Cevil.example",
        b"/\\/evil.example",
        b"/http://evil.example",
    ],
)
def test_frontend_trailing_slash_redirect_stays_on_the_site(raw_path):
    url = httpx.URL("http://site/").copy_with(raw_path=raw_path)
    response = client_for(stub_cms()).get(url, follow_redirects=False)
    location = response.headers.get("location")
    if location is None:
        assert response.status_code == 404
        return
    assert response.status_code == 301
    assert re.match(r"/[^/\\]", location), location
    assert urlsplit(urljoin("http://site/", location)).netloc == "site"


def test_frontend_trailing_slash_redirect_keeps_the_path():
    response = client_for(stub_cms()).get("/tin-tuc/cai-cach-hanh-chinh", follow_redirects=False)
    assert response.status_code == 301
    assert response.headers["location"] == "/tin-tuc/cai-cach-hanh-chinh/"
