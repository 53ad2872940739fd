"""Liveness and readiness probes for load balancers, systemd and monitoring.

``/healthz``: the process answers (touches neither the database nor the cache).
``/readyz``: the database, the default cache and the default file storage answer, each within
``READINESS_TIMEOUT`` seconds; 200 when all do, 503 naming the one(s) that did not. The body
names each check and its state only: errors go to the log, never to the response.
"""

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
from django.http import HttpRequest, JsonResponse
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

    def run(self) -> None:
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
