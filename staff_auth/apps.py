from django.apps import AppConfig


class StaffAuthConfig(AppConfig):
    """How clinic staff sign in to the Wagtail admin: lockout, two-factor, session expiry."""

    name = "staff_auth"
    verbose_name = "Staff sign-in"

    def ready(self):
        from staff_auth import checks, otp_secrets  # noqa: F401  (checks registers itself)

        otp_secrets.install()
