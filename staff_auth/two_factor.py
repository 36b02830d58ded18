"""Two-factor sign-in for staff: TOTP authenticator apps plus one-time backup codes.

Built on django-otp's devices (TOTPDevice, StaticDevice). This module holds what the
views and the reset command share; it has no request handling of its own.
"""

import base64
import logging
import textwrap
from importlib import import_module

import segno
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone
from django_otp import devices_for_user, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from staff_auth import otp_secrets

logger = logging.getLogger(__name__)

BACKUP_CODE_COUNT = 10
AUTHENTICATOR_NAME = "Authenticator app"
BACKUP_CODES_NAME = "Backup codes"


def is_staff(user) -> bool:
    """Anyone who may use the Wagtail admin, and therefore needs a second factor."""
    return user.is_authenticated and user.has_perm("wagtailadmin.access_admin")


def has_confirmed_device(user) -> bool:
    return user_has_device(user, confirmed=True)


def confirmed_totp_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


def backup_code_device(user) -> StaticDevice | None:
    return StaticDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


def totp_device_for_enrolment(user) -> TOTPDevice:
    """The user's unconfirmed authenticator, created on first use (same secret on reload)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=AUTHENTICATOR_NAME, confirmed=False)
    return device


def confirm_totp_device(device: TOTPDevice, token: str) -> bool:
    """Activate ``device`` if ``token`` is its current code; other pending devices are dropped."""
    with transaction.atomic():
        locked = TOTPDevice.objects.select_for_update().get(pk=device.pk)
        if locked.confirmed or not locked.verify_token(token):
            return False
        locked.confirmed = True
        locked.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user_id=locked.user_id, confirmed=False).delete()
    device.refresh_from_db()
    logger.info("Two-factor authenticator set up for user id %s", device.user_id)
    return True


def issue_backup_codes(user) -> list[str]:
    """Replace the user's backup codes with a new set and return it (shown to them once)."""
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
    with transaction.atomic():
        StaticDevice.objects.filter(user=user).delete()
        device = StaticDevice.objects.create(user=user, name=BACKUP_CODES_NAME, confirmed=True)
        # Stored hashed (otp_secrets): the codes themselves exist only on the page shown once.
        StaticToken.objects.bulk_create(
            StaticToken(device=device, token=otp_secrets.hash_backup_code(c)) for c in codes
        )
    logger.info("New backup codes issued for user id %s", user.pk)
    return codes


def remaining_backup_codes(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def normalise_code(value: str) -> str:
    """What people type: spaces, hyphens and capitals are not part of a code."""
    return "".join(value.split()).replace("-", "").lower()


def secret_for_manual_entry(device: TOTPDevice) -> str:
    """The key as authenticator apps expect it typed: base32, in groups of four."""
    secret = base64.b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(textwrap.wrap(secret, 4))


def qr_code_svg(device: TOTPDevice) -> str:
    """The otpauth:// setup link as an inline SVG QR code, drawn here (no third party sees it)."""
    return segno.make(device.config_url, error="m").svg_inline(
        scale=5, border=2, dark="#000000", light="#ffffff", omitsize=False
    )


def remove_devices(user) -> int:
    """Delete every two-factor device of ``user``; they set up a new one at next sign-in."""
    removed = 0
    with transaction.atomic():
        for device in list(devices_for_user(user, confirmed=None)):
            device.delete()
            removed += 1
    logger.info("Two-factor devices removed for user id %s (%d)", user.pk, removed)
    return removed


DATABASE_SESSION_ENGINES = ("django.contrib.sessions.backends.db", "clinic_site.sessions")


def end_sessions(user) -> int:
    """Sign ``user`` out everywhere (database sessions), so nobody re-enrols on an old session."""
    if settings.SESSION_ENGINE not in DATABASE_SESSION_ENGINES:
        return 0
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    ended = 0
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        # Decoded by the configured engine: clinic_site.sessions encrypts the data.
        if store.decode(session.session_data).get("_auth_user_id") == str(user.pk):
            session.delete()
            ended += 1
    return ended
