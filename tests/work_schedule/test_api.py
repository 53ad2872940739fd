"""``/api/v2/work-schedule/`` and its calendar feed, through HTTP."""

import datetime

import pytest
from freezegun import freeze_time
from icalendar import Calendar

from home.models import WorkWeekPage
from tests.api_support import publish
from tests.work_schedule_support import make_week


@pytest.mark.django_db
def test_week_by_iso_week_gives_days_sessions_and_rows(api, schedule):
    make_week(schedule, 2026, 49)
    response = api.get("/api/v2/work-schedule/?week=2026-W49")
    assert response.status_code == 200
    data = response.json()
    assert (data["week"], data["start"], data["end"]) == ("2026-W49", "2026-11-30", "2026-12-06")
    days = data["schedule"]["days"]
    assert [d["weekday"] for d in days] == [
        "Thứ Hai",
        "Thứ Ba",
        "Thứ Tư",
        "Thứ Năm",
        "Thứ Sáu",
        "Thứ Bảy",
        "Chủ nhật",
    ]
    assert days[0]["date"] == "2026-11-30"
    assert [s["label"] for s in days[0]["sessions"]] == ["Sáng", "Chiều"]
    monday = days[0]["sessions"][0]["entries"]
    assert [(e["time"], e["content"]) for e in monday] == [
        ("08:00", "Giao ban Ban Thường vụ Đảng ủy Khối")
    ]
    assert monday[0]["chair"] == "Đồng chí Bí thư Đảng ủy Khối"
    assert monday[0]["status"] == "planned" and monday[0]["earlier"] is None
    assert days[2]["sessions"][1]["entries"][0]["place"] == "Trụ sở Công ty Điện lực"
    assert data["schedule"]["path"] == "/lich-cong-tac/2026-w49/"
    assert data["previous"]["week"] == "2026-W48" and data["next"]["week"] == "2026-W50"
    assert data["next"]["url"].endswith("/api/v2/work-schedule/?week=2026-W50")


@pytest.mark.django_db
def test_week_by_any_date_in_it(api, schedule):
    make_week(schedule, 2026, 49)
    for day in ("2026-11-30", "2026-12-03", "2026-12-06"):
        data = api.get(f"/api/v2/work-schedule/?date={day}").json()
        assert data["week"] == "2026-W49" and data["schedule"] is not None
    assert api.get("/api/v2/work-schedule/?date=2026-12-07").json()["schedule"] is None


@pytest.mark.django_db
def test_week_crossing_the_year_has_its_iso_neighbours(api, schedule):
    data = api.get("/api/v2/work-schedule/?date=2027-01-01").json()
    assert data["week"] == "2026-W53"
    assert (data["start"], data["end"]) == ("2026-12-28", "2027-01-03")
    assert data["next"]["week"] == "2027-W01" and data["previous"]["week"] == "2026-W52"


@pytest.mark.django_db
def test_current_week_by_default_is_a_redirect_never_cached(api, schedule):
    make_week(schedule, 2026, 49)
    # 16:30 UTC on Sunday 6 December is 23:30 in Hà Nội (week 49); 17:30 UTC is 00:30 on
    # Monday there (week 50).
    with freeze_time("2026-12-06T16:30:00Z"):
        response = api.get("/api/v2/work-schedule/")
        assert response.status_code == 302
        assert response["Location"].endswith("/api/v2/work-schedule/?week=2026-W49")
        assert "no-cache" in response["Cache-Control"]
    with freeze_time("2026-12-06T17:30:00Z"):
        response = api.get("/api/v2/work-schedule/", follow=True)
        assert response.json()["week"] == "2026-W50"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "parameter", "message"),
    [
        ("week=2026-W54", "week", "2026-W49"),
        ("week=2026-W00", "week", "2026-W49"),
        ("week=2026-49", "week", "2026-W49"),
        ("week=2025-W53", "week", "2026-W49"),  # 2025 has 52 weeks
        ("week=%EF%BC%92026-W49", "week", "2026-W49"),  # a full-width digit
        ("date=2026-02-30", "date", "YYYY-MM-DD"),
        ("date=3/12/2026", "date", "YYYY-MM-DD"),
        ("date=2026-12-03&week=2026-W49", "date", "cả hai"),
        # The first and last weeks the calendar has: no previous / next week to link.
        ("week=0001-W01", "week", "2026-W49"),
        ("week=9999-W52", "week", "2026-W49"),
        ("date=0001-01-02", "date", "YYYY-MM-DD"),
        ("date=9999-12-31", "date", "YYYY-MM-DD"),
        ("tuan=2026-W49", "tuan", "tuan"),
        ("locale=xx", "locale", "locale"),
    ],
)
def test_bad_week_or_date_is_a_400_naming_it(api, schedule, query, parameter, message):
    response = api.get(f"/api/v2/work-schedule/?{query}")
    assert response.status_code == 400
    assert response.json()["parameter"] == parameter
    assert message in response.json()["message"]


