from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from cms.authentication import two_factor


class Command(BaseCommand):
    help = (
        "Forget a user's authenticator app and recovery codes (lost phone); the user sets "
        "two-factor sign-in up again at the next sign-in. For when no superuser can sign in."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("username")

    def handle(self, *args, username: str, **options) -> None:
        try:
            user = get_user_model().objects.get_by_natural_key(username)
        except get_user_model().DoesNotExist as error:
            raise CommandError(f"No user named {username!r}.") from error
        two_factor.remove(user)
        self.stdout.write(f"Two-factor sign-in of {username} reset.")
