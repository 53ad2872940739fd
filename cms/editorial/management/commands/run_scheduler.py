import time

from django.core.management.base import BaseCommand

from cms.editorial.periodic import PeriodicJobs, PeriodicLock


class Command(BaseCommand):
    help = (
        "Run the periodic jobs only (scheduled publishing and expiry, webhook retries, "
        "purges), without running queued tasks. `manage.py run_worker` runs them too; this "
        "is for setups that keep a separate scheduler. Several may run: one at a time does "
        "the work. --once runs every job once and exits (for cron or a test)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--once", action="store_true", help="Run every job once and exit.")

    def handle(self, *args, once: bool = False, **options) -> None:
        if once:
            PeriodicJobs().run_due()
            return
        lock = PeriodicLock()
        jobs = PeriodicJobs(lock=lock)
        try:
            while True:
                jobs.run_due()
                time.sleep(max(1.0, min(5.0, jobs.seconds_to_next())))
        finally:
            lock.release()
