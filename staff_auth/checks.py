"""Deployment checks (`manage.py check --deploy`) for staff sign-in."""

from django.conf import settings
from django.core.checks import Error, Tags, register


@register(Tags.security, deploy=True)
def two_factor_is_required(app_configs, **kwargs):
    if getattr(settings, "ADMIN_REQUIRE_TWO_FACTOR", False) is True:
        return []
    return [
        Error(
            "ADMIN_REQUIRE_TWO_FACTOR is off: the admin accepts a password alone.",
            hint="Two-factor sign-in may only be turned off in development and tests.",
            id="staff_auth.E001",
        )
    ]


@register(Tags.security, deploy=True)
def login_lockout_is_enabled(app_configs, **kwargs):
    if getattr(settings, "AXES_ENABLED", True):
        return []
    return [
        Error(
            "AXES_ENABLED is off: nothing limits password guessing on the admin login.",
            id="staff_auth.E002",
        )
    ]


@register(Tags.security)
def password_reset_rate_is_valid(app_configs, **kwargs):
    from django.core.exceptions import ImproperlyConfigured

    from staff_auth.password_reset import reset_rate

    try:
        reset_rate()
    except ImproperlyConfigured as error:
        return [Error(str(error), id="staff_auth.E003")]
    return []
