"""Per-client limits, counted in the shared cache.

A sliding window (e.g. "5/hour" → at most 5 attempts in any hour, not 5 at 10:59 and 5
more at 11:00): the count of the current clock window plus the previous window's count
weighted by how much of it still lies within the last period (the "sliding window
counter"; two cache keys per client, no list of timestamps). Kept in Django's default
cache: Redis in production, so every app server counts together; local memory in
development and tests. Clients are IPv4 addresses or IPv6 /64 networks (one home or
phone gets a whole /64, so counting single IPv6 addresses would give it billions of
identities), stored only as keyed hashes.
"""

from __future__ import annotations

import ipaddress
import math
import re
import time
from dataclasses import dataclass

from django.core.cache import DEFAULT_CACHE_ALIAS, cache, caches
from django.core.cache.backends.redis import RedisCache
from django.core.exceptions import ImproperlyConfigured
from django.utils.crypto import salted_hmac

from clinic_site.client_ip import client_ip_address

# The limiter's clock, apart from time.time so that a test can move it without moving the
# cache's or the session's.
clock = time.time

_PERIODS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400}
_RATE_RE = re.compile(r"^\s*(\d+)\s*/\s*(second|minute|hour|day)s?\s*$")


@dataclass(frozen=True)
class Rate:
    count: int
    period_seconds: int


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    retry_after: int  # seconds until an attempt would be allowed again (0 when allowed)


def parse_rate(value: object, setting: str) -> Rate:
    """'5/hour' → Rate(5, 3600); anything else is a configuration error naming the setting."""
    match = _RATE_RE.match(str(value))
    if not match:
        raise ImproperlyConfigured(f"{setting} must look like '5/hour', not {value!r}.")
    return Rate(int(match.group(1)), _PERIODS[match.group(2)])


def client_key(request) -> str:
    """The client as counted: its IPv4 address, or its IPv6 /64 network."""
    address = client_ip_address(request)
    if not address:
        return "unknown"
    ip = ipaddress.ip_address(address)
    if ip.version == 6 and ip.ipv4_mapped:
        return str(ip.ipv4_mapped)
    if ip.version == 6:
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


def _count(key: str, timeout: int) -> int:
    cache.add(key, 0, timeout=timeout)
    try:
        return cache.incr(key)
    except ValueError:  # evicted between add() and incr()
        cache.set(key, 1, timeout=timeout)
        return 1


def _counts(current: str, previous: str, timeout: int) -> tuple[int, int]:
    """This window's count with one more attempt, and the previous window's count.

    With Redis (production), one round trip: SET NX EX, INCR and GET in one MULTI/EXEC,
    where Django's cache API takes four (add; incr is EXISTS then INCR; get). The keys and
    the stored integers are Django's own, so both paths count together. Elsewhere (local
    memory in development and tests), the cache API.
    """
    backend = caches[DEFAULT_CACHE_ALIAS]
    if not isinstance(backend, RedisCache):
        return _count(current, timeout), cache.get(previous, 0)
    current_key = backend.make_and_validate_key(current)
    previous_key = backend.make_and_validate_key(previous)
    client = backend._cache.get_client(current_key, write=True)
    with client.pipeline(transaction=True) as pipe:
        pipe.set(current_key, 0, ex=timeout, nx=True)
        pipe.incr(current_key)
        pipe.get(previous_key)
        _, count, earlier = pipe.execute()
    return int(count), int(earlier or 0)


def hit(request, scope: str, rate: Rate, *, now: float | None = None) -> Verdict:
    """Count one attempt from this request's client; refuse once the rate is used up."""
    now = clock() if now is None else now
    period = rate.period_seconds
    window = int(now // period)
    elapsed = (now - window * period) / period  # 0..1 into the current window
    client = salted_hmac("clinic_site.ratelimit", client_key(request)).hexdigest()[:32]
    current, previous = _counts(
        f"{scope}:{client}:{window}", f"{scope}:{client}:{window - 1}", timeout=2 * period + 60
    )
    weight = 1 - elapsed
    estimated = previous * weight + current
    if estimated <= rate.count:
        return Verdict(allowed=True, retry_after=0)
    # Refused (and counted: hammering does not help): wait until the previous window's
    # share has shrunk enough for one more attempt, or, when this window alone is over the
    # rate, until it has become the previous one and shrunk. Either way the wait is until
    # one more attempt fits: previous × weight + current + 1 ≤ rate. Under the counter's
    # approximation that can be longer than one period (attempts are taken as spread over
    # their window), never shorter than the truth: a client that waits Retry-After gets in.
    if current < rate.count and previous:
        needed_weight = (rate.count - current - 1) / previous
        wait = (weight - needed_weight) * period
    else:
        wait = (1 - elapsed) * period + max(0.0, 1 - (rate.count - 1) / current) * period
    return Verdict(allowed=False, retry_after=max(1, math.ceil(wait)))
