"""No draft, pending, scheduled, expired, retracted or restricted week leaks: the week, the
calendar feed, the pages API, find, the change feed and the menu show a week exactly when it
is public, and then only its published rows (the rows of tests/api/test_api_leaks.py, for
the schedule)."""

import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone
from wagtail.models import PageViewRestriction

from cms.editorial import retraction
from home.models import WorkWeekPage
from tests.api_support import publish
from tests.syndication_support import PortalMirror, make_api_key
from tests.work_schedule_support import make_week

STATES = {
    "draft": False,
    "live": True,
    "live_with_draft": True,
    "in_review": True,
    "scheduled": False,
    "expired": False,
    "retracted": False,
    "restricted": False,
}
SECRET = "BẢN NHÁP KHÔNG ĐƯỢC LỘ"


def build(schedule, state: str, board_member) -> WorkWeekPage:
    rows = [{"weekday": 0, "session": "morning", "content": "Giao ban Thường trực"}]
    if state == "draft":
        rows[0]["content"] = SECRET
        return make_week(schedule, 2026, 49, rows=rows, published=False)
    week = make_week(schedule, 2026, 49, rows=rows, published=state != "scheduled")
    if state == "scheduled":
        week.go_live_at = timezone.now() + datetime.timedelta(days=1)
        week.save_revision().publish()
    elif state in ("live_with_draft", "in_review"):
        row = week.sorted_entries()[0]
        row.content = SECRET
        week.entries = [row]
        week.save_revision()
        if state == "in_review":
            week.get_workflow().start(week, user=None)
    elif state == "expired":
        WorkWeekPage.objects.filter(id=week.id).update(
            expire_at=timezone.now() - datetime.timedelta(hours=1)
        )
    elif state == "retracted":
        retraction.retract(week, board_member, "Lịch chưa được Thường trực thống nhất.")
    elif state == "restricted":
        PageViewRestriction.objects.create(page=week, restriction_type="login")
    return WorkWeekPage.objects.get(id=week.id)


@pytest.mark.django_db
@pytest.mark.parametrize("state", STATES)
def test_a_week_shows_exactly_when_public(api, schedule, board_member, state):
    week = build(schedule, state, board_member)
    public = STATES[state]
    cache.clear()
    data = api.get("/api/v2/work-schedule/?week=2026-W49").json()
    assert (data["schedule"] is not None) is public
    calendar = api.get("/api/v2/work-schedule/calendar.ics").content.decode()
    listing = api.get("/api/v2/pages/?type=home.WorkWeekPage").json()
    everything = api.get("/api/v2/pages/?limit=100").json()
    detail = api.get(f"/api/v2/pages/{week.id}/")
    found = api.get("/api/v2/pages/find/?html_path=/lich-cong-tac/2026-w49/")
    _key, key = make_api_key()
    portal = PortalMirror(api, key)
    portal.sync()
    for text in (str(data), calendar, str(listing), str(everything), str(portal.pages)):
        assert SECRET not in text
    assert ({i["id"] for i in listing["items"]} == {week.id}) is public
    assert (week.id in {i["id"] for i in everything["items"]}) is public
    assert detail.status_code == (200 if public else 404)
    assert found.status_code == (302 if public else 404)
    assert ("Giao ban Thường trực" in calendar) is public
    assert (week.id in portal.pages) is public
    if public:
        assert portal.pages[week.id]["week"] == "2026-W49"


@pytest.mark.django_db
def test_retraction_and_unpublishing_reach_the_change_feed(api, schedule, board_member):
    week = make_week(schedule, 2026, 49)
    _key, key = make_api_key()
    portal = PortalMirror(api, key)
    portal.sync()
    assert week.id in portal.pages
    retraction.retract(week, board_member, "Sai thành phần dự họp.")
    cache.clear()
    portal.sync()
    assert week.id not in portal.pages
    retraction.restore(WorkWeekPage.objects.get(id=week.id), board_member)
    cache.clear()
    portal.sync()
    assert week.id in portal.pages


@pytest.mark.django_db
def test_a_weeks_publish_edit_retraction_and_deletion_are_change_feed_items(
    api, schedule, board_member
):
    """Each step is one item of its type: publishing an upsert with the week, an edit an
    ``updated`` item, retraction and deletion tombstones (``page`` null)."""
    _key, key = make_api_key()
    portal = PortalMirror(api, key)
    portal.sync()
    week = make_week(schedule, 2026, 49, published=False)
    assert [i for i in portal.sync() if i["page_id"] == week.id] == []  # a draft

    week = publish(WorkWeekPage.objects.get(id=week.id))
    [created] = portal.sync()
    assert (created["type"], created["page_id"]) == ("created", week.id)
    assert created["content_type"] == "home.WorkWeekPage"
    assert created["page"]["week"] == "2026-W49"

    row = week.sorted_entries()[0]
    row.content = "Giao ban Ban Thường vụ (dời sang 9 giờ)"
    week.entries = [row]
    week = publish(week)
    [updated] = portal.sync()
    assert (updated["type"], updated["page_id"]) == ("updated", week.id)
    assert updated["page"]["week"] == "2026-W49"
    # The item names the week; its rows are the week's own endpoint, read afresh.
    cache.clear()
    rows = api.get(f"/api/v2/work-schedule/?week={updated['page']['week']}").json()
    assert "Giao ban Ban Thường vụ (dời sang 9 giờ)" in str(rows["schedule"])

    retraction.retract(week, board_member, "Lịch chưa được Thường trực thống nhất.")
    [retracted] = portal.sync()
    assert (retracted["type"], retracted["page_id"]) == ("retracted", week.id)
    assert retracted["page"] is None
    assert retracted["reason"] == "Lịch chưa được Thường trực thống nhất."
    assert week.id not in portal.pages

    WorkWeekPage.objects.get(id=week.id).delete()
    deleted = [i for i in portal.sync() if i["page_id"] == week.id]
    assert [i["type"] for i in deleted] == ["deleted"] and deleted[0]["page"] is None
