"""The local development admin account's generated password, kept for `make run`'s banner.

`manage.py ensure_local_admin` makes the password and records it here (var/, git-ignored,
readable by the owner only); the development server's banner (the runserver command in
clinic_site/management/commands/) shows it as the last thing `make run` prints. The
record also holds a fingerprint of the account's password hash, so once the password is
changed in the admin the banner says so instead of showing a stale one.
"""

from __future__ import annotations

import hashlib
import json

from django.conf import settings
from django.contrib.auth import get_user_model

RECORD_FILE_NAME = "local-admin.json"


def password_file():
    return settings.VAR_DIR / RECORD_FILE_NAME


def _fingerprint(user) -> str:
    return hashlib.sha256(user.password.encode()).hexdigest()


def remember(user, password: str) -> None:
    path = password_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch(mode=0o600, exist_ok=True)
    path.chmod(0o600)
    record = {"username": user.get_username(), "password": password, "hash": _fingerprint(user)}
    path.write_text(json.dumps(record))


def recall() -> tuple[str, str | None] | None:
    """(username, password) as generated; password None once it was changed; None when
    there is no recorded account."""
    try:
        record = json.loads(password_file().read_text())
    except (OSError, ValueError):
        return None
    user = get_user_model().objects.filter(username=record.get("username")).first()
    if user is None:
        return None
    if _fingerprint(user) != record.get("hash"):
        return record["username"], None
    return record["username"], record.get("password")
