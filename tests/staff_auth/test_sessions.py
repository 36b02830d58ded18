"""Staff sessions end with the browser and after 8 hours without activity."""

import time

import pytest
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.test import Client

from staff_auth.middleware import LAST_ACTIVITY_SESSION_KEY
from tests.support.auth import STAFF_PASSWORD

EIGHT_HOURS = 8 * 60 * 60


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


def test_the_idle_limit_is_eight_hours():
    assert settings.STAFF_SESSION_IDLE_TIMEOUT == EIGHT_HOURS
    assert settings.SESSION_COOKIE_AGE <= EIGHT_HOURS


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


def test_activity_within_eight_hours_keeps_the_session(site_tree, signed_in):
    client, _ = signed_in
    client.get("/admin/")
    set_last_activity(client, EIGHT_HOURS - 60)
    assert client.get("/admin/").status_code == 200
    # The request counted as activity: the stamp moved to now.
    assert abs(client.session[LAST_ACTIVITY_SESSION_KEY] - time.time()) < 60


def test_eight_hours_without_a_request_signs_the_user_out(site_tree, signed_in):
    client, _ = signed_in
    client.get("/admin/")
    set_last_activity(client, EIGHT_HOURS + 1)
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert SESSION_KEY not in client.session
    login_page = client.get(response["Location"]).content.decode()
    assert "signed out because you had not used the admin for a while" in login_page


def test_an_idle_session_is_also_ended_on_public_pages(site_tree, signed_in):
    client, _ = signed_in
    client.get("/admin/")
    set_last_activity(client, EIGHT_HOURS + 1)
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
    assert 0 < client.session.get_expiry_age() <= EIGHT_HOURS
    assert client.session.get_expire_at_browser_close()
