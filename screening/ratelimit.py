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

from screening import conf


def client_ip(request) -> str:
    """REMOTE_ADDR, unless ``TRUSTED_PROXY_COUNT`` proxies append to X-Forwarded-For.

    With N trusted proxies the client is the Nth address from the right: anything
    further left was written by the client itself and cannot be trusted.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    trusted = conf.trusted_proxy_count()
    if trusted > 0:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= trusted:
            return forwarded[-trusted]
    return remote


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
    address = salted_hmac("screening.ratelimit", client_ip(request)).hexdigest()[:32]
    key = f"screening:rate:{scope}:{address}:{window}"
    timeout = rate.period_seconds + 60
    cache.add(key, 0, timeout=timeout)
    try:
        count = cache.incr(key)
    except ValueError:  # evicted between add() and incr()
        cache.set(key, 1, timeout=timeout)
        count = 1
    return Verdict(allowed=count <= rate.count, retry_after=retry_after)
