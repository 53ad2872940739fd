"""Request ids and log lines of the frontend (README "Operations", "Logs and request ids").

Each request gets an id: a valid ``X-Request-ID`` it came with (nginx sets one), else a new
one. It is echoed in the response's ``X-Request-ID``, sent to the CMS's API on every call
made for the request (frontend/api_client.py), and put on every log line. With
``LOG_FORMAT=json`` (the default) each line is one JSON object with time, level, logger,
message, request_id and, on the line written per request, method, path, status and
duration_ms: the same fields as the CMS's lines, so one id finds both.
"""

import json
import logging
import re
import time
import uuid
from contextvars import ContextVar
from datetime import UTC, datetime

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

HEADER = "X-Request-ID"
# As the CMS (cms/operations/logs.py): anything else is replaced, so an id cannot break a line.
VALID = re.compile(r"[A-Za-z0-9._-]{1,128}")
REQUEST_FIELDS = ("method", "path", "status", "duration_ms")

current_request_id: ContextVar[str | None] = ContextVar("frontend_request_id", default=None)
request_log = logging.getLogger("frontend.request")


def request_id_from(incoming: str | None) -> str:
    if incoming and VALID.fullmatch(incoming):
        return incoming
    return uuid.uuid4().hex


class RequestIdMiddleware:
    """Outermost ASGI middleware: the id, its header, one log line per request."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        incoming = None
        for name, value in scope["headers"]:
            if name == b"x-request-id":
                incoming = value.decode("latin-1")
                break
        request_id = request_id_from(incoming)
        token = current_request_id.set(request_id)
        started = time.monotonic()
        status = 500  # unless a response starts

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                MutableHeaders(scope=message)[HEADER] = request_id
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            method, path = scope["method"], scope["path"]
            request_log.log(
                logging.WARNING if status >= 500 else logging.INFO,
                "%s %s %s",
                method,
                path,
                status,
                extra={
                    "request_id": request_id,
                    "method": method,
                    "path": path,
                    "status": status,
                    "duration_ms": round((time.monotonic() - started) * 1000, 1),
                },
            )
            current_request_id.reset(token)


class RequestIdFilter(logging.Filter):
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


TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"


def configure(log_format: str, level: int) -> None:
    """The root logger's handler, as logging.basicConfig: only if the root has none yet (under
    pytest it has; uvicorn configures only its own loggers)."""
    root = logging.getLogger()
    if root.handlers:
        return
    root.setLevel(level)
    handler = logging.StreamHandler()
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(
        JsonFormatter() if log_format == "json" else logging.Formatter(TEXT_FORMAT)
    )
    root.addHandler(handler)
