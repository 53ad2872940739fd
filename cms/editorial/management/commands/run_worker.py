import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections
from django.utils.crypto import get_random_string
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
from django_tasks_db import DatabaseBackend
from django_tasks_db.management.commands.db_worker import Worker

from cms.editorial.periodic import PeriodicJobs, PeriodicLock
from cms.task_queue import claim_next


class Command(BaseCommand):
    help = (
        "Run the background tasks queued in the database (renditions, search indexing, "
        "webhook deliveries, e-mails) and, in one worker at a time, the periodic jobs "
        "(scheduled publishing and expiry every minute, webhook retries). `make run` starts "
        "it; in production run `make worker` on one or more servers."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--interval", type=float, default=1.0, help="Seconds between polls when idle."
        )
        parser.add_argument(
            "--batch", action="store_true", help="Run what is queued now, then exit."
        )
        parser.add_argument("--max-tasks", type=int, default=None, help="Exit after this many.")
        parser.add_argument(
            "--no-periodic",
            action="store_false",
            dest="periodic",
            help="Run tasks only, never the periodic jobs.",
        )

    def handle(
        self,
        *args,
        interval: float = 1.0,
        batch: bool = False,
        max_tasks: int | None = None,
        periodic: bool = True,
        **options,
    ) -> None:
        backend = task_backends[DEFAULT_TASK_BACKEND_ALIAS]
        if not isinstance(backend, DatabaseBackend):
            if options.get("verbosity", 1):
                self.stderr.write("TASKS runs tasks in-process here: there is no queue.")
            return
        worker_id = get_random_string(32)
        # django-tasks-db's worker runs each task and records its outcome; the loop is ours, so
        # that the periodic jobs run between tasks.
        worker = Worker(
            queue_names=["*"],
            interval=interval,
            batch=batch,
            backend_name=backend.alias,
            startup_delay=False,
            max_tasks=max_tasks,
            worker_id=worker_id,
            excluded_queue_names=[],
        )
        if not batch:
            # Ctrl-C or SIGTERM: the task under way finishes first.
            worker.configure_signals()
        lock = PeriodicLock()
        jobs = PeriodicJobs(lock=lock) if periodic else None
        ran = 0
        try:
            while worker.running:
                if jobs is not None:
                    jobs.run_due()
                close_old_connections()
                task_result = claim_next(backend.alias, worker_id)
                if task_result is not None:
                    worker.run_task(task_result)
                    ran += 1
                    if max_tasks is not None and ran >= max_tasks:
                        break
                elif batch:
                    break
                else:
                    time.sleep(interval)
        finally:
            lock.release()
        if options.get("verbosity", 1) > 1:
            self.stdout.write(f"Ran {ran} tasks.")
