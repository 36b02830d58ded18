"""The client's IP address, trusting X-Forwarded-For only from listed proxies.

Used by the login lockout (AXES_CLIENT_IP_CALLABLE), the rate limits and any other
per-client limit.

``TRUSTED_PROXIES`` lists the addresses or networks (CIDR) of the proxies in front of
the app (HAProxy, a TLS proxy). X-Forwarded-For is read only when the connecting address
is one of them, and is walked from the right: each entry was appended by the hop before
it, so the client is the first address, from the right, that is not a listed proxy.
Anything to its left was written by the client and may be forged. With no listed proxy
(the default) the header is ignored and the socket address is used. A malformed entry
stops the walk at the last trustworthy address.
"""

from __future__ import annotations

import ipaddress
from functools import lru_cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def _valid_ip(value: str) -> str | None:
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def proxy_list(value=None) -> list[str]:
    value = getattr(settings, "TRUSTED_PROXIES", ()) if value is None else value
    if isinstance(value, str):
        value = value.split(",")
    return [str(item).strip() for item in value or () if str(item).strip()]


@lru_cache(maxsize=8)
def _networks(entries: tuple[str, ...]) -> tuple[Network, ...]:
    networks = []
    for entry in entries:
        try:
            networks.append(ipaddress.ip_network(entry, strict=False))
        except ValueError:
            raise ImproperlyConfigured(
                f"TRUSTED_PROXIES: {entry!r} is not an IP address or network (CIDR)."
            ) from None
    return tuple(networks)


def trusted_networks() -> tuple[Network, ...]:
    return _networks(tuple(proxy_list()))


def _is_trusted(address: str, networks: tuple[Network, ...]) -> bool:
    ip = ipaddress.ip_address(address)
    if ip.version == 6 and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return any(ip.version == network.version and ip in network for network in networks)


def client_ip_address(request) -> str | None:
    remote_addr = _valid_ip(request.META.get("REMOTE_ADDR", ""))
    networks = trusted_networks()
    if remote_addr is None or not networks or not _is_trusted(remote_addr, networks):
        return remote_addr
    header = request.META.get("HTTP_X_FORWARDED_FOR", "")
    client = remote_addr
    for entry in reversed([part for part in header.split(",") if part.strip()]):
        address = _valid_ip(entry)
        if address is None:
            break  # garbage: trust nothing further left
        client = address
        if not _is_trusted(address, networks):
            break
    return client
