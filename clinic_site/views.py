"""Operational endpoints and error handlers that are not content pages."""

import logging

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.template import loader
from django.templatetags.static import static
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_safe

from content.site_cache import without_site_data

logger = logging.getLogger(__name__)


@never_cache
@require_safe
@without_site_data
def healthz(request):
    """For load balancers: 200 while the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.warning("Health check failed: the database did not answer")
        return JsonResponse({"status": "unavailable", "database": "error"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@without_site_data
def bench_baseline(request):
    """The smallest Django response, for `make bench` only (see settings/bench.py)."""
    return HttpResponse("ok", content_type="text/plain")


def server_error(request):
    """A 500 page that needs neither the database nor a request context."""
    return HttpResponseServerError(loader.get_template("500.html").render())


# The web app manifest: the name a phone shows under the home-screen icon, and the icons.
# A view rather than a static file, so the clinic's name comes from its settings and the
# icon URLs are the hashed, long-cached ones the manifest static storage writes (that
# storage rewrites URLs inside CSS, not inside JSON).
MANIFEST_ICONS = (
    ("img/icons/icon-192.png", "192x192", "any"),
    ("img/icons/icon-512.png", "512x512", "any"),
    ("img/icons/icon-maskable-512.png", "512x512", "maskable"),
    ("img/icons/favicon.svg", "any", "any"),
)
THEME_COLOUR = "#0b5566"


@require_safe
@cache_control(public=True, max_age=60 * 60 * 24)
def web_manifest(request):
    from wagtail.models import Site

    from content.site_settings import ClinicSettings

    name = "Northgate Hair Clinic"
    if Site.find_for_request(request) is not None:  # none yet on a fresh database
        name = ClinicSettings.for_request(request).clinic_name or name
    manifest = {
        "name": name,
        "short_name": name.split()[0] if len(name) > 12 else name,
        "description": "Plain information about regenerative hair treatment, and a short "
        "questionnaire to see whether a consultation may be worthwhile.",
        "lang": "en-GB",
        "dir": "ltr",
        "start_url": "/",
        "scope": "/",
        "display": "minimal-ui",
        "theme_color": THEME_COLOUR,
        "background_color": "#ffffff",
        "icons": [
            {
                "src": static(path),
                "sizes": sizes,
                "type": "image/svg+xml" if path.endswith(".svg") else "image/png",
                "purpose": purpose,
            }
            for path, sizes, purpose in MANIFEST_ICONS
        ],
    }
    return JsonResponse(manifest, content_type="application/manifest+json")


def throttled_page_password(request, page_view_restriction_id, page_id):
    """Wagtail's password form for a private page, with a per-client limit on tries.

    Without one, a page password (often short, shared by a group) could be guessed at
    full speed. Every POST counts (``PAGE_PASSWORD_RATE``, default 10 an hour per client
    address or IPv6 /64)."""
    from django.shortcuts import render
    from wagtail.views import authenticate_with_password

    from clinic_site.ratelimit import hit, parse_rate

    if request.method == "POST":
        rate = parse_rate(getattr(settings, "PAGE_PASSWORD_RATE", "10/hour"), "PAGE_PASSWORD_RATE")
        verdict = hit(request, "page-password", rate)
        if not verdict.allowed:
            minutes = max(1, -(-verdict.retry_after // 60))
            response = render(
                request,
                "429.html",
                {"minutes": "1 minute" if minutes == 1 else f"{minutes} minutes"},
                status=429,
            )
            response["Retry-After"] = str(verdict.retry_after)
            return response
    return authenticate_with_password(request, page_view_restriction_id, page_id)


def post_only_admin_logout(request, *args, **kwargs):
    """Wagtail's sign-out, for POST only: a GET (a link or an image on another site) must
    not sign anyone out. Wagtail's own view deletes the session cookie even when it
    refuses the method, so the refusal happens before it."""
    from django.http import HttpResponseNotAllowed
    from wagtail.admin.views.account import LogoutView

    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    return LogoutView.as_view()(request, *args, **kwargs)
