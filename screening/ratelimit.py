"""A per-client-IP limit on final submits, counted in the shared cache.

Fixed windows (e.g. "5/hour" → at most 5 submits per clock hour per address) kept in
Django's default cache: Redis in production, so every app server counts together;
local memory in development and tests. Addresses are stored only as keyed hashes.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from django.core.cache import cache
from django.utils.crypto import salted_hmac

from clinic_site.client_ip import client_ip_address
from screening import conf


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    retry_after: int  # seconds until the current window ends


def hit(request, scope: str = "submit") -> Verdict:
    """Count one attempt from this request's client; refuse once the rate is used up."""
    rate = conf.submit_rate()
    now = time.time()
    window = int(now // rate.period_seconds)
    retry_after = max(1, int((window + 1) * rate.period_seconds - now))
    address = salted_hmac(
        "screening.ratelimit", client_ip_address(request) or "unknown"
    ).hexdigest()[:32]
    key = f"screening:rate:{scope}:{address}:{window}"
    timeout = rate.period_seconds + 60
    cache.add(key, 0, timeout=timeout)
    try:
        count = cache.incr(key)
    except ValueError:  # evicted between add() and incr()
        cache.set(key, 1, timeout=timeout)
        count = 1
    return Verdict(allowed=count <= rate.count, retry_after=retry_after)
