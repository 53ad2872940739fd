"""The frontend's pages rendered from a stubbed API: content, metadata and error pages."""

import re
from pathlib import Path

import httpx
import pytest
from starlette.testclient import TestClient

from frontend.app import create_app
from frontend.cache import MemoryCache
from frontend.config import Config
from tests.frontend.stub_cms import ARTICLE, stub_cms

FRONTEND_DIR = Path(__file__).resolve().parents[2] / "frontend"
CONFIG = Config(cms_api_url="http://cms/api/v2", public_url="https://tin.example.vn")


def client_for(handler) -> TestClient:
    app = create_app(CONFIG, cache=MemoryCache(), transport=httpx.MockTransport(handler))
    return TestClient(app, raise_server_exceptions=False)


def test_frontend_article_shows_date_line_byline_caption_and_metadata():
    response = client_for(stub_cms()).get(ARTICLE["path"])
    assert response.status_code == 200
    html = response.text
    assert "Thứ Tư, ngày 15/06/2022" in html
    assert re.search(r"Phạm Thu Trang</a> – Chuyên viên", html)
    assert "<figcaption>Phần mềm quản lý văn bản tại Văn phòng." in html
    assert 'width="960" height="640"' in html
    assert f'<link rel="canonical" href="https://tin.example.vn{ARTICLE["path"]}">' in html
    assert '<meta property="og:image" content="http://cms/media/og.jpg">' in html
    assert '"@type":"NewsArticle"' in html
    assert 'href="/rss.xml"' in html
    assert "Tin nổi bật" not in html  # the home page's block, not the article's


def test_frontend_unknown_address_is_a_vietnamese_404():
    response = client_for(stub_cms()).get("/khong-co-trang-nay/")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.text
    assert 'lang="vi"' in response.text


def test_frontend_old_address_redirects_permanently_to_the_page():
    # The CMS's find answers an old address (a redirect: a moved page, an imported Plone
    # path) with the page it leads to; the reader is sent to the page's own address.
    pages = {ARTICLE["path"]: ARTICLE, "/Plone/tin-tuc/bai-cu/view/": ARTICLE}
    response = client_for(stub_cms(pages)).get(
        "/Plone/tin-tuc/bai-cu/view/", follow_redirects=False
    )
    assert response.status_code == 301
    assert response.headers["location"] == ARTICLE["path"]


def test_frontend_cms_down_gives_a_vietnamese_error_page_not_a_stack_trace():
    def down(request):
        raise httpx.ConnectError("connection refused")

    response = client_for(down).get(ARTICLE["path"])
    assert response.status_code == 503
    assert "tạm thời không truy cập được" in response.text
    assert "Traceback" not in response.text and "ConnectError" not in response.text


def test_frontend_cms_server_error_gives_a_vietnamese_error_page():
    response = client_for(lambda request: httpx.Response(500, text="boom")).get("/")
    assert response.status_code == 503
    assert "tạm thời không truy cập được" in response.text


def test_frontend_cms_down_after_a_visit_serves_the_cached_page():
    state = {"up": True}
    handler = stub_cms(max_age=0)

    def flaky(request):
        if not state["up"]:
            raise httpx.ReadTimeout("slow")
        return handler(request)

    client = client_for(flaky)
    assert client.get(ARTICLE["path"]).status_code == 200
    state["up"] = False
    response = client.get(ARTICLE["path"])
    assert response.status_code == 200
    assert ARTICLE["title"] in response.text


def test_frontend_preview_is_marked_and_not_indexed():
    def handler(request):
        if request.url.path == "/api/v2/preview/":
            assert request.url.params["token"] == "abc"
            return httpx.Response(200, json={**ARTICLE, "meta": {"preview": True}})
        return stub_cms()(request)

    response = client_for(handler).get("/preview/?content_type=home.articlepage&token=abc")
    assert response.status_code == 200
    assert "Bản xem trước" in response.text
    assert '<meta name="robots" content="noindex">' in response.text
    assert response.headers["x-robots-tag"] == "noindex"
    assert response.headers["cache-control"] == "no-store"


def test_frontend_expired_preview_is_a_404_page():
    def handler(request):
        if request.url.path == "/api/v2/preview/":
            return httpx.Response(403, json={"message": "token: expired"})
        return stub_cms()(request)

    response = client_for(handler).get("/preview/?content_type=home.articlepage&token=old")
    assert response.status_code == 404


def test_frontend_robots_sitemap_and_rss():
    client = client_for(stub_cms())
    robots = client.get("/robots.txt").text
    assert "Sitemap: https://tin.example.vn/sitemap.xml" in robots
    sitemap = client.get("/sitemap.xml").text
    assert f"<loc>https://tin.example.vn{ARTICLE['path']}</loc>" in sitemap
    rss = client.get("/rss.xml")
    assert rss.headers["content-type"].startswith("application/rss+xml")
    assert ARTICLE["title"] in rss.text


