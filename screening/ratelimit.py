"""The per-client-address limit on final questionnaire submits (`SCREENING_SUBMIT_RATE`)."""

from __future__ import annotations

from clinic_site.ratelimit import Verdict
from clinic_site.ratelimit import hit as _hit
from screening import conf

__all__ = ["Verdict", "hit"]


def hit(request, scope: str = "submit") -> Verdict:
    """Count one attempt from this request's client; refuse once the rate is used up."""
    return _hit(request, f"screening:rate:{scope}", conf.submit_rate())
