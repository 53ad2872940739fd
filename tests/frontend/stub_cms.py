"""A stand-in for the CMS's reader API (httpx.MockTransport), for the frontend's unit tests.

Its answers follow the API's OpenAPI document (cms/api/schema/), which
tests/frontend/test_stub_cms_schema.py checks them against: ``ROUTES`` are the endpoints it
answers, spelt as the document spells them; any other address gets the API's JSON 404.
"""

import re
from collections.abc import Callable

import httpx

ARTICLE = {
    "id": 12,
    "meta": {
        "type": "home.ArticlePage",
        "detail_url": "http://cms/api/v2/pages/12/",
        "html_url": "http://localhost/tin-tuc/cai-cach-hanh-chinh/",
        "slug": "cai-cach-hanh-chinh",
        "first_published_at": "2022-06-15T02:15:00Z",
        "locale": "vi",
    },
    "title": "Cải cách hành chính trong Đảng ủy Khối",
    "kind": "article",
    "path": "/tin-tuc/cai-cach-hanh-chinh/",
    "lead": "Phần mềm quản lý văn bản rút ngắn thời gian luân chuyển.",
    "publication_date": "2022-06-15T02:15:00Z",
    "date_line": "Thứ Tư, ngày 15/06/2022",
    "section": {"id": 4, "title": "Tin tức", "path": "/tin-tuc/"},
    "thumbnail": None,
    "bylines": ["Phạm Thu Trang – Chuyên viên"],
    "featured": True,
    "updated_at": "2022-06-16T09:30:00Z",
    "breadcrumbs": [{"id": 3, "title": "Trang chủ", "path": "/"}],
    "seo": {
        "title": "Cải cách hành chính trong Đảng ủy Khối",
        "description": "Phần mềm quản lý văn bản.",
        "canonical_url": "http://localhost/tin-tuc/cai-cach-hanh-chinh/",
        "og_image": {"url": "http://cms/media/og.jpg", "width": 1200, "height": 630},
    },
    "body": [
        {
            "type": "paragraph",
            "value": "<p>Đoạn mở đầu.</p>",
            "id": "0f6c1a52-3d0e-4a8e-9a57-1b2c3d4e5f60",
        },
        {
            "type": "image",
            "id": "7b9e2c41-8f3a-4d6b-b1e0-2a3b4c5d6e7f",
            "value": {
                "id": 21,
                "src": "http://cms/media/a.jpg",
                "width": 960,
                "height": 640,
                "srcset": [{"url": "http://cms/media/a-480.webp", "width": 480, "height": 320}],
                "avif": [],
                "alt": "Cán bộ xử lý văn bản điện tử",
                "caption": "Phần mềm quản lý văn bản tại Văn phòng.",
                "credit": "Ảnh: Minh Anh",
            },
        },
    ],
    "tags": [{"name": "Chuyển đổi số", "slug": "chuyen-doi-so"}],
    "authors": [{"id": 7, "name": "Phạm Thu Trang", "position": "Chuyên viên"}],
    "related": [],
    "previous": None,
    "next": None,
}

VIDEO = {
    "id": 31,
    "meta": {
        "type": "home.VideoPage",
        "detail_url": "http://cms/api/v2/pages/31/",
        "html_url": "http://localhost/video/so-ket-6-thang/",
        "slug": "so-ket-6-thang",
        "first_published_at": "2026-07-02T03:00:00Z",
        "locale": "vi",
    },
    "title": "Hội nghị sơ kết 6 tháng đầu năm 2026",
    "kind": "video",
    "path": "/video/so-ket-6-thang/",
    "lead": "Toàn cảnh hội nghị sơ kết.",
    "publication_date": "2026-07-02T03:00:00Z",
    "date_line": "Thứ Năm, ngày 02/07/2026",
    "section": None,
    # No cover of its own: the API gives YouTube's still (cms/api/serializers.py).
    "thumbnail": {
        "url": "https://i.ytimg.com/vi/Hq7vK2xLm0A/hqdefault.jpg",
        "fallback_url": "https://i.ytimg.com/vi/Hq7vK2xLm0A/hqdefault.jpg",
        "width": 480,
        "height": 360,
        "alt": "",
    },
    "bylines": [],
    "featured": False,
    "updated_at": "2026-07-02T03:00:00Z",
    "breadcrumbs": [{"id": 3, "title": "Trang chủ", "path": "/"}],
    "seo": {
        "title": "Hội nghị sơ kết 6 tháng đầu năm 2026",
        "description": "Toàn cảnh hội nghị sơ kết.",
        "canonical_url": "http://localhost/video/so-ket-6-thang/",
        "og_image": {
            "url": "https://i.ytimg.com/vi/Hq7vK2xLm0A/hqdefault.jpg",
            "width": 480,
            "height": 360,
        },
    },
    "previous": None,
    "next": None,
    "video": {
        "file_url": None,
        "captions_url": None,
        "embed_url": "https://www.youtube.com/watch?v=Hq7vK2xLm0A",
        "duration_seconds": 205,
        "description": "<p>Phát biểu chỉ đạo.</p>",
    },
}

