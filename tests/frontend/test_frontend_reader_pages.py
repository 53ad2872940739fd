"""Reader pages against a stubbed API (issue 16, defects 10, 14, 15, 16): each story once on
the home page, the first image eager, JS-only controls hidden, og:image everywhere, JSON-LD
of articles, videos and galleries."""

import copy
import json
import re
from pathlib import Path
from urllib.parse import parse_qs

import httpx
from bs4 import BeautifulSoup

from frontend import content
from tests.frontend.stub_cms import ARTICLE, CHROME, GALLERY, VIDEO, stub_cms, summary
from tests.frontend.test_frontend_pages import client_for

FRONTEND_DIR = Path(__file__).resolve().parents[2] / "frontend"
THUMBNAIL = {
    "url": "http://cms/media/t.webp",
    "fallback_url": "http://cms/media/t.jpg",
    "width": 480,
    "height": 270,
    "alt": "Ảnh",
}


def story(n: int, section: str, thumbnail: dict | None = THUMBNAIL) -> dict:
    item = summary(copy.deepcopy(ARTICLE))
    item.update(
        id=100 + n,
        title=f"Tin số {n}",
        path=f"/{section}/tin-so-{n}/",
        thumbnail=thumbnail and {**thumbnail, "url": f"http://cms/media/t{n}.webp"},
    )
    return item


def listing(items: list[dict]) -> httpx.Response:
    return httpx.Response(200, json={"meta": {"total_count": len(items)}, "items": items})


# Stories 1-16: 1-3 featured; 1-12 the newest (latest); 1-8 in "tin-tuc", 9-16 in "xay-dung-dang".
STORIES = [story(n, "tin-tuc" if n <= 8 else "xay-dung-dang") for n in range(1, 17)]
MENU = {
    "items": [
        {"id": 4, "title": "Tin tức", "path": "/tin-tuc/", "kind": "section", "children": []},
        {
            "id": 5,
            "title": "Xây dựng Đảng",
            "path": "/xay-dung-dang/",
            "kind": "section",
            "children": [],
        },
    ]
}


def home_handler(asked: list[dict]):
    chrome = stub_cms()

    def handle(request: httpx.Request) -> httpx.Response:
        path, params = request.url.path, dict(request.url.params)
        if path == "/api/v2/menu/":
            return httpx.Response(200, json=MENU)
        if path != "/api/v2/pages/":
            return chrome(request)
        asked.append(params)
        limit = int(params["limit"])
        if params.get("featured") == "true":
            return listing(STORIES[:3][:limit])
        if "section" in params:
            prefix = {"4": "/tin-tuc/", "5": "/xay-dung-dang/"}[params["section"]]
            return listing([s for s in STORIES if s["path"].startswith(prefix)][:limit])
        return listing(STORIES[:limit])

    return handle


