"""Deployment checks (`manage.py check --deploy`) for the keys that protect patient data."""

from django.conf import settings
from django.core.checks import Error, Tags, register
from django.core.exceptions import ImproperlyConfigured

from clinic_site import crypto


@register(Tags.security, deploy=True)
def field_encryption_keys(app_configs, **kwargs):
    keys = crypto.configured_keys()
    if not keys:
        return [
            Error(
                "FIELD_ENCRYPTION_KEYS is not set: patient data cannot be stored.",
                hint="Set it to one or more Fernet keys (README, 'Keys and rotation').",
                id="clinic_site.E001",
            )
        ]
    if crypto.DEVELOPMENT_FIELD_ENCRYPTION_KEY in keys:
        return [
            Error(
                "FIELD_ENCRYPTION_KEYS holds the development key published in the repository.",
                hint="Generate a new key, put it first and run screening_reencrypt.",
                id="clinic_site.E001",
            )
        ]
    try:
        crypto.encrypt("check")
    except ImproperlyConfigured as error:
        return [Error(str(error), id="clinic_site.E001")]
    return []


@register(Tags.security, deploy=True)
def blind_index_key(app_configs, **kwargs):
    key = str(getattr(settings, "BLIND_INDEX_KEY", "") or "")
    if key == crypto.DEVELOPMENT_BLIND_INDEX_KEY:
        return [
            Error(
                "BLIND_INDEX_KEY is the development key published in the repository.",
                id="clinic_site.E002",
            )
        ]
    if len(key) < crypto.MIN_BLIND_INDEX_KEY_LENGTH:
        return [
            Error(
                f"BLIND_INDEX_KEY must be set, at least {crypto.MIN_BLIND_INDEX_KEY_LENGTH} "
                "characters.",
                hint="It cannot be changed later without rebuilding the indexes "
                "(README, 'Keys and rotation').",
                id="clinic_site.E002",
            )
        ]
    return []
