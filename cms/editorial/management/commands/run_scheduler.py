import time

from django.core.management import call_command
from django.core.management.base import BaseCommand

from cms.syndication.changes import purge as purge_changes
from cms.syndication.webhooks import deliver_due

WEBHOOK_INTERVAL = 5


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
        next_tick = 0.0
        while True:
            if time.monotonic() >= next_tick:
                next_tick = time.monotonic() + interval
                self.tick()
            # Webhooks go out within seconds of a change, not at the next minute.
            self.deliver_webhooks()
            if once:
                return
            time.sleep(max(1.0, min(WEBHOOK_INTERVAL, next_tick - time.monotonic())))

    def tick(self) -> None:
        try:
            call_command("publish_scheduled", verbosity=0)
        except Exception as error:  # one failed run must not stop the next ones
            self.stderr.write(f"publish_scheduled failed: {error!r}")
        try:
            purge_changes()
        except Exception as error:
            self.stderr.write(f"purging old change events failed: {error!r}")

    def deliver_webhooks(self) -> None:
        try:
            deliver_due()
        except Exception as error:
            self.stderr.write(f"webhook delivery failed: {error!r}")
