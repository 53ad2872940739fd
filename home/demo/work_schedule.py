"""Demo "Lịch công tác": the previous and the current week published, next week a draft
(relative to the day the demo is loaded), for the Party Committee of the province's
agencies and enterprises (Đảng ủy Khối)."""

import datetime
from collections.abc import Callable

from django.utils import timezone

from home.models import HomePage, WorkScheduleEntry, WorkScheduleIndexPage, WorkWeekPage
from home.models.work_schedule import shift_week, week_label

INDEX_TITLE = "Lịch công tác"
INDEX_INTRO = "Lịch công tác hằng tuần của Thường trực, Ban Thường vụ Đảng ủy Khối."
NOTE = (
    "Lịch có thể thay đổi; mọi điều chỉnh được Văn phòng Đảng ủy Khối thông báo trên trang "
    "này. Liên hệ: Văn phòng Đảng ủy Khối, điện thoại 0236 3822 345."
)
OFFICE = "Văn phòng Đảng ủy Khối"
SECRETARY = "Đồng chí Bí thư Đảng ủy Khối"
DEPUTY = "Đồng chí Phó Bí thư Thường trực Đảng ủy Khối"
DEPUTY_2 = "Đồng chí Phó Bí thư Đảng ủy Khối"

# (weekday 0 = Thứ Hai, session, "HH:MM" or "", content, place, chair, attendees, unit)
ROWS = [
    (
        0,
        "morning",
        "07:30",
        "Chào cờ đầu tuần; giao ban Thường trực Đảng ủy Khối",
        "Phòng họp số 1, trụ sở Đảng ủy Khối",
        SECRETARY,
        "Thường trực Đảng ủy Khối; Trưởng các ban, Chánh Văn phòng",
        OFFICE,
    ),
    (
        0,
        "afternoon",
        "14:00",
        "Làm việc với Đảng ủy Công ty Điện lực tỉnh về công tác xây dựng Đảng năm 2026",
        "Trụ sở Công ty Điện lực tỉnh",
        DEPUTY,
        "Lãnh đạo Ban Tổ chức, Ban Tuyên giáo Đảng ủy Khối",
        "Ban Tổ chức Đảng ủy Khối",
    ),
    (
        1,
        "morning",
        "08:00",
        "Họp Ban Thường vụ Đảng ủy Khối cho ý kiến dự thảo báo cáo tổng kết công tác năm",
        "Phòng họp số 1",
        SECRETARY,
        "Các đồng chí Ủy viên Ban Thường vụ Đảng ủy Khối",
        OFFICE,
    ),
    (
        2,
        "morning",
        "08:00",
        "Dự Hội nghị trực tuyến toàn quốc quán triệt nghị quyết của Trung ương",
        "Điểm cầu Tỉnh ủy",
        SECRETARY,
        "Ban Thường vụ Đảng ủy Khối; Bí thư các đảng bộ cơ sở",
        "Ban Tuyên giáo Đảng ủy Khối",
    ),
    (
        2,
        "afternoon",
        "14:00",
        "Tiếp công dân định kỳ",
        "Phòng tiếp công dân, trụ sở Đảng ủy Khối",
        DEPUTY_2,
        "Ủy ban Kiểm tra Đảng ủy Khối",
        "Ủy ban Kiểm tra Đảng ủy Khối",
    ),
    (
        3,
        "morning",
        "08:00",
        "Kiểm tra việc thực hiện quy chế dân chủ ở cơ sở tại Đảng bộ Sở Tài chính",
        "Sở Tài chính",
        DEPUTY_2,
        "Đoàn kiểm tra theo Quyết định số 125-QĐ/ĐUK",
        "Ủy ban Kiểm tra Đảng ủy Khối",
    ),
    (3, "afternoon", "", "Làm việc tại cơ quan", "", "Thường trực Đảng ủy Khối", "", ""),
    (
        4,
        "morning",
        "08:00",
        "Hội nghị sơ kết công tác dân vận khối cơ quan và doanh nghiệp",
        "Hội trường Đảng ủy Khối",
        DEPUTY,
        "Trưởng ban dân vận các đảng bộ cơ sở",
        "Ban Dân vận Đảng ủy Khối",
    ),
    (
        4,
        "afternoon",
        "15:00",
        "Giao ban công tác tuần; thông qua lịch công tác tuần sau",
        "Phòng họp số 2",
        DEPUTY,
        "Chánh, Phó Chánh Văn phòng; Trưởng các ban",
        OFFICE,
    ),
]


def _entries(page: WorkWeekPage) -> list[WorkScheduleEntry]:
    return [
        WorkScheduleEntry(
            page=page,
            sort_order=i,
            weekday=weekday,
            session=session,
            time=datetime.time.fromisoformat(time) if time else None,
            content=content,
            place=place,
            chair=chair,
            attendees=attendees,
            preparing_unit=unit,
        )
        for i, (weekday, session, time, content, place, chair, attendees, unit) in enumerate(ROWS)
    ]


def load_work_schedule(home: HomePage, log: Callable[[str], None]) -> int:
    """Create what is missing; return how many pages were created."""
    created = 0
    index = WorkScheduleIndexPage.objects.child_of(home).first()
    if index is None:
        index = WorkScheduleIndexPage(title=INDEX_TITLE, slug="lich-cong-tac", intro=INDEX_INTRO)
        home.add_child(instance=index)
        index.save_revision().publish()
        created += 1
    year, week, _day = timezone.localdate().isocalendar()
    current_created = False
    for offset in (-1, 0, 1):
        y, w = shift_week(year, week, offset)
        if WorkWeekPage.objects.child_of(index).filter(iso_year=y, iso_week=w).exists():
            continue
        page = WorkWeekPage(
            iso_year=y,
            iso_week=w,
            title=WorkWeekPage.default_title(y, w),
            slug=week_label(y, w).lower(),
            note=NOTE,
            live=offset != 1,
        )
        page.entries = _entries(page)
        index.add_child(instance=page)
        revision = page.save_revision()
        if offset != 1:
            revision.publish()
        created += 1
        current_created = current_created or offset == 0
        log(f"  + {page._meta.verbose_name}: {page.title}")
    if current_created:
        _postpone_one_row_of_the_current_week(index, year, week)
    return created


def _postpone_one_row_of_the_current_week(index, year: int, week: int) -> None:
    """The current week shows a changed and a postponed row, as after a real change."""
    page = WorkWeekPage.objects.child_of(index).get(iso_year=year, iso_week=week)
    if any(entry.status != "planned" for entry in page.entries.all()):
        return
    rows = page.sorted_entries()
    rows[1].status = WorkScheduleEntry.Status.POSTPONED
    rows[1].notes = "Hoãn, sẽ bố trí lại vào tuần sau."
    rows[3].time = datetime.time(8, 30)
    rows[3].place = "Hội trường Tỉnh ủy"
    page.entries = rows
    page.save_revision().publish()
