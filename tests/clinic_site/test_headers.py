"""Every security header, on public pages, the questionnaire prefix and the admin."""

import re

import pytest
from django.conf import settings
from django.http import HttpResponse
from django.template import engines
from django.test import Client, RequestFactory
from django.urls import reverse

from clinic_site.middleware import SecurityHeadersMiddleware
from tests.support.security import UNSAFE_SOURCE_KEYWORDS, parse_csp

REQUIRED_PUBLIC_DIRECTIVES = {
    "default-src": ["'self'"],
    "frame-ancestors": ["'none'"],
    "form-action": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
}
DENIED_FEATURES = ["camera", "microphone", "geolocation", "payment", "usb", "browsing-topics"]
ACCEPTABLE_REFERRER_POLICIES = {
    "strict-origin-when-cross-origin",
    "strict-origin",
    "same-origin",
    "no-referrer",
}


def assert_headers_every_response_needs(response):
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] in ACCEPTABLE_REFERRER_POLICIES
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    permissions = {item.strip() for item in response["Permissions-Policy"].split(",")}
    for feature in DENIED_FEATURES:
        assert f"{feature}=()" in permissions, feature


def assert_strict_public_policy(response):
    header = response["Content-Security-Policy"]
    for keyword in UNSAFE_SOURCE_KEYWORDS:
        assert keyword not in header
    directives = parse_csp(header)
    for name, sources in REQUIRED_PUBLIC_DIRECTIVES.items():
        assert directives.get(name) == sources, (name, directives.get(name))
    # Scripts and styles: our own origin only (plus a per-response nonce when one is used).
    for name in ("script-src", "style-src"):
        extra = [s for s in directives[name] if s != "'self'" and not s.startswith("'nonce-")]
        assert extra == [], (name, extra)
    # No other origin, wildcard or scheme source anywhere except data: images.
    for name, sources in directives.items():
        for source in sources:
            assert "*" not in source and "://" not in source, (name, source)
            assert source not in {"http:", "https:", "blob:"}, (name, source)
            assert source != "data:" or name == "img-src", (name, source)


@pytest.mark.parametrize(("url", "status"), [("/", 200), ("/no-such-page/", 404)])
def test_public_pages_send_every_header_and_the_strict_policy(site_tree, url, status):
    response = Client().get(url)
    assert response.status_code == status
    assert_headers_every_response_needs(response)
    assert_strict_public_policy(response)
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize("url", ["/screening/", "/screening/step/1/", "/screening/result/"])
def test_questionnaire_urls_are_never_cached(site_tree, url):
    """The prefix rule covers the questionnaire before and after it exists (even its 404s)."""
    response = Client().get(url)
    assert "no-store" in response["Cache-Control"]
    assert_headers_every_response_needs(response)
    assert_strict_public_policy(response)


def test_public_home_page_may_be_cached_but_is_not_forced_no_store(site_tree):
    assert "no-store" not in Client().get("/").get("Cache-Control", "")


def assert_admin_policy(response, frame_ancestors="'none'"):
    header = response["Content-Security-Policy"]
    directives = parse_csp(header)
    assert "'unsafe-eval'" not in header
    assert directives["default-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]
    assert directives["form-action"] == ["'self'"]
    assert directives["frame-ancestors"] == [frame_ancestors]
    # Looser only where Wagtail needs it, and never towards another origin.
    for sources in directives.values():
        for source in sources:
            assert "*" not in source and "://" not in source, source
    assert "no-store" in response["Cache-Control"]


def test_admin_login_page_gets_the_admin_policy_and_no_store(db):
    response = Client().get("/admin/login/")
    assert response.status_code == 200
    assert_headers_every_response_needs(response)
    assert_admin_policy(response)
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize(
    "url", ["/admin/", "/admin/pages/", "/admin/users/", "/admin/account/", "/admin/images/"]
)
def test_authenticated_admin_pages_get_the_admin_policy_and_no_store(site_tree, superuser, url):
    client = Client()
    client.force_login(superuser)
    response = client.get(url)
    assert response.status_code == 200
    assert_headers_every_response_needs(response)
    assert_admin_policy(response)
    assert response["X-Frame-Options"] == "DENY"


def test_only_the_page_preview_may_be_framed_and_only_by_the_admin(site_tree, superuser):
    client = Client()
    client.force_login(superuser)
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[site_tree.root_page_id])
    response = client.get(url)
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert_admin_policy(response, frame_ancestors="'self'")


