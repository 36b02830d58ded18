"""Make sure a local staff account exists so a newcomer can open /admin/ straight away.

Development only: the command refuses to run unless DEBUG is on.
"""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from clinic_site import local_admin


class Command(BaseCommand):
    help = "Create the local 'admin' superuser with a generated password (dev only)."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument(
            "--reset-password",
            action="store_true",
            help="Generate and print a new password for an existing account.",
        )

    def handle(self, *args, username, reset_password, **options):
        if not settings.DEBUG:
            raise CommandError("ensure_local_admin is for local development (DEBUG on) only.")
        user_model = get_user_model()
        user = user_model.objects.filter(username=username).first()
        if user and not reset_password:
            self.stdout.write(
                f"Local admin '{username}' exists (the server's banner shows its password; "
                "a new one: make reset-admin-password)."
            )
            return
        password = secrets.token_urlsafe(12)
        if user is None:
            user = user_model.objects.create_superuser(
                username=username, email=f"{username}@localhost", password=password
            )
        else:
            user.set_password(password)
            user.save(update_fields=["password"])
        # Kept (owner-only, in var/) so `make run`'s last lines can show it again.
        local_admin.remember(user, password)
        self.stdout.write(
            self.style.SUCCESS(f"Local admin at /admin/: username {username}  password {password}")
        )
