"""The frontend's security headers and Content-Security-Policy, from a stubbed API.

Every answer (pages, error pages, static files) carries them; a draft at /preview/ may be
framed by the CMS's editor and by nothing else. The pages hold nothing the policy would
block: no inline script but the JSON-LD data block, no inline style or event handler.
"""

import re

import httpx
import pytest
from starlette.testclient import TestClient

from frontend import content
from frontend.app import create_app
from frontend.cache import MemoryCache
from frontend.config import Config, from_environment
from tests.frontend.stub_cms import ARTICLE, stub_cms

CONFIG = Config(
    cms_api_url="http://cms/api/v2",
    public_url="https://tin.example.vn",
    cms_public_url="https://cms.example.vn",
    media_origins=("https://cdn.example.vn",),
)
PLAYERS = ["https://www.youtube-nocookie.com", "https://www.facebook.com"]
STILLS = ["https://i.ytimg.com"]  # YouTube's pictures of embedded videos
MEDIA = ["'self'", "http://cms", "https://cms.example.vn", "https://cdn.example.vn"]


def client_for(handler, config: Config = CONFIG) -> TestClient:
    app = create_app(config, cache=MemoryCache(), transport=httpx.MockTransport(handler))
    return TestClient(app, raise_server_exceptions=False)


def policy_of(response: httpx.Response) -> dict[str, list[str]]:
    directives = [part.split() for part in response.headers["content-security-policy"].split(";")]
    return {name: sources for name, *sources in directives}


def assert_security_headers(response: httpx.Response) -> None:
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "strict-origin-when-cross-origin"
    assert response.headers["cross-origin-opener-policy"] == "same-origin"
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in response.headers["permissions-policy"]


def down(request: httpx.Request) -> httpx.Response:
    raise httpx.ConnectError("connection refused")


@pytest.mark.parametrize(
    ("path", "handler", "status"),
    [
        ("/", stub_cms(), 200),
        (ARTICLE["path"], stub_cms(), 200),
        ("/tim-kiem/?q=cai+cach", stub_cms(), 200),
        ("/khong-co-trang-nay/", stub_cms(), 404),
        (ARTICLE["path"], down, 503),
        ("/robots.txt", stub_cms(), 200),
        ("/healthz", stub_cms(), 200),
    ],
)
def test_frontend_answers_carry_the_headers_and_the_policy(path, handler, status):
    response = client_for(handler).get(path)

    assert response.status_code == status
    assert_security_headers(response)
    assert response.headers["x-frame-options"] == "DENY"
    assert policy_of(response) == {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": MEDIA + STILLS,
        "media-src": MEDIA,
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": PLAYERS,
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }


def test_frontend_500_and_static_files_carry_the_headers_too(monkeypatch):
    async def broken(*args, **kwargs):
        raise RuntimeError("template bug")

    monkeypatch.setattr(content, "page_at", broken)
    client = client_for(stub_cms())
    error = client.get(ARTICLE["path"])
    home = client.get("/")
    stylesheet = re.search(r'href="(/static/css/site\.[0-9a-f]+\.css)"', home.text).group(1)
    static = client.get(stylesheet)

    assert error.status_code == 500 and "template bug" not in error.text
    assert static.status_code == 200
    for response in (error, static):
        assert_security_headers(response)
        assert policy_of(response)["frame-ancestors"] == ["'none'"]


def test_frontend_preview_may_be_framed_by_the_cms_only():
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/api/v2/preview/":
            return httpx.Response(200, json={**ARTICLE, "meta": {"preview": True}})
        return stub_cms()(request)

    response = client_for(handler).get("/preview/?content_type=home.articlepage&token=abc")

    assert response.status_code == 200
    assert_security_headers(response)
    # frame-ancestors replaces X-Frame-Options, which cannot name another origin.
    assert "x-frame-options" not in response.headers
    assert policy_of(response)["frame-ancestors"] == ["http://cms", "https://cms.example.vn"]
    assert policy_of(response)["script-src"] == ["'self'"]


def test_frontend_without_a_public_cms_address_frames_and_shows_the_api_origin_only():
    config = Config(cms_api_url="http://127.0.0.1:8000/api/v2")

    response = client_for(stub_cms(), config).get("/")

    assert policy_of(response)["img-src"] == ["'self'", "http://127.0.0.1:8000", *STILLS]
    preview = client_for(stub_cms(), config).get("/preview/?content_type=x&token=y")
    assert policy_of(preview)["frame-ancestors"] == ["http://127.0.0.1:8000"]


def test_frontend_article_has_nothing_inline_that_the_policy_would_block():
    html = client_for(stub_cms()).get(ARTICLE["path"]).text

    scripts = re.findall(r"<script\b[^>]*>", html)
    assert any('type="application/ld+json"' in tag for tag in scripts)
    # Every other script is a file of this origin.
    for tag in scripts:
        assert 'type="application/ld+json"' in tag or re.search(r'src="/static/', tag), tag
    assert "<style" not in html
    assert not re.search(r"\sstyle=", html)
    assert not re.search(r"\son[a-z]+=", html)
    assert "javascript:" not in html


def test_frontend_reads_the_cms_address_and_media_origins_from_the_environment():
    config = from_environment(
        {
            "CMS_BASE_URL": "https://cms.example.vn/",
            "FRONTEND_MEDIA_ORIGINS": "https://cdn.example.vn, https://media.s3.amazonaws.com/",
        }
    )

    assert config.cms_public_url == "https://cms.example.vn"
    assert config.media_origins == ("https://cdn.example.vn", "https://media.s3.amazonaws.com")
