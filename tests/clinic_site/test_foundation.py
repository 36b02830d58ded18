"""Smoke tests for the skeleton every other feature builds on."""

import re
from unittest import mock

import pytest
from django.db import OperationalError
from django.test import Client, override_settings

from tests.support.subprocess_settings import run_python


@pytest.fixture
def client():
    return Client()


def test_home_page_has_the_accessible_skeleton(client, site_tree):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en-GB">' in html
    assert 'class="skip-link" href="#main-content"' in html
    assert '<main id="main-content"' in html
    assert re.search(r"<header[^>]*>", html)
    assert re.search(r'<nav[^>]*aria-label="Main"', html)
    assert re.search(r"<footer[^>]*>", html)
    assert "not medical advice" in html
    # The footer shows the clinic's contact details from the site setting.
    assert "+44 20 7946 0000" in html


def test_healthz_reports_ok_while_the_database_answers(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]


def test_healthz_reports_unavailable_when_the_database_fails(client, db):
    with mock.patch("clinic_site.views.connection.cursor", side_effect=OperationalError("down")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == "unavailable"
    assert "down" not in response.content.decode()


def test_unknown_page_gets_our_404_in_the_site_layout(client, site_tree):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "We can’t find that page" in html
    assert '<main id="main-content"' in html


def test_server_error_page_reveals_nothing(site_tree):
    client = Client(raise_request_exception=False)
    with mock.patch(
        "content.models.HomePage.serve", side_effect=RuntimeError("secret internal detail")
    ):
        response = client.get("/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Sorry, something went wrong" in html
    assert "secret internal detail" not in html
    assert "Traceback" not in html


def _load_production_settings(env):
    code = "import clinic_site.settings.production as s; print(s.DEBUG, s.ALLOWED_HOSTS)"
    return run_python(code, env, drop=("SECRET_KEY", "DATABASE_URL"))


def test_production_settings_refuse_to_load_without_secret_key():
    result = _load_production_settings(
        {"ALLOWED_HOSTS": "clinic.example", "DATABASE_URL": "postgres://u@h/db"}
    )
    assert result.returncode != 0
    assert "SECRET_KEY is required" in result.stderr


def test_production_settings_load_with_the_required_variables():
    result = _load_production_settings(
        {
            "SECRET_KEY": "x" * 50,
            "ALLOWED_HOSTS": "clinic.example,www.clinic.example",
            "DATABASE_URL": "postgres://u@h/db",
        }
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False ['clinic.example', 'www.clinic.example']"


def test_site_serves_its_own_stylesheet(client, site_tree):
    html = client.get("/").content.decode()
    match = re.search(r'<link rel="stylesheet" href="([^"]+)"', html)
    assert match, "the page links a stylesheet"
    href = match.group(1)
    assert href.startswith("/static/")
    css = client.get(href)
    assert css.status_code == 200
    assert b".skip-link" in b"".join(css.streaming_content)


@override_settings(ALLOWED_HOSTS=["testserver"])
def test_pages_make_no_third_party_requests(client, site_tree):
    for url in ["/", "/no-such-page/"]:
        html = client.get(url).content.decode()
        # What the browser fetches or posts to on its own: scripts, images, stylesheets,
        # forms. A plain link (<a href>) to a public register is only followed on a click.
        html = re.sub(r"<a\s[^>]*>", "", html)
        origins = set(re.findall(r"""(?:src|href|action|srcset)=["'](https?://[^/"']+)""", html))
        assert origins <= {"http://testserver"}, (url, origins)
