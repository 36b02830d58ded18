"""Brute-force protection on the admin login (django-axes), through HTTP."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.core.management import call_command
from django.db.models import F
from django.test import Client, override_settings

from tests.support.auth import STAFF_PASSWORD
from tests.support.security import parse_csp

pytestmark = pytest.mark.usefixtures("axes_on")

LOGIN_URL = "/admin/login/"
ATTACKER_IP = "203.0.113.7"
OTHER_IP = "198.51.100.23"


@pytest.fixture
def axes_on():
    with override_settings(AXES_ENABLED=True):
        yield


def attempt(username, password, ip=ATTACKER_IP, client=None, **extra):
    client = client or Client(REMOTE_ADDR=ip)
    response = client.post(LOGIN_URL, {"username": username, "password": password}, **extra)
    return client, response


def fail(username, times, ip=ATTACKER_IP):
    return [attempt(username, f"wrong-guess-{n}", ip)[1] for n in range(times)]


def main_content(response):
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


def is_signed_in(client):
    return SESSION_KEY in client.session


def test_the_limit_is_five_failures_and_the_pause_thirty_minutes():
    assert settings.AXES_FAILURE_LIMIT == 5
    assert settings.AXES_COOLOFF_TIME.total_seconds() == 30 * 60
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"], "username"]
    assert settings.STAFF_ACCOUNT_FAILURE_LIMIT == 20


def test_failures_below_the_limit_get_the_normal_login_error(superuser):
    for response in fail(superuser.username, settings.AXES_FAILURE_LIMIT - 1):
        assert response.status_code == 200
        assert "match. Please try again" in response.content.decode()


def test_the_fifth_failure_locks_with_a_clear_message(superuser):
    responses = fail(superuser.username, settings.AXES_FAILURE_LIMIT)
    locked = responses[-1]
    assert locked.status_code == 429
    html = locked.content.decode()
    assert "Sign-in paused" in html
    assert "30 minutes" in html
    assert superuser.username not in html


def test_the_lockout_page_is_an_admin_page_with_admin_headers(superuser):
    locked = fail(superuser.username, settings.AXES_FAILURE_LIMIT)[-1]
    assert "no-store" in locked["Cache-Control"]
    assert parse_csp(locked["Content-Security-Policy"])["frame-ancestors"] == ["'none'"]
    assert locked["X-Frame-Options"] == "DENY"


def test_the_correct_password_is_refused_while_locked(superuser):
    fail(superuser.username, settings.AXES_FAILURE_LIMIT)
    client, response = attempt(superuser.username, STAFF_PASSWORD)
    assert response.status_code == 429
    assert not is_signed_in(client)


def test_a_username_that_does_not_exist_gets_the_identical_lockout(superuser):
    """The lockout reveals nothing about which usernames are real."""
    real = fail(superuser.username, settings.AXES_FAILURE_LIMIT)[-1]
    made_up = fail("no-such-person", settings.AXES_FAILURE_LIMIT)[-1]
    assert real.status_code == made_up.status_code == 429
    assert main_content(real) == main_content(made_up)


def test_other_users_from_the_same_address_are_not_affected(superuser, django_user_model):
    colleague = django_user_model.objects.create_superuser(
        "colleague", "colleague@clinic.example", STAFF_PASSWORD
    )
    fail(superuser.username, settings.AXES_FAILURE_LIMIT)
    client, response = attempt(colleague.username, STAFF_PASSWORD)
    assert response.status_code == 302
    assert is_signed_in(client)


def test_the_same_user_from_another_address_is_not_affected(superuser):
    fail(superuser.username, settings.AXES_FAILURE_LIMIT)
    client, response = attempt(superuser.username, STAFF_PASSWORD, ip=OTHER_IP)
    assert response.status_code == 302
    assert is_signed_in(client)


def test_sign_in_works_again_after_the_cool_off(superuser):
    fail(superuser.username, settings.AXES_FAILURE_LIMIT)
    # Time travel: the attempts happened 31 minutes ago.
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=31))
    client, response = attempt(superuser.username, STAFF_PASSWORD)
    assert response.status_code == 302
    assert is_signed_in(client)


def test_the_lock_holds_just_before_the_cool_off_ends(superuser):
    fail(superuser.username, settings.AXES_FAILURE_LIMIT)
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=29))
    client, response = attempt(superuser.username, STAFF_PASSWORD)
    assert response.status_code == 429
    assert not is_signed_in(client)


@pytest.mark.parametrize(
    ("command", "args"),
    [
        ("axes_reset_username", ["dr.reviewer"]),
        ("axes_reset_ip", [ATTACKER_IP]),
        ("axes_reset", []),
    ],
)
def test_an_operator_can_unlock_with_the_axes_commands(superuser, command, args, capsys):
    fail(superuser.username, settings.AXES_FAILURE_LIMIT)
    call_command(command, *args)
    client, response = attempt(superuser.username, STAFF_PASSWORD)
    assert response.status_code == 302
    assert is_signed_in(client)


def test_a_successful_login_clears_earlier_failures(superuser):
    fail(superuser.username, settings.AXES_FAILURE_LIMIT - 1)
    attempt(superuser.username, STAFF_PASSWORD)
    # The count starts again: four more failures do not lock.
    assert all(r.status_code == 200 for r in fail(superuser.username, 4))


def test_forged_forwarded_for_headers_are_ignored_without_a_trusted_proxy(superuser):
    """An attacker cannot dodge the lock by inventing a new X-Forwarded-For each time."""
    for n in range(settings.AXES_FAILURE_LIMIT):
        _, response = attempt(
            superuser.username, f"guess-{n}", HTTP_X_FORWARDED_FOR=f"192.0.2.{n + 1}"
        )
    assert response.status_code == 429


@override_settings(TRUSTED_PROXIES=["10.0.0.5"])
def test_behind_one_trusted_proxy_each_client_address_is_tracked(superuser):
    proxy = "10.0.0.5"
    # Clients behind the proxy; a forged left-most entry is ignored.
    for n in range(settings.AXES_FAILURE_LIMIT):
        _, response = attempt(
            superuser.username,
            f"guess-{n}",
            ip=proxy,
            HTTP_X_FORWARDED_FOR=f"192.0.2.{n + 1}, {ATTACKER_IP}",
        )
    assert response.status_code == 429
    # Another client behind the same proxy is not locked out.
    client, response = attempt(
        superuser.username, STAFF_PASSWORD, ip=proxy, HTTP_X_FORWARDED_FOR=OTHER_IP
    )
    assert response.status_code == 302
    assert is_signed_in(client)
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {ATTACKER_IP}


@override_settings(TRUSTED_PROXIES=["10.0.0.5"])
def test_a_malformed_forwarded_for_falls_back_to_the_socket_address(superuser):
    _, response = attempt(
        superuser.username, "guess", ip="10.0.0.5", HTTP_X_FORWARDED_FOR="not-an-ip"
    )
    assert response.status_code == 200
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == ["10.0.0.5"]


@override_settings(TRUSTED_PROXIES=["10.0.0.5"])
def test_twenty_failures_from_twenty_real_addresses_lock_the_account(superuser):
    """Per-account throttle: rotating addresses behind a real proxy does not help."""
    proxy = "10.0.0.5"
    for n in range(settings.STAFF_ACCOUNT_FAILURE_LIMIT - 1):
        _, response = attempt(
            superuser.username, f"guess-{n}", ip=proxy, HTTP_X_FORWARDED_FOR=f"192.0.2.{n + 1}"
        )
        assert response.status_code == 200, n  # below both limits
    _, response = attempt(
        superuser.username, "guess-20", ip=proxy, HTTP_X_FORWARDED_FOR="192.0.2.200"
    )
    assert response.status_code == 429
    # The owner, from a fresh address and with the right password, is locked out too...
    client, response = attempt(
        superuser.username, STAFF_PASSWORD, ip=proxy, HTTP_X_FORWARDED_FOR=OTHER_IP
    )
    assert response.status_code == 429 and not is_signed_in(client)
    # ... while another account is not.
    assert AccessAttempt.objects.exclude(username=superuser.username).count() == 0
    # The documented unlock path.
    call_command("axes_reset_username", superuser.username)
    client, response = attempt(
        superuser.username, STAFF_PASSWORD, ip=proxy, HTTP_X_FORWARDED_FOR=OTHER_IP
    )
    assert response.status_code == 302 and is_signed_in(client)
