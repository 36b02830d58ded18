"""Reset a staff member's two-factor sign-in after a lost phone (and lost backup codes).

Removes their authenticator and backup codes and signs them out everywhere; at their
next sign-in (password first) they set up a new authenticator. Prints nothing secret.
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from staff_auth import two_factor


class Command(BaseCommand):
    help = (
        "Remove a user's two-factor devices and end their sessions, so they set up "
        "two-factor sign-in again at their next login."
    )

    def add_arguments(self, parser):
        parser.add_argument("username", help="The account's username.")

    def handle(self, *args, username, **options):
        user_model = get_user_model()
        user = user_model.objects.filter(**{user_model.USERNAME_FIELD: username}).first()
        if user is None:
            raise CommandError(f"There is no account with the username {username!r}.")
        removed = two_factor.remove_devices(user)
        ended = two_factor.end_sessions(user)
        self.stdout.write(
            self.style.SUCCESS(
                f"Two-factor sign-in reset for {username}: {removed} device(s) removed, "
                f"{ended} session(s) ended. At their next sign-in they will set up an "
                f"authenticator app again and receive new backup codes."
            )
        )
