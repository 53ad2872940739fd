import time

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Publish and expire scheduled content: runs Wagtail's publish_scheduled every minute. "
        "`make run` starts it beside the development server; in production run it as a "
        "service, or run `manage.py publish_scheduled` from cron every minute instead."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--interval", type=int, default=60, help="Seconds between runs.")
        parser.add_argument("--once", action="store_true", help="Run once and exit.")

    def handle(self, *args, interval: int = 60, once: bool = False, **options) -> None:
        while True:
            started = time.monotonic()
            self.tick()
            if once:
                return
            time.sleep(max(1.0, interval - (time.monotonic() - started)))

    def tick(self) -> None:
        try:
            call_command("publish_scheduled", verbosity=0)
        except Exception as error:  # one failed run must not stop the next ones
            self.stderr.write(f"publish_scheduled failed: {error!r}")
