"""The reader site's document library, fed by the real CMS API (issue 19): the table and its
no-JS filter form, paging, a document with its files and related documents, and no draft."""

import re

import httpx
import pytest
from django.core.cache import cache
from django.test import Client
from starlette.testclient import TestClient

from frontend.app import create_app
from frontend.cache import MemoryCache
from frontend.config import Config
from tests.documents.support import library, lists, make_document

CONFIG = Config(cms_api_url="http://cms/api/v2", public_url="https://tin.example.vn")


def cms_transport() -> httpx.MockTransport:
    """Requests to http://cms/ answered by the Django app itself."""
    django = Client()

    def handler(request: httpx.Request) -> httpx.Response:
        response = django.get(request.url.raw_path.decode())
        return httpx.Response(
            response.status_code,
            content=response.content,
            headers={k: v for k, v in response.items() if k.lower() != "content-encoding"},
        )

    return httpx.MockTransport(handler)


# transaction=True: the frontend calls the CMS from the test client's own thread;
# serialized_rollback: start from what migrations made (the root page), and leave it for the
# next transactional test (a plain flush re-creates content types the next restore then
# duplicates).
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_library_table_filters_paging_and_document_page(home_page, section, monkeypatch):
    # The stand-in transport calls Django from the frontend's event loop.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    cache.clear()
    index = library(home_page)
    ls = lists()
    plan = make_document(
        index,
        "81",
        ls["kh"],
        ls["duk"],
        "Kế hoạch chuyển đổi số năm 2026",
        summary="Kế hoạch chuyển đổi số trong các tổ chức đảng.",
        field=ls["cds"],
    )
    decree = make_document(
        index,
        "42",
        ls["nd"],
        ls["cp"],
        "Nghị định về dịch vụ công trực tuyến",
        summary="Cung cấp thông tin và dịch vụ công trực tuyến.",
        issued="2022-06-24",
    )
    for n in range(21):
        make_document(
            index, str(300 + n), ls["kh"], ls["duk"], f"Kế hoạch số {n}", issued="2024-05-01"
        )
    make_document(index, "99", ls["kh"], ls["duk"], "Kế hoạch NHÁP", publish_it=False)
    cache.clear()
    app = create_app(CONFIG, cache=MemoryCache(), transport=cms_transport())
    reader = TestClient(app, raise_server_exceptions=False)

    page = reader.get("/van-ban/")
    assert page.status_code == 200, page.text
    html = page.text
    assert "23 văn bản" in html
    assert '<form class="document-filters" method="get" action="/van-ban/"' in html
    assert '<label for="df-loai">Loại văn bản</label>' in html
    assert "NHÁP" not in html
    assert html.count("<tr>") == 1 + 20  # the header row and a page of 20
    assert 'href="?trang=2"' in html
    second = reader.get("/van-ban/", params={"trang": "2"})
    assert second.text.count("<tr>") == 1 + 3

    filtered = reader.get("/van-ban/", params={"so": "kh 81", "loai": str(ls["kh"].id)})
    assert "1 văn bản" in filtered.text and "81-KH/ĐUK" in filtered.text
    assert "42/2022/NĐ-CP" not in filtered.text
    assert re.search(rf'<option value="{ls["kh"].id}" selected>Kế hoạch</option>', filtered.text)
    by_year = reader.get("/van-ban/", params={"nam": "2022"})
    assert "42/2022/NĐ-CP" in by_year.text and "81-KH/ĐUK" not in by_year.text
    # A hand-made bad value is dropped, not an error.
    assert reader.get("/van-ban/", params={"nam": "abc", "tu-ngay": "x"}).status_code == 200
    assert reader.get("/van-ban/", params={"trang": "9"}).status_code == 404

    detail = reader.get(f"/van-ban/{plan.slug}/")
    assert detail.status_code == 200, detail.text
    text = detail.text
    assert "Kế hoạch số 81-KH/ĐUK" in text
    assert "Ngày ban hành</dt><dd>02/03/2026" in text
    assert 'target="_blank"' in text and "Tải về" in text and "(PDF," in text
    assert "Văn bản liên quan" in text
    assert reader.get(f"/van-ban/{decree.slug}/").status_code == 200
    assert reader.get("/van-ban/ke-hoach-nhap/").status_code == 404
