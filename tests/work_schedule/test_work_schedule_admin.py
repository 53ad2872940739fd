"""The week in the real admin views, per role: copy to next week, submit, approve, publish."""

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from home.models import WorkWeekPage
from tests.admin_support import is_refused
from tests.work_schedule_support import make_week

pytestmark = pytest.mark.django_db


def copy_url(page) -> str:
    return f"/admin/work-schedule/{page.id}/copy-next-week/"


def week_form(page: WorkWeekPage, rows: list[dict], action: str) -> dict:
    data = {
        "iso_year": str(page.iso_year),
        "iso_week": str(page.iso_week),
        "title": "",
        "slug": page.slug,
        "note": "",
        "entries": inline_formset(
            [
                {
                    "id": str(row.get("id", "")),
                    "weekday": str(row["weekday"]),
                    "session": row["session"],
                    "time": row.get("time", ""),
                    "content": row["content"],
                    "place": row.get("place", ""),
                    "chair": row.get("chair", ""),
                    "attendees": "",
                    "preparing_unit": "",
                    "status": row.get("status", "planned"),
                    "notes": "",
                }
                for row in rows
            ]
        ),
        "comments": inline_formset([]),
        action: "1",
    }
    return nested_form_data(data)


def workflow_action_url(page, action: str) -> str:
    task_state = page.current_workflow_state.current_task_state
    return f"/admin/pages/workflow/action/{page.id}/{action}/{task_state.id}/"


@pytest.mark.parametrize(
    ("role", "may"),
    [
        ("contributor", True),
        ("section_editor", True),
        ("board_member", True),
        ("site_admin", False),
    ],
)
def test_copy_to_next_week_per_role(client, request, schedule, role, may):
    week = make_week(schedule, 2026, 49)
    client.force_login(request.getfixturevalue(role))
    shown = client.get(copy_url(week))
    assert (shown.status_code == 200 and "2026-W50" in shown.content.decode()) is may
    assert is_refused(client, shown) is not may
    posted = client.post(copy_url(week))
    assert (posted.status_code == 302) is may
    assert is_refused(client, posted) is not may
    assert WorkWeekPage.objects.filter(iso_year=2026, iso_week=50).count() == int(may)


def test_copy_makes_a_draft_with_the_rows_and_never_twice(client, api, section_editor, schedule):
    week = make_week(schedule, 2026, 49)
    client.force_login(section_editor)
    response = client.post(copy_url(week))
    copy = WorkWeekPage.objects.get(iso_year=2026, iso_week=50)
    assert response["Location"] == f"/admin/pages/{copy.id}/edit/"
    assert not copy.live and copy.title == "Lịch công tác tuần 50/2026 (từ 07/12 đến 13/12/2026)"
    rows = copy.get_latest_revision_as_object().sorted_entries()
    assert [(r.weekday, r.session, r.content) for r in rows] == [
        (r.weekday, r.session, r.content) for r in week.sorted_entries()
    ]
    assert all(r.status == "planned" and r.earlier_version is None for r in rows)
    client.post(copy_url(week))
    assert WorkWeekPage.objects.filter(iso_year=2026, iso_week=50).count() == 1
    # From the schedule's own page: the latest week is copied (week 51 from week 50).
    client.post(copy_url(schedule))
    assert WorkWeekPage.objects.filter(iso_year=2026, iso_week=51).exists()
    assert api.get("/api/v2/work-schedule/?week=2026-W50").json()["schedule"] is None


def test_week_goes_through_the_workflow(client, api, section_editor, board_member, schedule):
    week = make_week(schedule, 2026, 49)
    client.force_login(section_editor)
    client.post(copy_url(week))
    copy = WorkWeekPage.objects.get(iso_year=2026, iso_week=50)
    rows = [
        {"id": r.id or "", "weekday": r.weekday, "session": r.session, "content": r.content}
        for r in copy.get_latest_revision_as_object().sorted_entries()
    ]
    rows.append(
        {"weekday": 3, "session": "afternoon", "time": "15:00", "content": "Họp Chi bộ Văn phòng"}
    )
    response = client.post(f"/admin/pages/{copy.id}/edit/", week_form(copy, rows, "action-submit"))
    assert response.status_code == 302, response.content.decode()[:3000]
    copy.refresh_from_db()
    assert copy.current_workflow_state.status == "in_progress"
    assert api.get("/api/v2/work-schedule/?week=2026-W50").json()["schedule"] is None
    client.force_login(board_member)
    client.post(workflow_action_url(copy, "approve"))
    copy.refresh_from_db()
    client.post(workflow_action_url(copy, "approve"), {"comment": "Đồng ý."})
    copy.refresh_from_db()
    assert copy.live
    data = api.get("/api/v2/work-schedule/?week=2026-W50").json()
    thursday = data["schedule"]["days"][3]["sessions"][1]["entries"]
    assert [(e["time"], e["content"]) for e in thursday] == [("15:00", "Họp Chi bộ Văn phòng")]


def test_bad_week_number_is_a_form_error_in_vietnamese(client, section_editor, schedule):
    client.force_login(section_editor)
    data = nested_form_data(
        {
            "iso_year": "2025",
            "iso_week": "53",
            "title": "",
            "slug": "",
            "note": "",
            "entries": inline_formset([]),
            "comments": inline_formset([]),
        }
    )
    response = client.post(f"/admin/pages/add/home/workweekpage/{schedule.id}/", data)
    assert response.status_code == 200
    assert "Năm 2025 không có tuần 53." in response.content.decode()
    assert not WorkWeekPage.objects.exists()
