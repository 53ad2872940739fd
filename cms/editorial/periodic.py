"""Periodic jobs, run by one worker at a time (``manage.py run_worker``, README "Operations").

- every 60 s: Wagtail's ``publish_scheduled`` (scheduled publishing and expiry), the purge
  of old change events, and tasks abandoned by a killed worker put back in the queue;
- every 5 s: webhook deliveries that are due (retries, and any whose task was lost);
- every day: finished task results older than a week (failed ones: a month) deleted.

Every worker tries to take ``PeriodicLock`` before the jobs: the one that holds it runs them,
the others only run tasks, and when that worker stops another takes over within a second.
On PostgreSQL the lock is a session advisory lock (released by the server when the worker's
connection goes, however it dies); elsewhere (SQLite: one machine) a lock on a file beside
the data (``VAR_DIR/periodic-jobs.lock``).
"""

import fcntl
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.db.backends.base.base import BaseDatabaseWrapper
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
from django_tasks_db import DatabaseBackend

from cms.syndication.changes import purge as purge_changes
from cms.syndication.webhooks import deliver_due
from cms.task_queue import requeue_abandoned

logger = logging.getLogger(__name__)

# Any constant shared by every worker; 'peri' in ASCII.
ADVISORY_LOCK_KEY = 0x70657269
# A task still running after this long lost its worker (none of ours takes minutes).
ABANDONED_AFTER = timedelta(minutes=30)


def publish_scheduled() -> None:
    call_command("publish_scheduled", verbosity=0)


def prune_task_results() -> None:
    if not isinstance(task_backends[DEFAULT_TASK_BACKEND_ALIAS], DatabaseBackend):
        return  # tasks run in-process: nothing is kept
    call_command(
        "prune_db_task_results",
        queue_name="*",
        min_age_days=7,
        failed_min_age_days=30,
        verbosity=0,
    )


@dataclass
class Job:
    name: str
    every: float  # seconds
    run: Callable[[], object]
    next_at: float = 0.0


def default_jobs() -> list[Job]:
    return [
        Job("publish_scheduled", 60, publish_scheduled),
        Job("purge_change_events", 60, purge_changes),
        Job("requeue_abandoned_tasks", 60, lambda: requeue_abandoned(ABANDONED_AFTER)),
        Job("deliver_webhooks", 5, deliver_due),
        Job("prune_task_results", 24 * 3600, prune_task_results),
    ]


class PeriodicLock:
    """Held by one process at a time; ``held()`` takes it when free, and says who has it."""

    def __init__(self, using: BaseDatabaseWrapper | None = None) -> None:
        self.database = using if using is not None else connection
        self._connection = None  # the DB-API connection that holds the advisory lock
        self._file = None

    def held(self) -> bool:
        if self.database.vendor == "postgresql":
            return self._held_advisory()
        return self._held_file()

    def _held_advisory(self) -> bool:
        self.database.ensure_connection()
        raw = self.database.connection
        with self.database.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(%s)", [ADVISORY_LOCK_KEY])
            got = cursor.fetchone()[0]
            if got and raw is self._connection:
                # Held already on this connection: keep a single hold.
                cursor.execute("SELECT pg_advisory_unlock(%s)", [ADVISORY_LOCK_KEY])
        if got and raw is not self._connection:
            logger.info("This worker now runs the periodic jobs.")
        self._connection = raw if got else None
        return got

    def _held_file(self) -> bool:
        if self._file is not None:
            return True
        settings.VAR_DIR.mkdir(parents=True, exist_ok=True)
        lock_file = open(settings.VAR_DIR / "periodic-jobs.lock", "a")  # noqa: SIM115
        try:
            fcntl.flock(lock_file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            lock_file.close()
            return False
        self._file = lock_file
        logger.info("This worker now runs the periodic jobs.")
        return True

    def release(self) -> None:
        if self._connection is not None and self.database.connection is self._connection:
            with self.database.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [ADVISORY_LOCK_KEY])
        self._connection = None
        if self._file is not None:
            self._file.close()
            self._file = None


class PeriodicJobs:
    def __init__(self, jobs: list[Job] | None = None, lock: PeriodicLock | None = None) -> None:
        self.jobs = default_jobs() if jobs is None else jobs
        self.lock = lock

    def run_due(self) -> int:
        """Run the jobs whose time has come, if this process holds the lock (or needs none)."""
        now = time.monotonic()
        due = [job for job in self.jobs if now >= job.next_at]
        if not due or (self.lock is not None and not self.lock.held()):
            return 0
        for job in due:
            job.next_at = now + job.every
            try:
                job.run()
            except Exception:  # one failed job must not stop the others, or the next runs
                logger.exception("The periodic job %s failed.", job.name)
        return len(due)

    def seconds_to_next(self) -> float:
        return max(0.0, min(job.next_at for job in self.jobs) - time.monotonic())
