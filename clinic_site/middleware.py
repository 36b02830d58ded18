"""Site-wide response headers that Django's own settings do not cover."""

from csp import middleware as csp_middleware
from csp import utils as csp_utils
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


# What django-csp's decorators and our admin policy set on a response to change its policy.
RESPONSE_POLICY_ATTRIBUTES = (
    *("_csp_config", "_csp_update", "_csp_replace"),
    *("_csp_config_ro", "_csp_update_ro", "_csp_replace_ro"),
)


class CSPMiddleware(csp_middleware.CSPMiddleware):
    """django-csp's middleware, with the site-wide policy header built once per process.

    django-csp builds the header on every response (a deep copy of the settings, sorting,
    joining): about 60 µs, a quarter of a minimal view's whole time here (bench/uncached.py,
    middleware audit). Most responses use the policy from settings unchanged and no nonce,
    so its header is always the same string: those responses get the string built the first
    time (again whenever the settings objects are replaced, as tests do). Anything else (a
    nonce, the admin's own policy, ``@csp_update`` and friends, report-only) goes through
    django-csp unchanged.
    """

    _built: tuple[object, str] | None = None

    def process_response(self, request, response):
        if not self._is_plain(request, response):
            return super().process_response(request, response)
        policy = self._site_policy()
        if (
            policy
            and csp_middleware.HEADER not in response
            and not request.path_info.startswith(self._excluded_prefixes())
        ):
            response[csp_middleware.HEADER] = policy
        # As django-csp does: a nonce asked for after the header is written is an error.
        request.csp_nonce = csp_middleware.CheckableLazyObject(self._csp_nonce_post_response)
        return response

    @staticmethod
    def _is_plain(request, response) -> bool:
        return (
            getattr(request, "_csp_nonce", None) is None
            and getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None) is None
            and not (settings.DEBUG and response.status_code in (404, 500))
            and getattr(response, "_csp_exempt", False) is False
            and all(getattr(response, name, None) is None for name in RESPONSE_POLICY_ATTRIBUTES)
        )

    @staticmethod
    def _excluded_prefixes() -> tuple[str, ...]:
        policy = getattr(settings, "CONTENT_SECURITY_POLICY", None) or {}
        return tuple(policy.get("EXCLUDE_URL_PREFIXES", None) or ())

    def _site_policy(self) -> str:
        source = getattr(settings, "CONTENT_SECURITY_POLICY", None)
        built = CSPMiddleware._built
        if built is None or built[0] is not source:
            built = CSPMiddleware._built = (source, csp_utils.build_policy())
        return built[1]