def main_of(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser").find("main")


def test_home_shows_each_story_once_in_its_most_prominent_block():
    asked: list[dict] = []
    html = client_for(home_handler(asked)).get("/").text
    main = main_of(html)

    links = [a["href"] for a in main.select(".card__title a")]
    assert len(links) == len(set(links)), f"repeated: {links}"
    featured = [a["href"] for a in main.select(".featured .card__title a")]
    assert featured == [s["path"] for s in STORIES[:3]]
    blocks = main.find_all("section")
    latest = [a["href"] for a in blocks[1].select(".card__title a")]
    assert latest == [s["path"] for s in STORIES[3:9]]  # six, none of the featured
    # Section blocks keep four stories each, none shown above; Tin tức (1-8) has none left.
    assert len(blocks) == 3
    assert blocks[2].find("h2").get_text(strip=True) == "Xây dựng Đảng"
    assert [a["href"] for a in blocks[2].select(".card__title a")] == [
        s["path"] for s in STORIES[9:13]
    ]
    # One request per block, as before: the sections ask for what may already be shown.
    assert len(asked) == 2 + 2
    limits = {p.get("section", p.get("featured", "latest")): int(p["limit"]) for p in asked}
    assert limits["latest"] == content.LATEST_SIZE + content.FEATURED_SIZE
    assert limits["4"] == content.SECTION_BLOCK_SIZE + 8  # 1-8 are in Tin tức
    assert limits["5"] == content.SECTION_BLOCK_SIZE + 1  # 9 is in the latest block


def test_home_section_block_without_new_stories_is_left_out():
    html = client_for(home_handler([])).get("/").text

    titles = [h.get_text(strip=True) for h in main_of(html).select("h2.block-title")]
    assert "Tin tức" not in titles and "Xây dựng Đảng" in titles


def test_first_image_of_tag_search_and_listing_pages_is_eager_the_rest_lazy():
    items = [story(1, "tin-tuc", thumbnail=None), story(2, "tin-tuc"), story(3, "tin-tuc")]

    def handle(request):
        if request.url.path == "/api/v2/pages/" and request.url.params.get("limit") != "1":
            return listing(items)
        return stub_cms()(request)

    client = client_for(handle)
    for url in ("/chu-de/chuyen-doi-so/", "/tim-kiem/?q=cai+cach", "/tac-gia/7/"):
        images = main_of(client.get(url).text).find_all("img")
        assert images, url
        first, *rest = images
        assert first["src"] == "http://cms/media/t.jpg" and first.get("fetchpriority") == "high"
        assert "loading" not in first.attrs, url
        for img in rest:
            assert img.get("loading") == "lazy" and "fetchpriority" not in img.attrs, url


def test_section_listing_page_two_loads_its_first_image_eagerly():
    section = {**copy.deepcopy(ARTICLE), "id": 4, "kind": "section", "path": "/tin-tuc/"}
    section["seo"]["og_image"] = None
    items = [story(n, "tin-tuc") for n in range(1, 13)]

    def handle(request):
        if request.url.path == "/api/v2/pages/":
            offset = int(request.url.params.get("offset", 0))
            return httpx.Response(
                200, json={"meta": {"total_count": 30}, "items": items[: 30 - offset]}
            )
        return stub_cms({"/tin-tuc/": section})(request)

    images = main_of(client_for(handle).get("/tin-tuc/?page=2").text).find_all("img")
    assert images[0].get("fetchpriority") == "high"
    assert sum(img.get("fetchpriority") == "high" for img in images) == 1


def test_video_page_poster_is_eager_with_high_priority():
    html = client_for(stub_cms({VIDEO["path"]: VIDEO})).get(VIDEO["path"]).text

    poster = main_of(html).select_one(".embed img")
    assert poster["src"] == "https://i.ytimg.com/vi/Hq7vK2xLm0A/hqdefault.jpg"
    assert poster.get("fetchpriority") == "high" and "loading" not in poster.attrs


def test_text_size_controls_are_hidden_without_javascript():
    html = client_for(stub_cms()).get(ARTICLE["path"]).text
    group = BeautifulSoup(html, "html.parser").select_one("[data-text-size]")
    stylesheet = (FRONTEND_DIR / "static/css/site.css").read_text()

    assert group.has_attr("hidden")
    # No component's display rule may beat `hidden` (.text-size is inline-flex).
    assert re.search(r"\[hidden\]\s*\{\s*display:\s*none\s*!important;?\s*\}", stylesheet)


def og_image(html: str) -> str | None:
    tag = BeautifulSoup(html, "html.parser").find("meta", property="og:image")
    return tag["content"] if tag else None


def test_pages_without_their_own_image_share_the_sites_image():
    share = CHROME["/api/v2/site-settings/"]["share_image"]["url"]
    section = {**copy.deepcopy(ARTICLE), "id": 4, "kind": "section", "path": "/tin-tuc/"}
    standard = {**copy.deepcopy(ARTICLE), "id": 6, "kind": "page", "path": "/gioi-thieu/"}
    for page in (section, standard):
        page["seo"]["og_image"] = None
    client = client_for(stub_cms({"/tin-tuc/": section, "/gioi-thieu/": standard}))

    for url in ("/", "/tin-tuc/", "/gioi-thieu/", "/chu-de/chuyen-doi-so/", "/tim-kiem/?q=x"):
        html = client.get(url).text
        assert og_image(html) == share, url
        assert '<meta name="twitter:card" content="summary_large_image">' in html


def test_article_keeps_its_own_share_image():
    html = client_for(stub_cms()).get(ARTICLE["path"]).text

    assert og_image(html) == "http://cms/media/og.jpg"


def json_ld(html: str) -> dict:
    [script] = BeautifulSoup(html, "html.parser").find_all("script", type="application/ld+json")
    return json.loads(script.string)


def test_article_json_ld_has_date_modified_and_publisher_logo():
    data = json_ld(client_for(stub_cms()).get(ARTICLE["path"]).text)

    assert data["@context"] == "https://schema.org" and data["@type"] == "NewsArticle"
    assert data["datePublished"] == "2022-06-15T02:15:00Z"
    assert data["dateModified"] == "2022-06-16T09:30:00Z"
    assert data["publisher"] == {
        "@type": "Organization",
        "name": "Đảng ủy Khối",
        "logo": {
            "@type": "ImageObject",
            "url": "http://cms/media/logo.png",
            "width": 240,
            "height": 240,
        },
    }


def test_article_dated_ahead_of_its_last_publication_is_not_modified_before_it():
    article = {**copy.deepcopy(ARTICLE), "updated_at": "2022-06-01T00:00:00Z"}
    data = json_ld(client_for(stub_cms({article["path"]: article})).get(article["path"]).text)

    assert data["dateModified"] == data["datePublished"] == "2022-06-15T02:15:00Z"


def test_video_json_ld_is_a_video_object():
    data = json_ld(client_for(stub_cms({VIDEO["path"]: VIDEO})).get(VIDEO["path"]).text)

    assert data["@type"] == "VideoObject"
    assert data["name"] == VIDEO["title"]
    assert data["description"] == VIDEO["lead"]
    assert data["thumbnailUrl"] == ["https://i.ytimg.com/vi/Hq7vK2xLm0A/hqdefault.jpg"]
    assert data["uploadDate"] == VIDEO["publication_date"]
    assert data["duration"] == "PT205S"
    assert data["embedUrl"] == "https://www.youtube-nocookie.com/embed/Hq7vK2xLm0A"
    assert data["url"] == "https://tin.example.vn" + VIDEO["path"]
    assert data["publisher"]["logo"]["url"] == "http://cms/media/logo.png"
    assert "contentUrl" not in data


def test_uploaded_video_json_ld_has_the_file_and_facebook_embed_keeps_its_address():
    uploaded = copy.deepcopy(VIDEO)
    uploaded["video"].update(file_url="http://cms/media/v.mp4", embed_url=None)
    facebook = copy.deepcopy(VIDEO)
    facebook.update(id=32, path="/video/facebook/")
    facebook["video"]["embed_url"] = "https://www.facebook.com/abc/videos/123456/"
    client = client_for(stub_cms({uploaded["path"]: uploaded, facebook["path"]: facebook}))

    assert json_ld(client.get(uploaded["path"]).text)["contentUrl"] == "http://cms/media/v.mp4"
    embed_url = json_ld(client.get(facebook["path"]).text)["embedUrl"]
    assert embed_url.startswith("https://www.facebook.com/plugins/video.php?href=")
    assert parse_qs(embed_url.split("?", 1)[1]) == {
        "href": ["https://www.facebook.com/abc/videos/123456/"]
    }


def test_gallery_json_ld_is_an_image_gallery_of_its_photos():
    data = json_ld(client_for(stub_cms({GALLERY["path"]: GALLERY})).get(GALLERY["path"]).text)

    assert data["@type"] == "ImageGallery"
    assert data["name"] == GALLERY["title"]
    assert data["datePublished"] == "2026-05-10T01:00:00Z"
    assert data["dateModified"] == "2026-05-11T08:00:00Z"
    assert data["image"] == [
        {
            "@type": "ImageObject",
            "contentUrl": "http://cms/media/p1-1600.webp",
            "width": 1600,
            "height": 1067,
            "caption": "Thi kéo co.",
            "creditText": "Ảnh: Quốc Bảo",
        },
        {
            "@type": "ImageObject",
            "contentUrl": "http://cms/media/p2.jpg",
            "width": 960,
            "height": 640,
        },
    ]


def test_home_tag_and_standard_pages_have_no_json_ld():
    standard = {**copy.deepcopy(ARTICLE), "id": 6, "kind": "page", "path": "/gioi-thieu/"}
    client = client_for(stub_cms({"/gioi-thieu/": standard}))

    for url in ("/", "/gioi-thieu/", "/chu-de/chuyen-doi-so/"):
        assert 'type="application/ld+json"' not in client.get(url).text, url


def test_home_first_image_is_eager_even_when_the_lead_story_has_no_picture():
    asked: list[dict] = []
    saved = STORIES[0]["thumbnail"]
    STORIES[0]["thumbnail"] = None
    try:
        html = client_for(home_handler(asked)).get("/").text
    finally:
        STORIES[0]["thumbnail"] = saved

    images = main_of(html).find_all("img")
    assert images[0]["src"].endswith("t.jpg") and images[0].get("fetchpriority") == "high"
    assert sum(img.get("fetchpriority") == "high" for img in images) == 1
