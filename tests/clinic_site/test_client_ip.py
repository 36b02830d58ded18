"""Which address counts as the client's, for the lockout and any other per-client limit."""

import pytest
from django.test import RequestFactory, override_settings

from clinic_site.client_ip import client_ip_address


@pytest.mark.parametrize(
    ("proxies", "remote_addr", "forwarded_for", "expected"),
    [
        # No trusted proxy: the header is the client's to invent, so it is ignored.
        (0, "203.0.113.7", "192.0.2.1", "203.0.113.7"),
        # One proxy appends the address it saw: the right-most entry.
        (1, "10.0.0.5", "192.0.2.1", "192.0.2.1"),
        (1, "10.0.0.5", "6.6.6.6, 192.0.2.1", "192.0.2.1"),
        # Two proxies (load balancer, then nginx): second from the right.
        (2, "10.0.0.5", "6.6.6.6, 192.0.2.1, 10.0.0.9", "192.0.2.1"),
        # Fewer entries than proxies, or garbage: fall back to the socket address.
        (2, "10.0.0.5", "192.0.2.1", "10.0.0.5"),
        (1, "10.0.0.5", "", "10.0.0.5"),
        (1, "10.0.0.5", "not-an-ip", "10.0.0.5"),
        (1, "10.0.0.5", "192.0.2.1<script>", "10.0.0.5"),
        # IPv6, normalised.
        (1, "10.0.0.5", "2001:DB8:0:0::1", "2001:db8::1"),
    ],
)
def test_client_ip_address(proxies, remote_addr, forwarded_for, expected):
    request = RequestFactory().get("/", REMOTE_ADDR=remote_addr, HTTP_X_FORWARDED_FOR=forwarded_for)
    with override_settings(TRUSTED_PROXY_COUNT=proxies):
        assert client_ip_address(request) == expected
