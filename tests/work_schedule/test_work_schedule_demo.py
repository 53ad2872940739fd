"""The demo's schedule: last week and this week published, next week a draft, relative to
the day it is loaded; loading twice creates nothing more."""

import pytest
from freezegun import freeze_time

from home.demo.work_schedule import load_work_schedule
from home.models import WorkWeekPage


@pytest.mark.django_db
def test_demo_schedule_relative_to_load_time(api, home_page):
    with freeze_time("2026-12-03T03:00:00Z"):  # Thursday of week 49
        assert load_work_schedule(home_page, print) == 4
        assert load_work_schedule(home_page, print) == 0
        weeks = {w.week: w for w in WorkWeekPage.objects.all()}
        assert set(weeks) == {"2026-W48", "2026-W49", "2026-W50"}
        assert weeks["2026-W48"].live and weeks["2026-W49"].live and not weeks["2026-W50"].live
        current = api.get("/api/v2/work-schedule/?week=2026-W49").json()["schedule"]
        rows = [e for d in current["days"] for s in d["sessions"] for e in s["entries"]]
        assert len(rows) == 9
        assert {r["status_label"] for r in rows} == {"", "Điều chỉnh", "Hoãn"}
        assert api.get("/api/v2/work-schedule/?week=2026-W50").json()["schedule"] is None
        menu = api.get("/api/v2/menu/").json()["items"]
        assert {
            "title": "Lịch công tác",
            "kind": "work_schedule",
            "path": "/lich-cong-tac/",
        }.items() <= next(item for item in menu if item["kind"] == "work_schedule").items()