def test_frontend_static_files_have_hashed_names_and_long_cache():
    client = client_for(stub_cms())
    html = client.get(ARTICLE["path"]).text
    css = re.search(r'href="(/static/css/site\.[0-9a-f]{10}\.css)"', html).group(1)
    response = client.get(css, headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200
    assert "immutable" in response.headers["cache-control"]
    assert response.headers["content-encoding"] == "gzip"


@pytest.mark.parametrize("path", sorted(FRONTEND_DIR.rglob("*.py")), ids=lambda p: p.name)
def test_frontend_imports_nothing_from_the_cms(path):
    source = path.read_text()
    assert not re.search(
        r"^\s*(from|import)\s+(django|wagtail|home|cms|media_library)\b", source, re.M
    )


def counting(handler):
    calls = []

    def wrapped(request):
        calls.append(request.url.path)
        return handler(request)

    return wrapped, calls


def test_frontend_page_is_reused_while_its_api_data_is_fresh():
    handler, calls = counting(stub_cms(max_age=60))
    client = client_for(handler)
    first = client.get(ARTICLE["path"])
    asked = len(calls)
    second = client.get(ARTICLE["path"])
    assert second.status_code == 200 and second.text == first.text
    assert len(calls) == asked  # neither the API nor the templates were needed again


def test_frontend_retracted_article_is_gone_once_the_api_max_age_has_passed():
    pages = {ARTICLE["path"]: ARTICLE}
    client = client_for(stub_cms(pages, max_age=0))
    assert client.get(ARTICLE["path"]).status_code == 200
    del pages[ARTICLE["path"]]  # retracted: the API now answers 404
    response = client.get(ARTICLE["path"])
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.text


def media_page(kind: str, path: str, **fields) -> dict:
    return {
        **{k: v for k, v in ARTICLE.items() if k not in ("body", "tags", "authors")},
        "id": 40,
        "kind": kind,
        "path": path,
        "thumbnail": {
            "url": "http://cms/p.webp",
            "fallback_url": "http://cms/p.jpg",
            "width": 480,
            "height": 270,
            "alt": "Khung hình",
        },
        **fields,
    }


def test_frontend_uploaded_video_has_a_player_with_poster_and_captions():
    video = media_page(
        "video",
        "/video/le-ky-niem/",
        video={
            "file_url": "http://cms/media/v.mp4",
            "captions_url": "http://cms/media/v.vtt",
            "embed_url": None,
            "duration_seconds": 348,
            "description": "",
        },
    )
    html = client_for(stub_cms({video["path"]: video})).get(video["path"]).text
    assert re.search(r'<video controls preload="none"[^>]* poster="http://cms/p.jpg"', html)
    assert '<track kind="captions" src="http://cms/media/v.vtt" srclang="vi"' in html
    assert "5:48" in html


def test_frontend_youtube_video_loads_nothing_from_youtube_until_clicked():
    video = media_page(
        "video",
        "/video/so-ket/",
        video={
            "file_url": None,
            "captions_url": None,
            "duration_seconds": None,
            "embed_url": "https://www.youtube.com/watch?v=Zb6yF1cJd9U",
            "description": "",
        },
    )
    html = client_for(stub_cms({video["path"]: video})).get(video["path"]).text
    assert 'data-embed-src="https://www.youtube-nocookie.com/embed/Zb6yF1cJd9U?autoplay=1"' in html
    assert "<iframe" not in html
    # Without JavaScript the reader still gets to the video.
    assert 'href="https://www.youtube.com/watch?v=Zb6yF1cJd9U"' in html


def test_frontend_gallery_links_every_photo_for_readers_without_javascript():
    photos = [
        {
            "src": f"http://cms/{n}.jpg",
            "width": 960,
            "height": 640,
            "alt": f"Ảnh {n}",
            "caption": f"Chú thích {n}",
            "credit": "",
            "avif": [],
            "srcset": [{"url": f"http://cms/{n}-1600.webp", "width": 1600, "height": 1067}],
        }
        for n in range(3)
    ]
    gallery = media_page("gallery", "/anh/hien-mau/", photos=photos)
    html = client_for(stub_cms({gallery["path"]: gallery})).get(gallery["path"]).text
    for n in range(3):
        assert f'<a href="http://cms/{n}-1600.webp"' in html
        assert f"<figcaption>Chú thích {n}" in html


def test_frontend_search_shows_the_matched_words_marked():
    hit = {
        **ARTICLE,
        "highlight": {
            "title": "<mark>Cải cách</mark> hành chính trong Đảng ủy Khối",
            "snippet": "… phần mềm giúp <mark>cải cách</mark> thủ tục …",
        },
    }

    def handler(request):
        if request.url.path == "/api/v2/pages/" and "search" in request.url.params:
            assert request.url.params["search"] == "cai cach"
            return httpx.Response(200, json={"meta": {"total_count": 1}, "items": [hit]})
        return stub_cms()(request)

    response = client_for(handler).get("/tim-kiem/?q=cai+cach")
    assert (
        '<a href="/tin-tuc/cai-cach-hanh-chinh/"><mark>Cải cách</mark> hành chính' in response.text
    )
    assert "giúp <mark>cải cách</mark> thủ tục" in response.text
    assert "1 kết quả" in response.text