@pytest.mark.django_db
def test_week_of_a_year_before_1000_is_named_in_iso_8601(api, schedule):
    """Found by schemathesis: ``?week=0006-W01`` answered "6-W01", which the document's own
    pattern (four-digit year) forbids."""
    data = api.get("/api/v2/work-schedule/?week=0006-W01").json()
    assert (data["week"], data["previous"]["week"], data["next"]["week"]) == (
        "0006-W01",
        "0005-W52",
        "0006-W02",
    )


@pytest.mark.django_db
def test_bad_week_message_is_vietnamese_when_asked(api, schedule):
    response = api.get("/api/v2/work-schedule/?week=2026-W60", HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 400
    assert response.json()["message"] == (
        "week: phải là một tuần theo ISO, ví dụ 2026-W49 (tuần 1 đến 52 hoặc 53)"
    )


@pytest.mark.django_db
def test_only_published_weeks_show(api, schedule):
    make_week(schedule, 2026, 50, published=False)
    live = make_week(schedule, 2026, 49)
    rows = live.sorted_entries()
    rows[0].content = "NHÁP: giao ban dời sang thứ Ba"
    live.entries = rows
    revision = live.save_revision()
    live.get_workflow().start(live, user=None)
    assert api.get("/api/v2/work-schedule/?week=2026-W50").json()["schedule"] is None
    data = api.get("/api/v2/work-schedule/?week=2026-W49").json()
    assert "NHÁP" not in str(data)
    revision.publish()
    api_after = api.get("/api/v2/work-schedule/?week=2026-W49").json()
    assert "NHÁP: giao ban dời sang thứ Ba" in str(api_after)


@pytest.mark.django_db
def test_change_after_publication_is_marked_and_keeps_the_earlier_version(api, schedule):
    week = make_week(schedule, 2026, 49)
    first, second = week.sorted_entries()
    first.time = datetime.time(9, 30)
    first.place = "Hội trường tầng 3"
    second.status = "postponed"
    week.entries = [first, second]
    publish(week)
    data = api.get("/api/v2/work-schedule/?week=2026-W49").json()
    monday = data["schedule"]["days"][0]["sessions"][0]["entries"][0]
    assert (monday["status"], monday["status_label"]) == ("changed", "Điều chỉnh")
    assert (monday["time"], monday["place"]) == ("09:30", "Hội trường tầng 3")
    assert monday["earlier"]["time"] == "08:00"
    assert monday["earlier"]["place"] == "Phòng họp số 1"
    assert monday["earlier"]["weekday"] == "Thứ Hai" and monday["earlier"]["session"] == "Sáng"
    wednesday = data["schedule"]["days"][2]["sessions"][1]["entries"][0]
    assert (wednesday["status"], wednesday["status_label"]) == ("postponed", "Hoãn")
    assert wednesday["earlier"]["content"] == "Làm việc với Đảng ủy Công ty Điện lực tỉnh"
    # A second change keeps the version first published, not the intermediate one.
    again = WorkWeekPage.objects.get(id=week.id)
    rows = again.sorted_entries()
    rows[0].time = datetime.time(10, 0)
    again.entries = rows
    publish(again)
    data = api.get("/api/v2/work-schedule/?week=2026-W49").json()
    monday = data["schedule"]["days"][0]["sessions"][0]["entries"][0]
    assert monday["time"] == "10:00" and monday["earlier"]["time"] == "08:00"


@pytest.mark.django_db
def test_week_query_count_does_not_grow_with_rows(api, schedule, django_assert_max_num_queries):
    rows = [
        {"weekday": i % 7, "session": "morning", "content": f"Việc {i}", "place": "Phòng họp"}
        for i in range(30)
    ]
    make_week(schedule, 2026, 49, rows=rows)
    api.get("/api/v2/work-schedule/?week=2026-W48")  # the site's scope, cached
    with django_assert_max_num_queries(8):
        api.get("/api/v2/work-schedule/?week=2026-W49&_=1")


@pytest.mark.django_db
def test_calendar_feed_parses_and_holds_published_rows_only(api, schedule):
    with freeze_time("2026-12-03T03:00:00Z"):
        make_week(
            schedule,
            2026,
            49,
            rows=[
                {
                    "weekday": 0,
                    "session": "morning",
                    "time": datetime.time(8, 0),
                    "content": "Hội nghị Ban Chấp hành Đảng bộ Khối; tổng kết năm 2026, "
                    "triển khai nhiệm vụ năm 2027 và bàn các nội dung quan trọng khác, "
                    "với dấu phẩy, chấm phẩy; và xuống dòng",
                    "place": "Hội trường A, 12 Lê Lợi",
                    "chair": "Đồng chí Bí thư",
                },
                {"weekday": 4, "session": "afternoon", "content": "Tiếp công dân định kỳ"},
            ],
        )
        make_week(schedule, 2026, 50, published=False)
        response = api.get("/api/v2/work-schedule/calendar.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    raw = response.content
    # RFC 5545: CRLF line ends, no line longer than 75 octets.
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    calendar = Calendar.from_ical(raw)
    events = calendar.walk("VEVENT")
    assert len(events) == 2
    first = next(e for e in events if "Hội nghị" in str(e["SUMMARY"]))
    assert str(first["SUMMARY"]).endswith("với dấu phẩy, chấm phẩy; và xuống dòng")
    assert str(first["LOCATION"]) == "Hội trường A, 12 Lê Lợi"
    start = first.decoded("DTSTART")
    assert start.isoformat() == "2026-11-30T08:00:00+07:00"
    second = next(e for e in events if "Tiếp công dân" in str(e["SUMMARY"]))
    # Without a time, the row lasts its half-day.
    assert second.decoded("DTSTART").isoformat() == "2026-12-04T13:30:00+07:00"
    assert len({str(e["UID"]) for e in events}) == 2


def _utc_by_vtimezone(calendar: Calendar, prop) -> datetime.datetime:
    """The UTC moment of a DTSTART read as a calendar client must: through the VTIMEZONE the
    feed itself defines for its TZID, not through this machine's time zone database."""
    tzid = prop.params["TZID"]
    [zone] = [tz for tz in calendar.walk("VTIMEZONE") if str(tz["TZID"]) == tzid]
    local = prop.dt.replace(tzinfo=None)
    rules = sorted(
        (rule.decoded("DTSTART"), rule.decoded("TZOFFSETTO"))
        for rule in zone.walk()
        if rule.name in ("STANDARD", "DAYLIGHT") and rule.decoded("DTSTART") <= local
    )
    assert rules, f"{tzid} defines no offset for {local}"
    return (local - rules[-1][1]).replace(tzinfo=datetime.UTC)


@pytest.mark.django_db
def test_calendar_feed_defines_its_time_zone_so_8_am_is_1_am_utc(api, schedule):
    """An 08:00 row in Hà Nội is 01:00Z in any calendar client: the feed names the zone
    (TZID=Asia/Ho_Chi_Minh) and carries its VTIMEZONE (RFC 5545 3.6.5)."""
    with freeze_time("2026-12-03T03:00:00Z"):
        make_week(
            schedule,
            2026,
            49,
            rows=[
                {
                    "weekday": 0,
                    "session": "morning",
                    "time": datetime.time(8, 0),
                    "content": "Giao ban đầu tuần",
                },
                {"weekday": 2, "session": "afternoon", "content": "Tiếp công dân"},
            ],
        )
        raw = api.get("/api/v2/work-schedule/calendar.ics").content
    calendar = Calendar.from_ical(raw)
    assert calendar.get_missing_tzids() == set()
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Asia/Ho_Chi_Minh"]
    # The VTIMEZONE comes before the events that use it.
    assert raw.index(b"BEGIN:VTIMEZONE") < raw.index(b"BEGIN:VEVENT")
    events = {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}
    meeting = events["Giao ban đầu tuần"]
    assert b"DTSTART;TZID=Asia/Ho_Chi_Minh:20261130T080000" in raw
    assert _utc_by_vtimezone(calendar, meeting["DTSTART"]) == datetime.datetime(
        2026, 11, 30, 1, 0, tzinfo=datetime.UTC
    )
    assert _utc_by_vtimezone(calendar, meeting["DTEND"]).hour == 2
    # A row without a time: its half-day, 13:30 in Hà Nội.
    afternoon = events["Tiếp công dân"]
    assert _utc_by_vtimezone(calendar, afternoon["DTSTART"]) == datetime.datetime(
        2026, 12, 2, 6, 30, tzinfo=datetime.UTC
    )


@pytest.mark.django_db
def test_calendar_feed_refuses_unknown_parameters(api, schedule):
    response = api.get("/api/v2/work-schedule/calendar.ics?week=2026-W49")
    assert response.status_code == 400
    assert response.json()["parameter"] == "week"


@pytest.mark.django_db
def test_search_finds_a_published_week_by_its_rows_without_diacritics(api, schedule):
    make_week(schedule, 2026, 49)
    make_week(
        schedule,
        2026,
        50,
        rows=[{"weekday": 1, "session": "morning", "content": "Giao ban điện lực bí mật"}],
        published=False,
    )
    found = api.get("/api/v2/pages/?search=dien luc&type=home.WorkWeekPage").json()
    assert [item["title"] for item in found["items"]] == [
        "Lịch công tác tuần 49/2026 (từ 30/11 đến 06/12/2026)"
    ]
