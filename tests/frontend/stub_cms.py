"""A stand-in for the CMS's reader API (httpx.MockTransport), for the frontend's unit tests."""

from collections.abc import Callable

import httpx

ARTICLE = {
    "id": 12,
    "meta": {"type": "home.ArticlePage"},
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
    "breadcrumbs": [{"id": 3, "title": "Trang chủ", "path": "/"}],
    "seo": {
        "title": "Cải cách hành chính trong Đảng ủy Khối",
        "description": "Phần mềm quản lý văn bản.",
        "canonical_url": "http://localhost/tin-tuc/cai-cach-hanh-chinh/",
        "og_image": {"url": "http://cms/media/og.jpg", "width": 1200, "height": 630},
    },
    "body": [
        {"type": "paragraph", "value": "<p>Đoạn mở đầu.</p>"},
        {
            "type": "image",
            "value": {
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

CHROME = {
    "/api/v2/menu/": {
        "items": [
            {"id": 4, "title": "Tin tức", "path": "/tin-tuc/", "kind": "section", "children": []}
        ]
    },
    "/api/v2/site-settings/": {"organisation_name": "Đảng ủy Khối", "owning_body": "Ban Thường vụ"},
    "/api/v2/linked-websites/": {"items": [{"id": 1, "name": "Cổng tỉnh", "url": "https://x.vn"}]},
    "/api/v2/videos/latest/": {"meta": {"total_count": 0}, "items": []},
    "/api/v2/galleries/latest/": {"meta": {"total_count": 0}, "items": []},
}


def json_response(data: object, etag: str = '"v1"', max_age: int = 10) -> httpx.Response:
    return httpx.Response(
        200, json=data, headers={"ETag": etag, "Cache-Control": f"public, max-age={max_age}"}
    )


def stub_cms(
    pages: dict[str, dict] | None = None, max_age: int = 10
) -> Callable[[httpx.Request], httpx.Response]:
    """The API of a site with the pages given by path (default: one article)."""
    pages = {ARTICLE["path"]: ARTICLE} if pages is None else pages

    def handle(request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if path in CHROME:
            return json_response(CHROME[path], max_age=max_age)
        if path == "/api/v2/pages/find/":
            page = pages.get(request.url.params.get("html_path", ""))
            if page is None:
                return httpx.Response(404, json={"message": "No page at this address."})
            return json_response(page, max_age=max_age)
        if path == "/api/v2/pages/":
            items = list(pages.values())
            return json_response({"meta": {"total_count": len(items)}, "items": items})
        return httpx.Response(404, json={"message": "No such API endpoint."})

    return handle
