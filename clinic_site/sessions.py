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
* ``cycle_key()`` (at consent, at submit, at sign-in) gives the session its new key in
  that same UPDATE (``SET session_key = new ... WHERE session_key = old``), instead of
  Django's check that the new key is free, INSERT under it in a transaction, load and
  DELETE of the old row (seven statements at the final submit, on the busiest request a
  patient makes). The old key stops opening the session when the new one starts to:
  there is never a moment with both, and if the request fails before the save the
  patient keeps the old key (Django would have left them with a deleted one).
"""

from __future__ import annotations

from django.contrib.sessions.backends.base import VALID_KEY_CHARS, UpdateError
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.db import IntegrityError, connections, router
from django.utils.crypto import get_random_string

from clinic_site import crypto


class SessionStore(DatabaseSessionStore):
    # The key the session's row is stored under while cycle_key() has given it a new one
    # that the next save() writes; None when the two are the same.
    _stored_key: str | None = None

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

    def cycle_key(self):
        data = self._session
        stored = self._stored_key or self.session_key
        if stored is None:
            # Nothing stored yet (or it expired): Django creates the row under a new key.
            return super().cycle_key()
        self._stored_key = stored
        # 32 characters from 36: a clash with a live key is as likely as guessing one, and
        # the primary key refuses it anyway (save() then draws again).
        self._session_key = get_random_string(32, VALID_KEY_CHARS)
        self._session_cache = data
        self.modified = True

    def save(self, must_create=False):
        if must_create or self.session_key is None:
            self._stored_key = None
            return super().save(must_create=must_create)
        obj = self.create_model_instance(self._get_session())
        using = router.db_for_write(self.model, instance=obj)
        stored = self._stored_key or obj.session_key
        rows = self.model._default_manager.using(using).filter(session_key=stored)
        changes = {"session_data": obj.session_data, "expire_date": obj.expire_date}
        if stored != obj.session_key:
            changes["session_key"] = obj.session_key
        try:
            updated = rows.update(**changes)
        except IntegrityError:
            # The new key is taken. Inside a transaction the error has spoilt it: let it
            # propagate; otherwise draw another key and write again.
            if stored == obj.session_key or connections[using].in_atomic_block:
                raise
            self._session_key = get_random_string(32, VALID_KEY_CHARS)
            return self.save()
        if not updated:
            raise UpdateError
        self._stored_key = None

    def delete(self, session_key=None):
        if session_key is None:
            # flush() after cycle_key(): the row is still under the key it was stored as.
            session_key, self._stored_key = self._stored_key or self.session_key, None
            if session_key is None:
                return
        # One DELETE (Django's engine loads the row first, then deletes it).
        self.model._default_manager.filter(session_key=session_key).delete()
