from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from home.demo.loader import DEMO_PASSWORD, DEMO_USERS, DemoLoader


class Command(BaseCommand):
    help = "Load the Vietnamese demo site. Running it again creates nothing new."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load even when DEBUG is off (the demo users have a published password).",
        )

    def handle(self, *args, force: bool = False, **options) -> None:
        if not settings.DEBUG and not force:
            raise CommandError(
                "The demo users have a published password: use --force to load the demo "
                "with DEBUG off."
            )
        created = DemoLoader(log=self.stdout.write).load()
        if created:
            call_command("update_index", verbosity=0)
            # The renditions and the reference index the demo queued, made now: the demo is
            # complete before its first reader, worker or not.
            call_command("run_worker", batch=True, periodic=False, verbosity=0)
            self.stdout.write(self.style.SUCCESS(f"Demo content: {created} objects created."))
        else:
            self.stdout.write("Demo content already loaded; nothing created.")
        logins = ", ".join(f"{username} ({group})" for username, _, group in DEMO_USERS)
        self.stdout.write(f"Demo logins, password {DEMO_PASSWORD}: admin (superuser), {logins}")
