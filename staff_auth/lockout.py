"""The page shown when django-axes has paused sign-in for a username from an address."""

from axes.helpers import get_cool_off
from django.conf import settings
from django.shortcuts import render
from wagtail.admin.views.account import password_reset_enabled


def lockout_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: the same page whether or not the username exists."""
    cool_off = get_cool_off(request)
    minutes = round(cool_off.total_seconds() / 60) if cool_off else None
    return render(
        request,
        "staff_auth/lockout.html",
        {"cooloff_minutes": minutes, "show_password_reset": password_reset_enabled()},
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )
