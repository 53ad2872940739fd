"""The OpenAPI description of ``/api/v2/work-schedule/`` and its calendar feed."""

from cms.api.schema.components import (
    ERRORS,
    INTEGER,
    SITE_LOCALE,
    STRING,
    URL,
    json_response,
    nullable,
    parameter,
)

DATE = {"type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
ISO_WEEK = {"type": "string", "pattern": "^[0-9]{4}-W(?:0[1-9]|[1-4][0-9]|5[0-3])$"}
WEEK_LINK = {
    "type": "object",
    "required": ["week", "url"],
    "properties": {"week": STRING, "url": URL},
}
ROW = {
    "type": "object",
    "required": ["id", "time", "content", "status", "earlier"],
    "properties": {
        "id": INTEGER,
        "time": {"type": "string", "description": "HH:MM, or empty."},
        "content": STRING,
        "place": STRING,
        "chair": STRING,
        "attendees": STRING,
        "preparing_unit": STRING,
        "notes": STRING,
        "status": {"type": "string", "enum": ["planned", "changed", "postponed"]},
        "status_label": {"type": "string", "description": "'Điều chỉnh', 'Hoãn' or empty."},
        "earlier": nullable(
            {
                "type": "object",
                "description": "The row as first published, before it was changed or postponed.",
            }
        ),
    },
}
SCHEDULE = {
    "type": "object",
    "required": ["id", "title", "path", "days"],
    "properties": {
        "id": INTEGER,
        "title": STRING,
        "path": STRING,
        "note": STRING,
        "updated_at": nullable({"type": "string", "format": "date-time"}),
        "days": {
            "type": "array",
            "minItems": 7,
            "maxItems": 7,
            "items": {
                "type": "object",
                "required": ["date", "weekday", "sessions"],
                "properties": {
                    "date": DATE,
                    "weekday": STRING,
                    "sessions": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["session", "label", "entries"],
                            "properties": {
                                "session": {"type": "string", "enum": ["morning", "afternoon"]},
                                "label": STRING,
                                "entries": {"type": "array", "items": ROW},
                            },
                        },
                    },
                },
            },
        },
    },
}
WEEK = {
    "type": "object",
    "required": ["week", "start", "end", "previous", "next", "schedule"],
    "properties": {
        "week": {"type": "string", "pattern": "^[0-9]{4}-W[0-9]{2}$"},
        "start": DATE,
        "end": DATE,
        "previous": WEEK_LINK,
        "next": WEEK_LINK,
        "schedule": nullable(SCHEDULE),
    },
}

WORK_SCHEDULE_PATHS = {
    "/api/v2/work-schedule/": {
        "get": {
            "summary": "One week of the published work schedule (Lịch công tác)",
            "description": "By ISO week (`week=2026-W49`) or any date in it "
            "(`date=2026-12-03`); without either, a 302 to the current week in "
            "Asia/Ho_Chi_Minh. `schedule` is null when the week has no published schedule.",
            "parameters": [
                parameter(
                    "week",
                    "An ISO 8601 week, e.g. `2026-W49`.",
                    ISO_WEEK,
                ),
                parameter("date", "Any date of the week, e.g. `2026-12-03`.", DATE),
                SITE_LOCALE,
            ],
            "responses": {
                "200": json_response(WEEK),
                "302": {"description": "Redirect to the current week (`?week=`)."},
                **ERRORS,
            },
        }
    },
    "/api/v2/work-schedule/calendar.ics": {
        "get": {
            "summary": "iCalendar feed of the published schedule rows (RFC 5545)",
            "description": "Rows of published weeks from eight weeks ago on; a postponed "
            "row has STATUS:CANCELLED.",
            "parameters": [SITE_LOCALE],
            "responses": {
                "200": {
                    "description": "OK",
                    "content": {"text/calendar": {"schema": {"type": "string"}}},
                },
                **ERRORS,
            },
        }
    },
}
