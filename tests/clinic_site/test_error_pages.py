"""400, 403, 404 and 500 responses: our own pages, with nothing internal in them."""

from unittest import mock

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.test import Client

INTERNAL_MARKERS = [
    "Traceback",
    "Exception",
    "Error at",
    "settings.py",
    "site-packages",
    "DEBUG",
    "ALLOWED_HOSTS",
    "URLconf",
    "Request Method",
    "SECRET",
    "csrfmiddlewaretoken",
    "Reason given",
    "CSRF verification failed",
    "/work/",
]


def assert_reveals_nothing(response, *also_hidden):
    html = response.content.decode()
    for marker in [*INTERNAL_MARKERS, *also_hidden]:
        assert marker not in html, marker
    # Still a page in the site layout a patient can use.
    assert '<main id="main-content"' in html
    assert '<a href="/">Go to the home page</a>' in html or "home page" in html
    return html


def test_debug_is_off_in_the_test_settings():
    assert settings.DEBUG is False


def test_400_for_a_disallowed_host(db):
    response = Client().get("/", HTTP_HOST="attacker.example")
    assert response.status_code == 400
    html = assert_reveals_nothing(response, "attacker.example", "DisallowedHost")
    assert "could not understand that request" in html


def test_400_for_a_request_with_too_many_fields(db):
    fields = {f"field{i}": "x" for i in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1)}
    response = Client().post("/admin/login/", fields)
    assert response.status_code == 400
    assert_reveals_nothing(response, "TooManyFields", "DATA_UPLOAD_MAX_NUMBER_FIELDS")


def test_403_for_permission_denied_on_a_public_page(site_tree):
    denied = PermissionDenied("internal reason: staff-only flag on record 42")
    with mock.patch("content.models.HomePage.serve", side_effect=denied):
        response = Client().get("/")
    assert response.status_code == 403
    html = assert_reveals_nothing(response, "internal reason", "record 42")
    assert "you cannot open this page" in html


@pytest.mark.parametrize("url", ["/", "/admin/login/"])
def test_403_for_a_form_posted_without_its_csrf_token(site_tree, url):
    client = Client(enforce_csrf_checks=True)
    response = client.post(url, {"username": "someone", "password": "guess"})
    assert response.status_code == 403
    html = assert_reveals_nothing(response, "CSRF cookie not set", "Referer")
    assert "we could not accept that form" in html
    assert "allow cookies" in html  # the one useful hint


def test_404_does_not_echo_the_requested_path(site_tree):
    response = Client().get("/private-record-7731/<script>alert(1)</script>/")
    assert response.status_code == 404
    html = assert_reveals_nothing(response, "private-record-7731", "<script>alert(1)")
    assert "We can’t find that page" in html


def test_500_in_the_admin_shows_the_plain_error_page(superuser):
    client = Client(raise_request_exception=False)
    client.force_login(superuser)
    # Wagtail's own deliberate failure view raises an exception with a message.
    response = client.get("/admin/failwhale/")
    assert response.status_code == 500
    html = assert_reveals_nothing(response, "failwhale", "raise")
    assert "Sorry, something went wrong on our side" in html
