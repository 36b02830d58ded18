"""Development: a missing page looks as it will in production, not like Django's debug 404.

With DEBUG on, Django answers a 404 with its technical page (the URL patterns tried).
That page hides what a visitor will see, so under `make run` this middleware answers with
the site's own 404 page (templates/404.html, through the project's 404 handler) instead.
DEBUG_404_PAGES=true in the environment brings Django's technical page back
(clinic_site/settings/dev.py).
"""

from django.http import Http404
from django.urls import get_resolver


def site_not_found_page(request, exception):
    """The response production gives: the URLconf's 404 handler (Django's default one)."""
    handler = get_resolver().resolve_error_handler(404)
    return handler(request, exception=exception)


class SiteNotFoundPageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # No view matched the path at all: Django already rendered its technical 404.
        if response.status_code == 404 and getattr(request, "resolver_match", None) is None:
            return site_not_found_page(request, Http404(request.path))
        return response

    def process_exception(self, request, exception):
        # A view (a Wagtail page lookup, get_object_or_404, ...) raised Http404.
        if isinstance(exception, Http404):
            return site_not_found_page(request, exception)
        return None
