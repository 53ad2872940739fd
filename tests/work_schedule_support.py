"""Builders shared by the work schedule tests (tests/work_schedule/)."""

import datetime

from home.models import WorkScheduleEntry, WorkScheduleIndexPage, WorkWeekPage
from tests.api_support import publish


def make_week(
    schedule: WorkScheduleIndexPage,
    year: int,
    week: int,
    rows: list[dict] | None = None,
    published: bool = True,
) -> WorkWeekPage:
    page = WorkWeekPage(
        iso_year=year,
        iso_week=week,
        title=WorkWeekPage.default_title(year, week),
        slug=f"{year}-w{week:02d}",
        live=False,
    )
    rows = (
        rows
        if rows is not None
        else [
            {
                "weekday": 0,
                "session": "morning",
                "time": datetime.time(8, 0),
                "content": "Giao ban Ban Thường vụ Đảng ủy Khối",
                "place": "Phòng họp số 1",
                "chair": "Đồng chí Bí thư Đảng ủy Khối",
                "attendees": "Các đồng chí Ủy viên Ban Thường vụ",
                "preparing_unit": "Văn phòng Đảng ủy Khối",
            },
            {
                "weekday": 2,
                "session": "afternoon",
                "time": datetime.time(14, 0),
                "content": "Làm việc với Đảng ủy Công ty Điện lực tỉnh",
                "place": "Trụ sở Công ty Điện lực",
                "chair": "Đồng chí Phó Bí thư Thường trực",
            },
        ]
    )
    page.entries = [WorkScheduleEntry(**row) for row in rows]
    schedule.add_child(instance=page)
    if published:
        return publish(page)
    page.save_revision()
    return WorkWeekPage.objects.get(id=page.id)
