"""Which address counts as the client's, for the lockout and any other per-client limit."""

import pytest
from django.test import RequestFactory, override_settings

from clinic_site.client_ip import client_ip_address

ONE = ["10.0.0.5"]
TWO = ["10.0.0.5/32", "10.0.0.9"]


@pytest.mark.parametrize(
    ("proxies", "remote_addr", "forwarded_for", "expected"),
    [
        # No trusted proxy (the default): the header is the client's to invent, ignored.
        ([], "203.0.113.7", "192.0.2.1", "203.0.113.7"),
        # A connection from an address that is not a listed proxy: ignored too.
        (ONE, "203.0.113.7", "192.0.2.1", "203.0.113.7"),
        # One proxy appends the address it saw: the right-most entry.
        (ONE, "10.0.0.5", "192.0.2.1", "192.0.2.1"),
        (ONE, "10.0.0.5", "6.6.6.6, 192.0.2.1", "192.0.2.1"),
        # Two proxies (load balancer, then nginx): walk past the listed ones.
        (TWO, "10.0.0.5", "6.6.6.6, 192.0.2.1, 10.0.0.9", "192.0.2.1"),
        (["10.0.0.0/24"], "10.0.0.5", "6.6.6.6, 192.0.2.1, 10.0.0.9", "192.0.2.1"),
        # A client cannot pose as a proxy beyond what the list says.
        (ONE, "10.0.0.5", "192.0.2.1, 10.0.0.9", "10.0.0.9"),
        # Only proxies in the chain: the left-most of them.
        (TWO, "10.0.0.5", "10.0.0.9", "10.0.0.9"),
        # Nothing, or garbage: the last trustworthy address.
        (ONE, "10.0.0.5", "", "10.0.0.5"),
        (ONE, "10.0.0.5", "not-an-ip", "10.0.0.5"),
        (ONE, "10.0.0.5", "192.0.2.1<script>", "10.0.0.5"),
        (TWO, "10.0.0.5", "192.0.2.1, junk, 10.0.0.9", "10.0.0.9"),
        # IPv6, normalised; an IPv4-mapped proxy address matches its IPv4 network.
        (ONE, "10.0.0.5", "2001:DB8:0:0::1", "2001:db8::1"),
        (["::1/128"], "::1", "192.0.2.1", "192.0.2.1"),
        (ONE, "::ffff:10.0.0.5", "192.0.2.1", "192.0.2.1"),
    ],
)
def test_client_ip_address(proxies, remote_addr, forwarded_for, expected):
    request = RequestFactory().get("/", REMOTE_ADDR=remote_addr, HTTP_X_FORWARDED_FOR=forwarded_for)
    with override_settings(TRUSTED_PROXIES=proxies):
        assert client_ip_address(request) == expected


def test_a_comma_separated_string_works_too():
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR="192.0.2.1")
    with override_settings(TRUSTED_PROXIES="10.0.0.1, 10.0.0.5"):
        assert client_ip_address(request) == "192.0.2.1"
