"""Production settings, loaded for real in a subprocess: transport security and cookies."""

import json

import pytest

from tests.support.subprocess_settings import run_python

PROBE = """
import json
import django
django.setup()
from django.conf import settings
from django.test import Client

client = Client()
secure = client.get("/healthz", secure=True, HTTP_HOST="clinic.example")
plain_page = client.get("/", HTTP_HOST="clinic.example")
plain_probe = client.get("/healthz", HTTP_HOST="clinic.example")
print(json.dumps({
    "secure_status": secure.status_code,
    "secure_headers": dict(secure.headers),
    "plain_page_status": plain_page.status_code,
    "plain_page_location": plain_page.get("Location"),
    "plain_probe_status": plain_probe.status_code,
    "plain_probe_hsts": plain_probe.get("Strict-Transport-Security"),
    "session_cookie": [settings.SESSION_COOKIE_NAME, settings.SESSION_COOKIE_SECURE,
                       settings.SESSION_COOKIE_HTTPONLY],
    "csrf_cookie": [settings.CSRF_COOKIE_NAME, settings.CSRF_COOKIE_SECURE],
}))
"""


def run_with_production_settings(code, **env):
    required = {
        "DJANGO_SETTINGS_MODULE": "clinic_site.settings.production",
        "SECRET_KEY": "probe-" + "x" * 50,
        "ALLOWED_HOSTS": "clinic.example",
        "DATABASE_URL": "sqlite://:memory:",
    }
    return run_python(code, {**required, **env}, drop=tuple(required))


@pytest.fixture(scope="module")
def production_probe():
    result = run_with_production_settings(PROBE)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_https_responses_carry_hsts_for_a_year_with_subdomains_and_preload(production_probe):
    assert production_probe["secure_status"] == 200
    hsts = production_probe["secure_headers"]["Strict-Transport-Security"]
    assert [part.strip() for part in hsts.split(";")] == [
        "max-age=31536000",
        "includeSubDomains",
        "preload",
    ]


def test_production_responses_keep_every_other_header(production_probe):
    headers = production_probe["secure_headers"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in headers["Permissions-Policy"]
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]


def test_plain_http_is_redirected_except_the_load_balancer_probe(production_probe):
    assert production_probe["plain_page_status"] == 301
    assert production_probe["plain_page_location"] == "https://clinic.example/"
    assert production_probe["plain_probe_status"] == 200
    # HSTS is only meaningful (and only sent) over HTTPS.
    assert production_probe["plain_probe_hsts"] is None


def test_session_and_csrf_cookies_are_secure_host_only_cookies(production_probe):
    assert production_probe["session_cookie"] == ["__Host-sessionid", True, True]
    assert production_probe["csrf_cookie"] == ["__Host-csrftoken", True]


@pytest.mark.parametrize("value", ["false", "0", "off"])
def test_production_refuses_to_turn_off_two_factor(value):
    result = run_with_production_settings(
        "import clinic_site.settings.production", ADMIN_REQUIRE_TWO_FACTOR=value
    )
    assert result.returncode != 0
    assert "ADMIN_REQUIRE_TWO_FACTOR cannot be turned off in production" in result.stderr


@pytest.mark.parametrize("value", ["true", ""])
def test_production_requires_two_factor_whether_or_not_the_variable_is_set(value):
    code = (
        "import clinic_site.settings.production as settings; "
        "print(settings.ADMIN_REQUIRE_TWO_FACTOR, settings.AXES_ENABLED)"
    )
    result = run_with_production_settings(code, ADMIN_REQUIRE_TWO_FACTOR=value)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "True True"


TEMPLATE_LOADERS_PROBE = """
import json
import django
django.setup()
from django.template import engines
engine = engines["django"].engine
print(json.dumps([type(loader).__module__ + "." + type(loader).__name__
                  for loader in engine.template_loaders]))
"""


def test_production_compiles_each_template_once():
    """The cached template loader: templates are parsed once per process, not per
    request (Django's default without DEBUG or explicit loaders; this keeps it so)."""
    result = run_with_production_settings(TEMPLATE_LOADERS_PROBE)
    assert result.returncode == 0, result.stderr
    loaders = json.loads(result.stdout.strip().splitlines()[-1])
    assert loaders == ["django.template.loaders.cached.Loader"]


def test_production_refuses_a_site_data_cache_no_worker_shares():
    result = run_with_production_settings(
        "import clinic_site.settings.production", SITE_DATA_CACHE_ENABLED="true"
    )
    assert result.returncode != 0
    assert "SITE_DATA_CACHE_ENABLED needs REDIS_URL" in result.stderr


@pytest.mark.parametrize(("redis_url", "expected"), [("", "False"), ("redis://x:6379/1", "True")])
def test_production_keeps_site_data_in_the_cache_only_when_it_is_shared(redis_url, expected):
    code = "import clinic_site.settings.production as s; print(s.SITE_DATA_CACHE_ENABLED)"
    result = run_with_production_settings(code, REDIS_URL=redis_url)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == expected
