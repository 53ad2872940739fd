"""The schedule on the reader site, with the real CMS API behind it (in-process, PostgreSQL
in CI): the frontend's HTTP client is wired to Django's test client."""

import datetime

import httpx
import pytest
from asgiref.sync import sync_to_async
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.test import Client
from icalendar import Calendar
from starlette.testclient import TestClient

from frontend.app import create_app
from frontend.cache import MemoryCache
from frontend.config import Config
from tests.api_support import publish
from tests.work_schedule_support import make_week


def cms_transport() -> httpx.MockTransport:
    """The frontend's requests answered by the CMS's Django views (in a worker thread: the
    frontend is async; the tests' data is committed, so that thread's connection sees it)."""
    django = Client()

    def answer(request: httpx.Request) -> httpx.Response:
        etag = request.headers.get("if-none-match", "")
        response = django.get(request.url.raw_path.decode(), headers={"If-None-Match": etag})
        return httpx.Response(
            response.status_code, headers=dict(response.items()), content=response.content
        )

    async def handle(request: httpx.Request) -> httpx.Response:
        return await sync_to_async(answer, thread_sensitive=False)(request)

    return httpx.MockTransport(handle)


@pytest.fixture
def reader(transactional_db) -> TestClient:
    cache.clear()
    config = Config(cms_api_url="http://testserver/api/v2", public_url="https://tin.example.vn")
    app = create_app(config, cache=MemoryCache(), transport=cms_transport())
    return TestClient(app, raise_server_exceptions=False)


@pytest.fixture
def weeks(schedule):
    published = make_week(schedule, 2026, 49)
    first, second = published.sorted_entries()
    first.time = datetime.time(9, 30)
    second.status = "postponed"
    published.entries = [first, second]
    publish(published)
    draft = make_week(
        schedule,
        2026,
        50,
        rows=[{"weekday": 1, "session": "morning", "content": "BẢN NHÁP chưa duyệt"}],
        published=False,
    )
    return published, draft


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_week_shows_as_table_and_list_with_plain_links(reader, weeks):
    response = reader.get("/lich-cong-tac/?tuan=2026-W49")
    assert response.status_code == 200
    main = BeautifulSoup(response.text, "html.parser").find("main")
    assert main.h1.get_text() == "Lịch công tác tuần 49/2026 (từ 30/11 đến 06/12/2026)"
    table = main.find("table", class_="ws-table")
    assert [th.get_text() for th in table.thead.find_all("th")][:4] == [
        "Thứ",
        "Buổi",
        "Giờ",
        "Nội dung",
    ]
    first_day = table.tbody.find("th")
    assert first_day["scope"] == "rowgroup" and "Thứ Hai" in first_day.get_text()
    assert "30/11/2026" in first_day.get_text()
    text = table.get_text(" ")
    assert "Giao ban Ban Thường vụ Đảng ủy Khối" in text and "09:30" in text
    assert "Điều chỉnh" in text and "Hoãn" in text
    earlier = table.find("del")
    assert "08:00" in earlier.get_text() and "Trước khi điều chỉnh" in earlier.get_text()
    phones = main.find("ol", class_="ws-list")
    assert [h2.get_text() for h2 in phones.find_all("h2")][0] == "Thứ Hai, 30/11/2026"
    links = {
        a.get_text(" ", strip=True): a["href"]
        for a in main.find("nav", class_="ws-nav").find_all("a")
    }
    assert links["← Tuần trước (2026-W48)"] == "/lich-cong-tac/?tuan=2026-W48"
    assert links["Tuần sau → (2026-W50)"] == "/lich-cong-tac/?tuan=2026-W50"
    assert links["Thêm vào lịch của bạn (iCalendar)"] == "/lich-cong-tac.ics"
    assert main.find("script") is None


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_draft_week_never_shows(reader, weeks):
    response = reader.get("/lich-cong-tac/?tuan=2026-W50")
    assert response.status_code == 200
    assert "BẢN NHÁP" not in response.text
    assert "chưa được công bố" in response.text
    assert reader.get("/lich-cong-tac/2026-w50/").status_code == 404
    assert "BẢN NHÁP" not in reader.get("/lich-cong-tac.ics").text


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_week_page_shows_its_week_and_links_to_the_schedule(reader, weeks):
    response = reader.get("/lich-cong-tac/2026-w49/")
    assert response.status_code == 200
    assert "Giao ban Ban Thường vụ Đảng ủy Khối" in response.text
    assert 'href="/lich-cong-tac/?tuan=2026-W50"' in response.text


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("week", ["2026-W99", "abc", "2026-W4"])
def test_bad_week_is_a_404_page(reader, weeks, week):
    assert reader.get(f"/lich-cong-tac/?tuan={week}").status_code == 404


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_calendar_feed_through_the_frontend(reader, weeks):
    response = reader.get("/lich-cong-tac.ics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    summaries = [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")]
    assert "[Điều chỉnh] Giao ban Ban Thường vụ Đảng ủy Khối" in summaries
    assert "[Hoãn] Làm việc với Đảng ủy Công ty Điện lực tỉnh" in summaries
