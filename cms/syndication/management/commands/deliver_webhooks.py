import time

from django.core.management.base import BaseCommand

from cms.syndication.webhooks import deliver_due


class Command(BaseCommand):
    help = (
        "Send due webhook deliveries (signed POSTs of change events). `manage.py "
        "run_scheduler` already does it every few seconds; this runs it alone."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--loop", action="store_true", help="Keep running.")
        parser.add_argument("--interval", type=float, default=5, help="Seconds between runs.")

    def handle(self, *args, loop: bool = False, interval: float = 5, **options) -> None:
        while True:
            sent = deliver_due()
            if options["verbosity"] > 1:
                self.stdout.write(f"{sent} deliveries attempted")
            if not loop:
                return
            time.sleep(interval)