def test_the_public_policy_is_separate_from_the_admin_policy():
    public = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
    assert public is not settings.ADMIN_CONTENT_SECURITY_POLICY
    assert "'unsafe-inline'" in settings.ADMIN_CONTENT_SECURITY_POLICY["script-src"]
    assert not any("unsafe" in str(s) for sources in public.values() for s in sources)


def _render_through_middleware(template_source):
    """A public response built by the real CSP + header middleware around a tiny view."""
    from clinic_site.middleware import CSPMiddleware

    template = engines["django"].from_string(template_source)

    def view(request):
        return HttpResponse(template.render({}, request))

    chain = CSPMiddleware(SecurityHeadersMiddleware(view))
    return chain(RequestFactory().get("/a-public-page/"))


def test_an_inline_script_can_carry_a_nonce_that_the_policy_allows():
    response = _render_through_middleware(
        '<script nonce="{{ request.csp_nonce }}">document.documentElement.className="js"</script>'
    )
    html = response.content.decode()
    nonce = html.split('nonce="', 1)[1].split('"', 1)[0]
    assert len(nonce) >= 16
    assert f"'nonce-{nonce}'" in parse_csp(response["Content-Security-Policy"])["script-src"]


def test_no_nonce_in_the_policy_of_a_page_that_does_not_use_one():
    response = _render_through_middleware("<p>No scripts here.</p>")
    assert "nonce-" not in response["Content-Security-Policy"]


AUTO_LOADED_URL = re.compile(
    r"""(?:<(?:script|img|iframe|source|video|audio|embed|object)\b[^>]*\s(?:src|srcset|data|poster)"""
    r"""|<link\b[^>]*\shref)=["'](https?:)?//([^/"']+)""",
    re.IGNORECASE,
)


@pytest.mark.parametrize("url", ["/admin/", "/admin/account/", "/admin/users/", "/admin/pages/"])
def test_admin_pages_load_nothing_from_another_origin(site_tree, superuser, url):
    """No Gravatar, no update check, no CDN: the admin talks to our server only."""
    client = Client()
    client.force_login(superuser)
    html = client.get(url, follow=True).content.decode()
    origins = {match[1] for match in AUTO_LOADED_URL.findall(html)}
    assert origins <= {"testserver"}, origins
    assert "gravatar" not in html.lower()
    assert "releases.wagtail.io" not in html
    assert settings.WAGTAIL_GRAVATAR_PROVIDER_URL is None
    assert settings.WAGTAIL_ENABLE_UPDATE_CHECK is False


def test_the_policy_built_once_is_django_csps_and_follows_the_settings(settings):
    from csp.utils import build_policy

    first = _render_through_middleware("<p>No scripts here.</p>")
    again = _render_through_middleware("<p>Nor here.</p>")
    assert first["Content-Security-Policy"] == again["Content-Security-Policy"] == build_policy()
    settings.CONTENT_SECURITY_POLICY = {
        "DIRECTIVES": {**settings.CONTENT_SECURITY_POLICY["DIRECTIVES"], "img-src": ["'self'"]}
    }
    changed = _render_through_middleware("<p>No scripts here.</p>")
    assert parse_csp(changed["Content-Security-Policy"])["img-src"] == ["'self'"]
    # A nonce after that still goes through django-csp, per response.
    with_nonce = _render_through_middleware('<script nonce="{{ request.csp_nonce }}"></script>')
    assert "'nonce-" in with_nonce["Content-Security-Policy"]
