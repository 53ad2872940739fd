"""Request ids and log lines (README "Operations", "Logs and request ids").

Every request gets an id: a valid ``X-Request-ID`` it came with (set by nginx, or by the
reader frontend for the API calls it makes), else a new one. The id is echoed in the
response's ``X-Request-ID``, and every log line written while the request is served carries
it. With ``LOG_FORMAT=json`` each line is one JSON object:

    {"time": "2026-12-04T16:20:01.123Z", "level": "INFO", "logger": "cms.request",
     "message": "GET /api/v2/pages/ 200", "request_id": "…", "method": "GET",
     "path": "/api/v2/pages/", "status": 200, "duration_ms": 12.5}
"""

import json
import logging
import re
import time
import uuid
from collections.abc import Callable
from contextvars import ContextVar
from datetime import UTC, datetime

from django.http import HttpRequest, HttpResponse

HEADER = "X-Request-ID"
# Letters, digits and -._: a UUID, nginx's $request_id, a load balancer's trace id. Anything
# else (spaces, newlines, quotes, over 128 characters) is replaced, so an id can never forge
# or break a log line.
VALID = re.compile(r"[A-Za-z0-9._-]{1,128}")
# The fields of the per-request line, beside time, level, logger, message and request_id.
REQUEST_FIELDS = ("method", "path", "status", "duration_ms")

current_request_id: ContextVar[str | None] = ContextVar("current_request_id", default=None)
request_log = logging.getLogger("cms.request")


def request_id_from(incoming: str | None) -> str:
    """``incoming`` when it is a valid id, else a new one."""
    if incoming and VALID.fullmatch(incoming):
        return incoming
    return uuid.uuid4().hex


class RequestIdMiddleware:
    """Outermost: sets the request's id, echoes it, writes one log line per request."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = request_id_from(request.headers.get(HEADER))
        request.request_id = request_id
        token = current_request_id.set(request_id)
        started = time.monotonic()
        try:
            response = self.get_response(request)
            response[HEADER] = request_id
            status = response.status_code
            request_log.log(
                logging.WARNING if status >= 500 else logging.INFO,
                "%s %s %s",
                request.method,
                request.path,
                status,
                extra={
                    "request_id": request_id,
                    "method": request.method,
                    "path": request.path,
                    "status": status,
                    "duration_ms": round((time.monotonic() - started) * 1000, 1),
                },
            )
            return response
        finally:
            current_request_id.reset(token)


class RequestIdFilter(logging.Filter):
    """Puts the current request's id on every record (``-`` outside a request)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            record.request_id = current_request_id.get() or "-"
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line; the traceback, if any, in ``exception``."""

    def format(self, record: logging.LogRecord) -> str:
        line = {
            "time": datetime.fromtimestamp(record.created, UTC)
            .isoformat(timespec="milliseconds")
            .replace("+00:00", "Z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", None) or current_request_id.get(),
        }
        for field in REQUEST_FIELDS:
            if hasattr(record, field):
                line[field] = getattr(record, field)
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False, default=str)
