"""The weekly work schedule ("Lịch công tác") on the reader site.

The schedule's page shows one week, the current one by default; ``?tuan=2026-W49`` moves to
another, so previous and next are plain links (no JavaScript). A week's own page
(``/lich-cong-tac/2026-w49/``) shows that week. The calendar feed is passed through from
the CMS at ``/lich-cong-tac.ics``.
"""

import re
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from frontend.api_client import ApiClient, CMSUnavailable, NotFound

KINDS = ("work_schedule", "work_week")
TEMPLATE = "pages/work_schedule.html"
_ISO_WEEK = re.compile(r"[0-9]{4}-W[0-9]{2}")
CALENDAR_PATH = "/lich-cong-tac.ics"


def index_path(page: dict) -> str:
    """The schedule's own path: the page's, or its parent's for a week's page."""
    if page["kind"] == "work_week":
        return page["path"].rstrip("/").rsplit("/", 1)[0] + "/"
    return page["path"]


async def week_context(api: ApiClient, request: Request, page: dict) -> dict[str, Any]:
    params: dict[str, str] = {}
    if page["kind"] == "work_week":
        params["week"] = page["week"]
    elif "tuan" in request.query_params:
        week = request.query_params["tuan"]
        if not _ISO_WEEK.fullmatch(week):
            raise NotFound()
        params["week"] = week
    data = await api.get("work-schedule/", params)  # a bad week number is a 400: NotFound
    return {
        "schedule_week": data,
        "schedule_path": index_path(page),
        "calendar_path": CALENDAR_PATH,
    }


async def calendar(request: Request) -> Response:
    """The CMS's iCalendar feed of the published rows, passed through."""
    api: ApiClient = request.app.state.frontend.api
    try:
        upstream = await api.http.get(api.url("work-schedule/calendar.ics"))
    except Exception as error:  # httpx's errors: the CMS is down
        raise CMSUnavailable(repr(error)) from error
    if upstream.status_code != 200:
        raise CMSUnavailable(f"HTTP {upstream.status_code}")
    return Response(
        upstream.content,
        media_type="text/calendar; charset=utf-8",
        headers={
            "Cache-Control": "public, max-age=300",
            "Content-Disposition": 'inline; filename="lich-cong-tac.ics"',
        },
    )
