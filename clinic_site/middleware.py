"""Site-wide response headers that Django's own settings do not cover."""

from csp.constants import NONE, SELF
from django.conf import settings


class SecurityHeadersMiddleware:
    """Adds Permissions-Policy everywhere, the admin's own CSP, and no-store where data is private.

    Sits inside django-csp's middleware: setting ``_csp_config`` here replaces the
    strict public policy for admin responses only.

    * Admin responses may not be framed (``frame-ancestors 'none'``), except the
      page preview, which Wagtail marks ``X-Frame-Options: SAMEORIGIN`` because the
      editor shows it in an iframe; both headers then say "same origin only".
    * Responses under any ``NO_STORE_URL_PREFIXES`` entry (the admin, the
      questionnaire and its result) must never be written to a browser or proxy
      cache: they hold health data or staff-only views of it.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.no_store_prefixes = tuple(settings.NO_STORE_URL_PREFIXES)

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        path = request.path_info
        if path.startswith(settings.ADMIN_URL_PREFIX):
            policy = dict(settings.ADMIN_CONTENT_SECURITY_POLICY)
            framed_by_admin = response.get("X-Frame-Options", "").upper() == "SAMEORIGIN"
            policy["frame-ancestors"] = [SELF] if framed_by_admin else [NONE]
            response._csp_config = policy
        if path.startswith(self.no_store_prefixes):
            response.headers["Cache-Control"] = "no-store, private"
        return response
