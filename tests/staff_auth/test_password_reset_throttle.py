"""The admin's "forgot password" form sends at most STAFF_PASSWORD_RESET_RATE emails per
client address, and says the same whether or not the address belongs to anyone."""

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client, override_settings
from django.urls import resolve, reverse

from staff_auth.password_reset import ThrottledPasswordResetView

RESET_URL = "/admin/password_reset/"


@pytest.fixture(autouse=True)
def fresh_counts():
    cache.clear()
    yield
    cache.clear()


def request_reset(email, ip="203.0.113.7"):
    return Client(REMOTE_ADDR=ip).post(RESET_URL, {"email": email})


def test_our_view_answers_wagtails_reset_url():
    assert reverse("wagtailadmin_password_reset") == RESET_URL
    assert resolve(RESET_URL).func.view_class is ThrottledPasswordResetView


@override_settings(STAFF_PASSWORD_RESET_RATE="3/hour")
def test_requests_over_the_rate_send_nothing_and_say_so(superuser):
    for _ in range(3):
        response = request_reset(superuser.email)
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_password_reset_done")
    assert len(mail.outbox) == 3

    refused = request_reset(superuser.email)
    assert refused.status_code == 429
    # A sliding window: at most the rest of this hour plus most of the next.
    assert 1 <= int(refused["Retry-After"]) <= 2 * 3600
    assert "Too many password reset requests" in refused.content.decode()
    assert len(mail.outbox) == 3


@override_settings(STAFF_PASSWORD_RESET_RATE="2/hour")
def test_unknown_addresses_count_too_so_the_limit_reveals_nothing(superuser):
    assert request_reset("nobody@clinic.example").status_code == 302
    assert request_reset("someone-else@clinic.example").status_code == 302
    assert request_reset(superuser.email).status_code == 429
    assert mail.outbox == []


@override_settings(STAFF_PASSWORD_RESET_RATE="1/hour")
def test_each_client_address_has_its_own_count(superuser):
    assert request_reset(superuser.email, ip="203.0.113.7").status_code == 302
    assert request_reset(superuser.email, ip="203.0.113.7").status_code == 429
    assert request_reset(superuser.email, ip="198.51.100.23").status_code == 302
    assert len(mail.outbox) == 2


@override_settings(STAFF_PASSWORD_RESET_RATE="1/hour")
def test_the_form_still_opens_when_the_limit_is_reached(superuser):
    request_reset(superuser.email)
    request_reset(superuser.email)
    assert Client(REMOTE_ADDR="203.0.113.7").get(RESET_URL).status_code == 200


@override_settings(STAFF_PASSWORD_RESET_RATE="lots")
def test_a_malformed_rate_fails_the_system_check():
    with pytest.raises(Exception, match="STAFF_PASSWORD_RESET_RATE must look like"):
        call_command("check")
