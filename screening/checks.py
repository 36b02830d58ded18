"""System checks: a mistyped questionnaire setting fails `check`, not a patient's submit."""

from django.core.checks import Error, register
from django.core.exceptions import ImproperlyConfigured

from clinic_site.client_ip import trusted_networks
from screening import conf


@register()
def screening_settings(app_configs=None, **kwargs):
    errors = []
    try:
        conf.submit_rate()
    except ImproperlyConfigured as problem:
        errors.append(Error(str(problem), id="screening.E001"))
    readers = {
        "SCREENING_MIN_SECONDS": conf.min_seconds,
        "SCREENING_MAX_BODY_BYTES": conf.max_body_bytes,
        "SCREENING_SESSION_IDLE_SECONDS": conf.session_idle_seconds,
        "SCREENING_EMAIL_RETRY_DELAYS": conf.email_retry_delays,
    }
    for name, read in readers.items():
        try:
            values = read()
        except (TypeError, ValueError):
            errors.append(
                Error(f"{name} must be a whole number (or numbers).", id="screening.E002")
            )
            continue
        if any(value < 0 for value in (values if isinstance(values, tuple) else (values,))):
            errors.append(Error(f"{name} cannot be negative.", id="screening.E002"))
    try:
        trusted_networks()
    except ImproperlyConfigured as problem:
        errors.append(Error(str(problem), id="screening.E002"))
    return errors
