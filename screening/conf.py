"""The questionnaire's settings, each with a default, read in one place.

Every value can be overridden in a settings module (or with ``override_settings`` in
tests); nothing here needs to be set for the site to work. The README's "Screening"
section lists them.
"""

from __future__ import annotations

from django.conf import settings

from clinic_site.ratelimit import Rate, parse_rate

DEFAULTS = {
    # A final submit sooner than this after the consent step is treated as automated.
    "SCREENING_MIN_SECONDS": 15,
    # Final submits allowed per client IP address; "<count>/<second|minute|hour|day>".
    "SCREENING_SUBMIT_RATE": "5/hour",
    # Any questionnaire POST larger than this is refused with a 400 before it is read.
    "SCREENING_MAX_BODY_BYTES": 16 * 1024,
    # Shown to patients on the result page and in the confirmation email.
    "SCREENING_CONTACT_WITHIN": "2 working days",
    # Where staff notifications go when the clinic details have no notification address.
    "SCREENING_STAFF_EMAIL": "",
    # Answers in an unfinished questionnaire (and the result shown after it) live in the
    # session; the session ends after this many seconds without activity.
    "SCREENING_SESSION_IDLE_SECONDS": 2 * 60 * 60,
    # Seconds to wait before each retry of an email that could not be sent.
    "SCREENING_EMAIL_RETRY_DELAYS": (60, 5 * 60, 30 * 60, 2 * 60 * 60),
    # How many proxies in front of the app append to X-Forwarded-For (0: use REMOTE_ADDR).
}


def get(name: str):
    return getattr(settings, name, DEFAULTS[name])


def min_seconds() -> int:
    return int(get("SCREENING_MIN_SECONDS"))


def max_body_bytes() -> int:
    return int(get("SCREENING_MAX_BODY_BYTES"))


def contact_within() -> str:
    return str(get("SCREENING_CONTACT_WITHIN"))


def staff_email() -> str:
    return str(get("SCREENING_STAFF_EMAIL") or "")


def session_idle_seconds() -> int:
    return int(get("SCREENING_SESSION_IDLE_SECONDS"))


def email_retry_delays() -> tuple[int, ...]:
    return tuple(int(seconds) for seconds in get("SCREENING_EMAIL_RETRY_DELAYS"))


def submit_rate() -> Rate:
    return parse_rate(get("SCREENING_SUBMIT_RATE"), "SCREENING_SUBMIT_RATE")
