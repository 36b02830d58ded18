"""Middleware for staff sessions: the two-factor gate on /admin/ and the inactivity timeout."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.models import AnonymousUser
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from staff_auth import two_factor

LAST_ACTIVITY_SESSION_KEY = "staff_auth_last_activity"
SIGNED_IN_AT_SESSION_KEY = "staff_auth_signed_in_at"


class AdminTwoFactorMiddleware:
    """No admin URL without a second factor, when ``ADMIN_REQUIRE_TWO_FACTOR`` is on.

    A staff member who has given only a password is "half signed in". Under the admin
    prefix they may reach only the two-factor steps and sign-out; every other admin URL
    (the login page included, any method) redirects to set-up (no device yet) or to
    verification. Everywhere else they count as anonymous, so nothing outside the admin
    (private pages or documents, the user bar) trusts a password alone either.

    Must come after django_otp's OTPMiddleware, which marks verified users.
    """

    EXEMPT_URL_NAMES = [
        "staff_auth:setup",
        "staff_auth:verify",
        "staff_auth:verify_backup",
        "wagtailadmin_logout",
        # Static-like admin resources the two-factor pages load.
        "wagtailadmin_sprite",
        "wagtailadmin_javascript_catalog",
    ]

    def __init__(self, get_response):
        self.get_response = get_response
        self._exempt_paths = None

    @property
    def exempt_paths(self):
        if self._exempt_paths is None:
            self._exempt_paths = frozenset(reverse(name) for name in self.EXEMPT_URL_NAMES)
        return self._exempt_paths

    def __call__(self, request):
        if settings.ADMIN_REQUIRE_TWO_FACTOR and self._half_signed_in(request):
            if request.path_info.startswith(settings.ADMIN_URL_PREFIX):
                if request.path_info not in self.exempt_paths:
                    return self._second_factor_redirect(request)
            else:
                self._treat_as_anonymous(request)
        return self.get_response(request)

    @staticmethod
    def _half_signed_in(request) -> bool:
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return False  # no session, nobody signed in: skip the session lookup
        user = request.user
        return two_factor.is_staff(user) and not user.is_verified()

    def _second_factor_redirect(self, request):
        if two_factor.has_confirmed_device(request.user):
            url = reverse("staff_auth:verify")
        else:
            url = reverse("staff_auth:setup")
        # Come back here afterwards (the step views accept admin URLs only).
        if request.path_info == reverse("wagtailadmin_login"):
            next_url = request.GET.get("next", "")
        elif request.method in ("GET", "HEAD"):
            next_url = request.get_full_path()
        else:
            next_url = ""
        if next_url:
            url = f"{url}?{urlencode({'next': next_url})}"
        return redirect(url)

    @staticmethod
    def _treat_as_anonymous(request):
        request.user = AnonymousUser()

        async def anonymous_user():
            return AnonymousUser()

        request.auser = anonymous_user


class StaffSessionTimeoutMiddleware:
    """Signs a user out after ``STAFF_SESSION_IDLE_TIMEOUT`` seconds without a request, and
    ``STAFF_SESSION_ABSOLUTE_TIMEOUT`` seconds after the session's first signed-in request
    (stamped then; a new sign-in gets a new session and a new stamp).

    Only sessions of signed-in users carry the activity stamp, and it is rewritten at
    most once a minute, so anonymous visitors' sessions are never written because of it.
    """

    RESOLUTION_SECONDS = 60

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.SESSION_COOKIE_NAME in request.COOKIES and request.user.is_authenticated:
            now = int(time.time())
            last_activity = request.session.get(LAST_ACTIVITY_SESSION_KEY)
            signed_in_at = request.session.get(SIGNED_IN_AT_SESSION_KEY)
            if not isinstance(signed_in_at, int):
                request.session[SIGNED_IN_AT_SESSION_KEY] = signed_in_at = now
            absolute = getattr(settings, "STAFF_SESSION_ABSOLUTE_TIMEOUT", 12 * 60 * 60)
            if now - signed_in_at > absolute:
                logout(request)
                messages.info(
                    request,
                    "You were signed out because you signed in more than "
                    f"{absolute // 3600} hours ago. Please sign in again.",
                    fail_silently=True,
                )
            elif (
                isinstance(last_activity, int)
                and now - last_activity > settings.STAFF_SESSION_IDLE_TIMEOUT
            ):
                logout(request)
                messages.info(
                    request,
                    "You were signed out because you had not used the admin for a while.",
                    fail_silently=True,
                )
            elif not isinstance(last_activity, int) or (
                now - last_activity >= self.RESOLUTION_SECONDS
            ):
                request.session[LAST_ACTIVITY_SESSION_KEY] = now
        return self.get_response(request)
