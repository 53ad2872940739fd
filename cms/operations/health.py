"""Liveness and readiness probes for load balancers, systemd and monitoring.

``/healthz``: the process answers (touches neither the database nor the cache).
``/readyz``: the database, the default cache and the default file storage answer, each within
``READINESS_TIMEOUT`` seconds; 200 when all do, 503 naming the one(s) that did not. The body
names each check and its state only: errors go to the log, never to the response.
"""

import contextvars
import logging
import os
import threading
import time
import uuid
from collections.abc import Callable

from django.conf import settings
from django.core.cache import caches
from django.core.files.storage import FileSystemStorage, storages
from django.db import connections
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)

# Seconds each check may take before it counts as failed.
DEFAULT_TIMEOUT = 2.0
PROBE_NAME = "readyz-probe"


def check_database() -> None:
    connection = connections["default"]
    try:
        connection.ensure_connection()
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            if cursor.fetchone()[0] != 1:
                raise RuntimeError("SELECT 1 did not return 1")
    finally:
        # Runs in its own thread: do not leave a persistent connection behind.
        connection.close()


def check_cache() -> None:
    # The Redis backend turns an outage into misses (cms/redis_cache.py), so a value must
    # come back, not merely no exception.
    cache = caches["default"]
    key = f"readyz:{uuid.uuid4().hex}"
    value = uuid.uuid4().hex
    cache.set(key, value, timeout=10)
    if cache.get(key) != value:
        raise RuntimeError("the cache did not keep a value")
    cache.delete(key)


def check_storage() -> None:
    storage = storages["default"]
    if isinstance(storage, FileSystemStorage):
        if not os.path.isdir(storage.location):
            raise RuntimeError("the media directory does not exist")
    else:
        # A HEAD request on object storage (listing would be slow on a large bucket).
        storage.exists(PROBE_NAME)


CHECKS: dict[str, Callable[[], None]] = {
    "database": check_database,
    "cache": check_cache,
    "storage": check_storage,
}


class Check(threading.Thread):
    """One check in its own thread, so that a hung backend costs the timeout, no more."""

    def __init__(self, name: str, check: Callable[[], None]) -> None:
        super().__init__(name=f"readyz-{name}", daemon=True)
        self.check_name = name
        self.check = check
        self.state = "timeout"  # until the check returns
        # The request's id goes on the check's log lines too.
        self.context = contextvars.copy_context()

    def run(self) -> None:
        self.context.run(self.run_check)

    def run_check(self) -> None:
        try:
            self.check()
        except Exception:
            logger.warning("Readiness check %s failed", self.check_name, exc_info=True)
            self.state = "failed"
        else:
            self.state = "ok"


@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "ok"})


@never_cache
@require_safe
def readyz(request: HttpRequest) -> JsonResponse:
    timeout = float(getattr(settings, "READINESS_TIMEOUT", DEFAULT_TIMEOUT))
    running = [Check(name, check) for name, check in CHECKS.items()]
    for check in running:
        check.start()  # concurrently: the whole answer takes at most about one timeout
    deadline = time.monotonic() + timeout
    for check in running:
        check.join(max(0.0, deadline - time.monotonic()))
    checks = {check.check_name: check.state for check in running}
    for name, state in checks.items():
        if state == "timeout":
            logger.warning("Readiness check %s timed out after %ss", name, timeout)
    ready = all(state == "ok" for state in checks.values())
    return JsonResponse(
        {"status": "ok" if ready else "unavailable", "checks": checks},
        status=200 if ready else 503,
    )


class HealthProbeMiddleware:
    """Answers /healthz and /readyz before anything reads the request's host.

    A load balancer or systemd probes an app server by its address
    (``http://10.0.0.11:8000/healthz``), which is not in ``ALLOWED_HOSTS``; Django would
    answer 400. The probes are safe to answer for any host: they build no URL from it, set no
    cookie and show nothing of the site. Every other path goes through the whole stack.
    """

    PROBES = {"/healthz": healthz, "/readyz": readyz}

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        probe = self.PROBES.get(request.path_info)
        if probe is not None:
            return probe(request)
        return self.get_response(request)
