"""``/api/v2/work-schedule/``: one published week of "Lịch công tác", and its iCalendar feed.

    GET /api/v2/work-schedule/?week=2026-W49     (or ?date=2026-12-03: the week holding it)
    200 {"week": "2026-W49", "start": "2026-11-30", "end": "2026-12-06",
         "previous": {"week": "2026-W48", "url": "…/work-schedule/?week=2026-W48"},
         "next": {"week": "2026-W50", "url": "…"},
         "schedule": {"id": 91, "title": "…", "path": "/lich-cong-tac/2026-w49/", "note": "…",
                      "updated_at": "…", "days": [{"date": "2026-11-30", "weekday": "Thứ Hai",
                      "sessions": [{"session": "morning", "label": "Sáng", "entries": […]}]}]}}

``schedule`` is null when the week has no published schedule (a draft, a week awaiting
approval and a week never entered answer alike). Without ``week`` or ``date`` the answer is
a 302 to the current week (Asia/Ho_Chi_Minh): a redirect is never cached, so the default
moves on Monday at midnight although the API caches responses until content changes.

    GET /api/v2/work-schedule/calendar.ics       text/calendar, one VEVENT per published row
"""

import datetime
import re
from collections import defaultdict

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event
from rest_framework.response import Response

from cms.api.base import ReaderAPIViewSet
from cms.api.context import APIContext
from cms.api.filters import BadQueryParameter
from cms.api.site_content import requested_locale
from cms.api.visibility import get_scope, public_pages
from cms.vietnamese import WEEKDAYS
from home.models import WorkScheduleEntry, WorkWeekPage
from home.models.work_schedule import shift_week, week_label, week_start

_ISO_WEEK = re.compile(r"([0-9]{4})-W([0-9]{2})")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# How far back the calendar feed goes: calendar apps keep what they fetched before.
ICS_WEEKS_BACK = 8
# A row without a time lasts the half-day it is in.
SESSION_HOURS = {"morning": (7, 30, 11, 30), "afternoon": (13, 30, 17, 0)}


def _with_neighbours(year: int, week: int) -> None:
    """Raises ValueError or OverflowError unless the week and the weeks before and after it
    exist (the answer links both: 0001-W01 has no previous week, 9999-W52 no next one)."""
    week_start(year, week)
    shift_week(year, week, -1)
    shift_week(year, week, 1)


def parse_week(request: HttpRequest) -> tuple[int, int] | None:
    """(ISO year, week) from ``?week=2026-W49`` or ``?date=2026-12-03``; None if neither."""
    if "week" in request.GET and "date" in request.GET:
        raise BadQueryParameter("date", _("give either week or date, not both"))
    if "week" in request.GET:
        raw = request.GET["week"]
        match = _ISO_WEEK.fullmatch(raw)
        try:
            if match is None:
                raise ValueError(raw)
            _with_neighbours(int(match[1]), int(match[2]))
        except (ValueError, OverflowError) as error:
            raise BadQueryParameter(
                "week", _("must be an ISO week such as 2026-W49 (week 1 to 52 or 53)")
            ) from error
        return int(match[1]), int(match[2])
    if "date" in request.GET:
        raw = request.GET["date"]
        try:
            if not _ISO_DATE.fullmatch(raw):
                raise ValueError(raw)
            day = datetime.date.fromisoformat(raw)
            year, week, _day = day.isocalendar()
            _with_neighbours(year, week)
        except (ValueError, OverflowError) as error:
            raise BadQueryParameter(
                "date", _("must be a date written YYYY-MM-DD, e.g. 2026-12-03")
            ) from error
        return year, week
    return None


def public_weeks(request: HttpRequest):
    return public_pages(request, WorkWeekPage).filter(locale=requested_locale(request))


def serialize_entry(entry: WorkScheduleEntry) -> dict:
    earlier = entry.earlier_version
    return {
        "id": entry.id,
        "time": entry.time.strftime("%H:%M") if entry.time else "",
        "content": entry.content,
        "place": entry.place,
        "chair": entry.chair,
        "attendees": entry.attendees,
        "preparing_unit": entry.preparing_unit,
        "notes": entry.notes,
        "status": entry.status,
        "status_label": str(entry.get_status_display())
        if entry.status != WorkScheduleEntry.Status.PLANNED
        else "",
        "earlier": {
            **earlier,
            "weekday": WEEKDAYS[earlier["weekday"]],
            "session": str(WorkScheduleEntry.Session(earlier["session"]).label),
        }
        if earlier
        else None,
    }


def serialize_week(page: WorkWeekPage, ctx: APIContext) -> dict:
    by_day = defaultdict(lambda: defaultdict(list))
    for entry in page.sorted_entries():
        by_day[entry.weekday][entry.session].append(serialize_entry(entry))
    start = page.start_date
    days = []
    for weekday in range(7):
        days.append(
            {
                "date": start + datetime.timedelta(days=weekday),
                "weekday": WEEKDAYS[weekday],
                "sessions": [
                    {
                        "session": session.value,
                        "label": str(session.label),
                        "entries": by_day[weekday][session.value],
                    }
                    for session in WorkScheduleEntry.Session
                ],
            }
        )
    return {
        "id": page.id,
        "title": page.title,
        "path": ctx.scope.frontend_path(page.url_path),
        "note": page.note,
        "updated_at": page.last_published_at,
        "days": days,
    }


