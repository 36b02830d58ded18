"""Encryption of patient data at rest, and keyed blind indexes to find it again.

* ``FIELD_ENCRYPTION_KEYS``: Fernet keys (as ``Fernet.generate_key()`` prints them), a
  list in settings, comma-separated in the environment. The first key encrypts; every key
  decrypts, so a new key can be put first while rows under the old one are still read
  (``manage.py screening_reencrypt`` then rewrites them under the new key).
* ``BLIND_INDEX_KEY``: a separate secret (at least 32 characters) for HMAC-SHA256 of the
  normalised email address and phone number, so staff and commands can find a patient by
  an exact value without the database holding the value itself.

Fernet is AES-128-CBC with an HMAC-SHA256 tag (``cryptography``); nothing home-made.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
from functools import lru_cache
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.signals import setting_changed
from django.dispatch import receiver

__all__ = [
    "InvalidToken",
    "blind_index",
    "decrypt",
    "decrypt_bytes",
    "decrypt_json",
    "email_index",
    "encrypt",
    "encrypt_bytes",
    "encrypt_json",
    "is_current",
    "is_current_bytes",
    "phone_index",
    "rotate",
    "rotate_bytes",
]

MIN_BLIND_INDEX_KEY_LENGTH = 32
# Development and tests only (dev.py, test.py). `check --deploy` refuses them, so a
# production server can never encrypt with a key that is published in this repository.
DEVELOPMENT_FIELD_ENCRYPTION_KEY = "ZGV2LW9ubHkta2V5LW5ldmVyLWluLXByb2R1Y3Rpb24="
DEVELOPMENT_BLIND_INDEX_KEY = "dev-only-blind-index-key-never-in-production"


def configured_keys(value: Any = None) -> list[str]:
    """FIELD_ENCRYPTION_KEYS as a list of key strings (a list, or one comma-separated string)."""
    if value is None:
        value = getattr(settings, "FIELD_ENCRYPTION_KEYS", None)
    if isinstance(value, str):
        value = value.split(",")
    return [str(key).strip() for key in value or () if str(key).strip()]


@lru_cache(maxsize=4)
def _fernets(keys: tuple[str, ...]) -> tuple[MultiFernet, Fernet]:
    if not keys:
        raise ImproperlyConfigured(
            "FIELD_ENCRYPTION_KEYS is empty: patient data cannot be stored or read "
            "(README, 'Keys and rotation')."
        )
    try:
        fernets = [Fernet(key.encode()) for key in keys]
    except (ValueError, TypeError):
        raise ImproperlyConfigured(
            "FIELD_ENCRYPTION_KEYS holds a value that is not a Fernet key "
            "(32 url-safe base64-encoded bytes, as Fernet.generate_key() prints)."
        ) from None
    return MultiFernet(fernets), fernets[0]


def _multi() -> MultiFernet:
    return _fernets(tuple(configured_keys()))[0]


def _primary() -> Fernet:
    return _fernets(tuple(configured_keys()))[1]


def encrypt(text: str) -> str:
    return _multi().encrypt(text.encode("utf-8")).decode("ascii")


def decrypt(token: str) -> str:
    """Raises InvalidToken when no configured key opens it (or it was tampered with)."""
    return _multi().decrypt(token.encode("ascii")).decode("utf-8")


def encrypt_bytes(data: bytes) -> bytes:
    """Bytes (a patient's photo) as a Fernet token, under the same keys as the fields."""
    return _multi().encrypt(data)


def decrypt_bytes(token: bytes) -> bytes:
    """Raises InvalidToken when no configured key opens it (or it was tampered with)."""
    return _multi().decrypt(token)


def is_current_bytes(token: bytes) -> bool:
    """Whether a bytes token (a photo) is encrypted under the first (current) key."""
    try:
        _primary().decrypt(token)
    except InvalidToken:
        return False
    return True


def rotate_bytes(token: bytes) -> bytes:
    """The same bytes under the first key (keeps the original timestamp)."""
    return _multi().rotate(token)


def encrypt_json(value: Any) -> str:
    return encrypt(json.dumps(value, separators=(",", ":"), sort_keys=True))


def decrypt_json(token: str) -> Any:
    return json.loads(decrypt(token))


def is_current(token: str) -> bool:
    """Whether the token is encrypted under the first (current) key."""
    try:
        _primary().decrypt(token.encode("ascii"))
    except InvalidToken:
        return False
    return True


def rotate(token: str) -> str:
    """The same plaintext under the first key (keeps the original timestamp)."""
    return _multi().rotate(token.encode("ascii")).decode("ascii")


# --- blind indexes --------------------------------------------------------------------


def blind_index_key() -> bytes:
    key = str(getattr(settings, "BLIND_INDEX_KEY", "") or "")
    if len(key) < MIN_BLIND_INDEX_KEY_LENGTH:
        raise ImproperlyConfigured(
            f"BLIND_INDEX_KEY must be at least {MIN_BLIND_INDEX_KEY_LENGTH} characters."
        )
    return key.encode("utf-8")


def blind_index(kind: str, normalised: str) -> str:
    """HMAC-SHA256 (hex) of a normalised value; ``kind`` keeps emails and phones apart."""
    if not normalised:
        return ""
    message = f"{kind}:{normalised}".encode()
    return hmac.new(blind_index_key(), message, hashlib.sha256).hexdigest()


def normalise_email(value: str) -> str:
    return (value or "").strip().casefold()


_NOT_PHONE_DIGIT = re.compile(r"[^\d+]")


def normalise_phone(value: str) -> str:
    """Digits only, with a leading + kept; a leading 00 is read as +.

    "+44 (0)7700 900123" and "+44 7700 900123" differ (the (0) is dialled in one form
    only); staff search with the number as the patient typed it or in plain digits."""
    digits = _NOT_PHONE_DIGIT.sub("", (value or "").strip())
    plus = digits.startswith("+")
    digits = digits.replace("+", "")
    if digits.startswith("00"):
        plus, digits = True, digits[2:]
    if not digits:
        return ""
    return ("+" if plus else "") + digits


def email_index(value: str) -> str:
    return blind_index("email", normalise_email(value))


def phone_index(value: str) -> str:
    return blind_index("phone", normalise_phone(value))


@receiver(setting_changed)
def _forget_keys(*, setting, **kwargs):
    if setting == "FIELD_ENCRYPTION_KEYS":
        _fernets.cache_clear()
