"""Per-client-address limits, counted in the shared cache.

Fixed windows (e.g. "5/hour" → at most 5 attempts per clock hour per address) kept in
Django's default cache: Redis in production, so every app server counts together;
local memory in development and tests. Addresses are stored only as keyed hashes.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.utils.crypto import salted_hmac

from clinic_site.client_ip import client_ip_address

_PERIODS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400}
_RATE_RE = re.compile(r"^\s*(\d+)\s*/\s*(second|minute|hour|day)s?\s*$")


@dataclass(frozen=True)
class Rate:
    count: int
    period_seconds: int


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    retry_after: int  # seconds until the current window ends


def parse_rate(value: object, setting: str) -> Rate:
    """'5/hour' → Rate(5, 3600); anything else is a configuration error naming the setting."""
    match = _RATE_RE.match(str(value))
    if not match:
        raise ImproperlyConfigured(f"{setting} must look like '5/hour', not {value!r}.")
    return Rate(int(match.group(1)), _PERIODS[match.group(2)])


def hit(request, scope: str, rate: Rate) -> Verdict:
    """Count one attempt from this request's client; refuse once the rate is used up."""
    now = time.time()
    window = int(now // rate.period_seconds)
    retry_after = max(1, int((window + 1) * rate.period_seconds - now))
    address = salted_hmac(
        "clinic_site.ratelimit", client_ip_address(request) or "unknown"
    ).hexdigest()[:32]
    key = f"{scope}:{address}:{window}"
    timeout = rate.period_seconds + 60
    cache.add(key, 0, timeout=timeout)
    try:
        count = cache.incr(key)
    except ValueError:  # evicted between add() and incr()
        cache.set(key, 1, timeout=timeout)
        count = 1
    return Verdict(allowed=count <= rate.count, retry_after=retry_after)