class WorkScheduleAPIViewSet(ReaderAPIViewSet):
    """``/api/v2/work-schedule/``: one week of the published schedule."""

    name = "work-schedule"
    model = WorkWeekPage
    known_query_parameters = frozenset(["week", "date", "locale", "_"])

    def week_url(self, request: HttpRequest, year: int, week: int) -> str:
        query = request.GET.copy()
        query.pop("date", None)
        query["week"] = week_label(year, week)
        return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

    def listing_view(self, request):
        self.check_query_parameters()
        requested_locale(request)  # a bad ?locale= is a 400 before anything else
        parsed = parse_week(request)
        if parsed is None:
            year, week, _day = timezone.localdate().isocalendar()
            return HttpResponseRedirect(self.week_url(request, year, week))
        year, week = parsed
        start = week_start(year, week)
        page = (
            public_weeks(request)
            .filter(iso_year=year, iso_week=week)
            .order_by("path")
            .prefetch_related("entries")
            .first()
        )
        previous, following = shift_week(year, week, -1), shift_week(year, week, 1)
        return Response(
            {
                "week": week_label(year, week),
                "start": start,
                "end": start + datetime.timedelta(days=6),
                "previous": {
                    "week": week_label(*previous),
                    "url": self.week_url(request, *previous),
                },
                "next": {
                    "week": week_label(*following),
                    "url": self.week_url(request, *following),
                },
                "schedule": serialize_week(page, APIContext(request)) if page else None,
            }
        )

    @classmethod
    def get_urlpatterns(cls):
        return [path("", cls.as_view({"get": "listing_view"}), name="listing")]


def _event(entry: WorkScheduleEntry, page: WorkWeekPage, host: str, url: str) -> Event:
    day = page.start_date + datetime.timedelta(days=entry.weekday)
    zone = timezone.get_default_timezone()
    start_hour, start_minute, end_hour, end_minute = SESSION_HOURS[entry.session]
    if entry.time:
        start = datetime.datetime.combine(day, entry.time, zone)
        end = start + datetime.timedelta(hours=1)
    else:
        start = datetime.datetime.combine(day, datetime.time(start_hour, start_minute), zone)
        end = datetime.datetime.combine(day, datetime.time(end_hour, end_minute), zone)
    event = Event()
    event.add("uid", f"work-schedule-entry-{entry.id}@{host}")
    event.add("dtstamp", page.last_published_at or timezone.now())
    event.add("dtstart", start)
    event.add("dtend", end)
    summary = entry.content
    if entry.status != WorkScheduleEntry.Status.PLANNED:
        summary = f"[{entry.get_status_display()}] {summary}"
    event.add("summary", summary)
    if entry.place:
        event.add("location", entry.place)
    lines = [
        f"{label}: {value}"
        for label, value in (
            (_("Chaired by"), entry.chair),
            (_("Attended by"), entry.attendees),
            (_("Preparing unit"), entry.preparing_unit),
            (_("Notes"), entry.notes),
        )
        if value
    ]
    if lines:
        event.add("description", "\n".join(lines))
    if entry.status == WorkScheduleEntry.Status.POSTPONED:
        event.add("status", "CANCELLED")
    else:
        event.add("status", "CONFIRMED")
    event.add("url", url)
    return event


def calendar_view(request: HttpRequest) -> HttpResponse:
    """``/api/v2/work-schedule/calendar.ics``: published rows from 8 weeks ago on (RFC 5545;
    lines folded and text escaped by the icalendar library), times in Hà Nội time with the
    VTIMEZONE that defines it:

        BEGIN:VTIMEZONE
        TZID:Asia/Ho_Chi_Minh
        …
        DTSTART;TZID=Asia/Ho_Chi_Minh:20261130T080000      (01:00Z)
    """
    try:
        for name, value in request.GET.items():
            if name not in ("locale", "_"):
                raise BadQueryParameter(name, _("unknown query parameter"))
            if "\x00" in value:
                raise BadQueryParameter(name, _("null characters are not allowed"))
        locale = requested_locale(request)
    except BadQueryParameter as error:
        return JsonResponse({"message": str(error), "parameter": error.parameter}, status=400)
    year, week = shift_week(*timezone.localdate().isocalendar()[:2], -ICS_WEEKS_BACK)
    weeks = (
        public_pages(request, WorkWeekPage)
        .filter(locale=locale)
        .filter(iso_year__gte=year)
        .exclude(iso_year=year, iso_week__lt=week)
        .prefetch_related("entries")
        .order_by("iso_year", "iso_week", "path")
    )
    scope = get_scope(request)
    host = request.get_host().split(":")[0]
    calendar = Calendar()
    calendar.add("prodid", "-//tttd-cms//Lich cong tac//VI")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", _("Work schedule"))
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    last_day = week_start(year, week)
    for page in weeks:
        url = scope.public_base_url + scope.frontend_path(page.url_path)
        for entry in page.sorted_entries():
            calendar.add_component(_event(entry, page, host, url))
        last_day = max(last_day, page.start_date + datetime.timedelta(days=7))
    # Times are written as Hà Nội wall-clock time with TZID=Asia/Ho_Chi_Minh; RFC 5545 asks
    # for the VTIMEZONE that defines it, and a client without one (Outlook, some phones)
    # would read 08:00 as floating or UTC time. Spanning the feed's own dates keeps it short.
    calendar.add_missing_timezones(first_date=week_start(year, week), last_date=last_day)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="lich-cong-tac.ics"'
    return response
