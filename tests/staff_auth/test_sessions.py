"""Staff sessions end with the browser, after 30 minutes without activity and 12 hours
after signing in (issue 15)."""

import time

import pytest
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.test import Client

from staff_auth.middleware import LAST_ACTIVITY_SESSION_KEY, SIGNED_IN_AT_SESSION_KEY
from tests.support.auth import STAFF_PASSWORD

IDLE_LIMIT = 30 * 60
ABSOLUTE_LIMIT = 12 * 60 * 60


@pytest.fixture
def signed_in(superuser):
    client = Client()
    response = client.post(
        "/admin/login/", {"username": superuser.username, "password": STAFF_PASSWORD}
    )
    assert response.status_code == 302
    return client, response


def set_last_activity(client, seconds_ago):
    session = client.session
    session[LAST_ACTIVITY_SESSION_KEY] = int(time.time()) - seconds_ago
    session.save()


def test_the_limits_are_thirty_minutes_idle_and_twelve_hours_absolute():
    assert settings.STAFF_SESSION_IDLE_TIMEOUT == IDLE_LIMIT
    assert settings.STAFF_SESSION_ABSOLUTE_TIMEOUT == ABSOLUTE_LIMIT
    assert settings.SESSION_COOKIE_AGE <= ABSOLUTE_LIMIT


def test_twelve_hours_after_signing_in_the_session_ends_even_when_active(site_tree, signed_in):
    client, _ = signed_in
    client.get("/admin/")
    session = client.session
    session[SIGNED_IN_AT_SESSION_KEY] = int(time.time()) - ABSOLUTE_LIMIT - 1
    session[LAST_ACTIVITY_SESSION_KEY] = int(time.time()) - 5
    session.save()
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert SESSION_KEY not in client.session
    assert "signed in more than 12 hours ago" in client.get(response["Location"]).content.decode()


def test_eleven_hours_after_signing_in_an_active_session_goes_on(site_tree, signed_in):
    client, _ = signed_in
    client.get("/admin/")
    session = client.session
    session[SIGNED_IN_AT_SESSION_KEY] = int(time.time()) - 11 * 60 * 60
    session.save()
    assert client.get("/admin/").status_code == 200


@pytest.mark.parametrize("remember", [None, "on"])
def test_the_session_cookie_ends_with_the_browser(superuser, remember):
    data = {"username": superuser.username, "password": STAFF_PASSWORD}
    if remember:
        data["remember"] = remember  # Wagtail's "Remember me" is gone; posting it changes nothing
    response = Client().post("/admin/login/", data)
    assert response.status_code == 302
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["max-age"] == "" and cookie["expires"] == ""


def test_the_login_page_offers_no_remember_me(db):
    html = Client().get("/admin/login/").content.decode()
    assert 'name="remember"' not in html
    assert "Remember me" not in html
    assert 'name="username"' in html and 'name="password"' in html


def test_activity_within_thirty_minutes_keeps_the_session(site_tree, signed_in):
    client, _ = signed_in
    client.get("/admin/")
    set_last_activity(client, IDLE_LIMIT - 60)
    assert client.get("/admin/").status_code == 200
    # The request counted as activity: the stamp moved to now.
    assert abs(client.session[LAST_ACTIVITY_SESSION_KEY] - time.time()) < 60


def test_thirty_minutes_without_a_request_signs_the_user_out(site_tree, signed_in):
    client, _ = signed_in
    client.get("/admin/")
    set_last_activity(client, IDLE_LIMIT + 1)
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert SESSION_KEY not in client.session
    login_page = client.get(response["Location"]).content.decode()
    assert "signed out because you had not used the admin for a while" in login_page


def test_an_idle_session_is_also_ended_on_public_pages(site_tree, signed_in):
    client, _ = signed_in
    client.get("/admin/")
    set_last_activity(client, IDLE_LIMIT + 1)
    client.get("/")
    assert SESSION_KEY not in client.session


def test_the_activity_stamp_is_rewritten_at_most_once_a_minute(site_tree, signed_in):
    client, _ = signed_in
    client.get("/admin/")
    set_last_activity(client, 10)
    stamp = client.session[LAST_ACTIVITY_SESSION_KEY]
    client.get("/admin/")
    assert client.session[LAST_ACTIVITY_SESSION_KEY] == stamp


def test_anonymous_visitors_get_no_session_and_no_write(site_tree):
    client = Client()
    for url in ["/", "/no-such-page/", "/admin/login/"]:
        response = client.get(url)
        assert settings.SESSION_COOKIE_NAME not in response.cookies, url


def test_the_server_side_session_expires_too(site_tree, signed_in):
    """Even a copied cookie stops working: the stored session has the same lifetime."""
    client, _ = signed_in
    client.get("/admin/")
    assert 0 < client.session.get_expiry_age() <= ABSOLUTE_LIMIT
    assert client.session.get_expire_at_browser_close()