GALLERY = {
    "id": 41,
    "meta": {
        "type": "home.GalleryPage",
        "detail_url": "http://cms/api/v2/pages/41/",
        "html_url": "http://localhost/hinh-anh/hoi-thao/",
        "slug": "hoi-thao",
        "first_published_at": "2026-05-10T01:00:00Z",
        "locale": "vi",
    },
    "title": "Hội thao chào mừng Đại hội",
    "kind": "gallery",
    "path": "/hinh-anh/hoi-thao/",
    "lead": "Những khoảnh khắc của hội thao.",
    "publication_date": "2026-05-10T01:00:00Z",
    "date_line": "Chủ Nhật, ngày 10/05/2026",
    "section": None,
    # No cover of its own: the API gives the first photo.
    "thumbnail": {
        "url": "http://cms/media/p1-thumb.webp",
        "fallback_url": "http://cms/media/p1-thumb.jpg",
        "width": 480,
        "height": 270,
        "alt": "Vận động viên kéo co",
    },
    "bylines": [],
    "featured": False,
    "updated_at": "2026-05-11T08:00:00Z",
    "breadcrumbs": [{"id": 3, "title": "Trang chủ", "path": "/"}],
    "seo": {
        "title": "Hội thao chào mừng Đại hội",
        "description": "Những khoảnh khắc của hội thao.",
        "canonical_url": "http://localhost/hinh-anh/hoi-thao/",
        "og_image": {"url": "http://cms/media/p1-og.jpg", "width": 1200, "height": 630},
    },
    "previous": None,
    "next": None,
    "photos": [
        {
            "id": 51,
            "src": "http://cms/media/p1.jpg",
            "width": 960,
            "height": 640,
            "srcset": [
                {"url": "http://cms/media/p1-480.webp", "width": 480, "height": 320},
                {"url": "http://cms/media/p1-1600.webp", "width": 1600, "height": 1067},
            ],
            "avif": [],
            "alt": "Vận động viên kéo co",
            "caption": "Thi kéo co.",
            "credit": "Ảnh: Quốc Bảo",
        },
        {
            "id": 52,
            "src": "http://cms/media/p2.jpg",
            "width": 960,
            "height": 640,
            "srcset": [],
            "avif": [],
            "alt": "Trao giải",
            "caption": "",
            "credit": "",
        },
    ],
}

CHROME = {
    "/api/v2/menu/": {
        "items": [
            {"id": 4, "title": "Tin tức", "path": "/tin-tuc/", "kind": "section", "children": []}
        ]
    },
    "/api/v2/site-settings/": {
        "organisation_name": "Đảng ủy Khối",
        "owning_body": "Ban Thường vụ",
        "share_image": {"url": "http://cms/media/share.jpg", "width": 1200, "height": 630},
        "logo": {"url": "http://cms/media/logo.png", "width": 240, "height": 240},
    },
    "/api/v2/linked-websites/": {"items": [{"id": 1, "name": "Cổng tỉnh", "url": "https://x.vn"}]},
    "/api/v2/videos/latest/": {"meta": {"total_count": 0}, "items": []},
    "/api/v2/galleries/latest/": {"meta": {"total_count": 0}, "items": []},
}


# The fields of a listing item; a page's other fields are only in its detail.
SUMMARY_FIELDS = (
    "id",
    "meta",
    "title",
    "kind",
    "path",
    "lead",
    "publication_date",
    "date_line",
    "section",
    "thumbnail",
    "bylines",
    "featured",
)
ROUTES = (*CHROME, "/api/v2/pages/", "/api/v2/pages/find/", "/api/v2/pages/{id}/")


def route_of(path: str) -> str | None:
    """The entry of ``ROUTES`` that answers ``path``, if any."""
    for route in ROUTES:
        if re.fullmatch(re.escape(route).replace(r"\{id\}", "[0-9]+"), path):
            return route
    return None


def json_response(data: object, etag: str = '"v1"', max_age: int = 10) -> httpx.Response:
    return httpx.Response(
        200, json=data, headers={"ETag": etag, "Cache-Control": f"public, max-age={max_age}"}
    )


def not_found(message: str) -> httpx.Response:
    return httpx.Response(404, json={"message": message})


def summary(page: dict) -> dict:
    return {key: value for key, value in page.items() if key in SUMMARY_FIELDS}


def stub_cms(
    pages: dict[str, dict] | None = None, max_age: int = 10
) -> Callable[[httpx.Request], httpx.Response]:
    """The API of a site with the pages given by path (default: one article).

    As in the CMS, ``pages/find/?html_path=`` redirects to the page's ``pages/<id>/``
    (the frontend's client follows it) and listings hold the pages' summaries.
    """
    pages = {ARTICLE["path"]: ARTICLE} if pages is None else pages

    def handle(request: httpx.Request) -> httpx.Response:
        path = request.url.path
        route = route_of(path)
        if route in CHROME:
            return json_response(CHROME[route], max_age=max_age)
        if route == "/api/v2/pages/find/":
            page = pages.get(request.url.params.get("html_path", ""))
            if page is None:
                return not_found("No page at this address.")
            return httpx.Response(302, headers={"Location": f"/api/v2/pages/{page['id']}/"})
        if route == "/api/v2/pages/{id}/":
            page_id = int(path.rstrip("/").rsplit("/", 1)[-1])
            page = next((p for p in pages.values() if p["id"] == page_id), None)
            if page is None:
                return not_found("No page with this id.")
            return json_response(page, max_age=max_age)
        if route == "/api/v2/pages/":
            items = [summary(page) for page in pages.values()]
            return json_response({"meta": {"total_count": len(items)}, "items": items})
        return not_found("No such API endpoint.")

    return handle
