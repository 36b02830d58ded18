"""Two-factor secrets at rest (issue 15): authenticator keys encrypted, backup codes hashed.

* A TOTP device's key (django-otp stores 20 bytes as 40 hex characters in an 80-character
  column) is kept as ``enc1:`` + base64url(nonce + AES-256-GCM ciphertext and tag), 69
  characters. The AES key is derived (HKDF-SHA256) from each FIELD_ENCRYPTION_KEYS key,
  so the same keys and the same rotation apply: the first encrypts, all decrypt.
  ``TOTPDevice.bin_key`` is taught to read it; a key stored before this is still read,
  and is encrypted by the migration or the next save.
* A backup code is stored as ``h`` + the first 15 hex characters of an HMAC-SHA256 of
  the code under a key derived from BLIND_INDEX_KEY (django-otp's token column holds 16
  characters). The code is shown once and never stored; the sign-in form hashes what
  is typed before django-otp compares it.
"""

from __future__ import annotations

import base64
import binascii
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.utils.crypto import salted_hmac

from clinic_site import crypto

TOTP_PREFIX = "enc1:"
BACKUP_PREFIX = "h"
_AAD = b"clinic-site totp key"


def _aes_keys() -> list[bytes]:
    keys = []
    for key in crypto.configured_keys():
        material = base64.urlsafe_b64decode(key.encode())
        hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_AAD)
        keys.append(hkdf.derive(material))
    if not keys:
        crypto.encrypt("")  # raises the configuration error that explains what is missing
    return keys


def is_encrypted_totp_key(stored: str) -> bool:
    return stored.startswith(TOTP_PREFIX)


def encrypt_totp_key(hex_key: str) -> str:
    nonce = os.urandom(12)
    sealed = AESGCM(_aes_keys()[0]).encrypt(nonce, binascii.unhexlify(hex_key), _AAD)
    return TOTP_PREFIX + base64.urlsafe_b64encode(nonce + sealed).decode().rstrip("=")


def _open(stored: str) -> tuple[bytes, int]:
    """(key bytes, index of the FIELD_ENCRYPTION_KEYS key that opened it)."""
    body = stored[len(TOTP_PREFIX) :]
    raw = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
    for index, key in enumerate(_aes_keys()):
        try:
            return AESGCM(key).decrypt(raw[:12], raw[12:], _AAD), index
        except InvalidTag:
            continue
    raise crypto.InvalidToken


def totp_key_bytes(stored: str) -> bytes:
    if not is_encrypted_totp_key(stored):
        return binascii.unhexlify(stored.encode())
    return _open(stored)[0]


def totp_key_is_current(stored: str) -> bool:
    return is_encrypted_totp_key(stored) and _open(stored)[1] == 0


def reencrypt_totp_key(stored: str) -> str:
    return encrypt_totp_key(binascii.hexlify(totp_key_bytes(stored)).decode())


def hash_backup_code(code: str) -> str:
    digest = salted_hmac(
        "staff_auth.backup_code", code, secret=crypto.blind_index_key(), algorithm="sha256"
    ).hexdigest()
    return BACKUP_PREFIX + digest[:15]


def install() -> None:
    """Teach django-otp's TOTP device to read encrypted keys, and encrypt them on save."""
    from django.db.models.signals import pre_save
    from django_otp.plugins.otp_totp.models import TOTPDevice

    TOTPDevice.bin_key = property(lambda device: totp_key_bytes(device.key))

    def encrypt_key(sender, instance, **kwargs):
        if instance.key and not is_encrypted_totp_key(instance.key):
            instance.key = encrypt_totp_key(instance.key)

    pre_save.connect(encrypt_key, sender=TOTPDevice, weak=False, dispatch_uid="totp-key")
