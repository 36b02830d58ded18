"""The client's IP address, trusting X-Forwarded-For only as configured.

Used by the login lockout (AXES_CLIENT_IP_CALLABLE); use it for any per-client limit.

Behind N proxies that each append the address they received the request from, the
client is the N-th entry from the right of X-Forwarded-For; anything to the left of it
was written by the client and may be forged. With no trusted proxy (the default), the
header is ignored and the socket address is used.
"""

import ipaddress

from django.conf import settings


def _valid_ip(value: str) -> str | None:
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def client_ip_address(request) -> str | None:
    remote_addr = _valid_ip(request.META.get("REMOTE_ADDR", ""))
    proxy_count = settings.TRUSTED_PROXY_COUNT
    if proxy_count <= 0:
        return remote_addr
    header = request.META.get("HTTP_X_FORWARDED_FOR", "")
    forwarded = [part.strip() for part in header.split(",") if part.strip()]
    if len(forwarded) < proxy_count:
        return remote_addr
    return _valid_ip(forwarded[-proxy_count]) or remote_addr
