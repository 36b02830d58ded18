"""Site-wide response headers that Django's own settings do not cover."""

from django.conf import settings


class SecurityHeadersMiddleware:
    """Adds Permissions-Policy everywhere and gives the Wagtail admin its own CSP.

    Sits inside django-csp's middleware: setting ``_csp_config`` here replaces the
    strict public policy for admin responses only, and keeps admin pages out of
    any shared or browser cache.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        if request.path_info.startswith(settings.ADMIN_URL_PREFIX):
            response._csp_config = settings.ADMIN_CONTENT_SECURITY_POLICY
            response.headers["Cache-Control"] = "no-store, private"
        return response
