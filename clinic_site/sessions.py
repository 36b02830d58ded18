"""The session engine: Django's database sessions, encrypted, with browser-session cookies.

* ``session_data`` is a Fernet token (clinic_site.crypto, FIELD_ENCRYPTION_KEYS) around
  Django's signed encoding, so a dump of ``django_session`` shows nothing of a
  questionnaire in progress (answers, name, email, phone) or of a staff session.
  Sessions written before this engine (signed but not encrypted) are still read until
  they are next saved or expire.
* Every session cookie is a browser-session cookie (no Max-Age/Expires): it goes when the
  browser closes, on a shared computer too. How long a session lives on the server is
  separate: the row's ``expire_date`` (``set_expiry``: two hours for a questionnaire,
  ``SESSION_COOKIE_AGE`` otherwise), and staff_auth's idle and absolute limits.
* Saving an existing session is one UPDATE statement, without the transaction (a
  savepoint inside a request's transaction, BEGIN/COMMIT round trips otherwise) that
  Django's engine wraps around it: a single UPDATE needs none, and every questionnaire
  step POST saves the session (its query budget: tests/screening/test_query_budget.py).
  A session that has gone meanwhile (0 rows) is still an ``UpdateError``, as in Django.
"""

from __future__ import annotations

from django.contrib.sessions.backends.base import UpdateError
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.db import router

from clinic_site import crypto


class SessionStore(DatabaseSessionStore):
    def encode(self, session_dict):
        return crypto.encrypt(super().encode(session_dict))

    def decode(self, session_data):
        try:
            signed = crypto.decrypt(session_data)
        except (crypto.InvalidToken, UnicodeError, ValueError):
            # Not encrypted (written before this engine) or not readable with any key:
            # Django's own decoding either verifies its signature or gives an empty session.
            signed = session_data
        return super().decode(signed)

    def get_expire_at_browser_close(self):
        return True

    def save(self, must_create=False):
        if must_create or self.session_key is None:
            return super().save(must_create=must_create)
        obj = self.create_model_instance(self._get_session())
        using = router.db_for_write(self.model, instance=obj)
        updated = (
            self.model._default_manager.using(using)
            .filter(session_key=obj.session_key)
            .update(session_data=obj.session_data, expire_date=obj.expire_date)
        )
        if not updated:
            raise UpdateError
