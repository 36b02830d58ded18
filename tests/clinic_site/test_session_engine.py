"""The encrypted session engine's key change (clinic_site/sessions.py): ``cycle_key()``
moves the stored row to the new key in the next save's one UPDATE, so the old key stops
working exactly when the new one starts, and the session's data goes with it."""

import pytest
from django.contrib.sessions.backends.base import UpdateError
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext

from clinic_site.sessions import SessionStore

pytestmark = pytest.mark.django_db


@pytest.fixture
def stored():
    session = SessionStore()
    session["answer"] = "kept"
    session.save()
    return session.session_key


def test_a_new_key_keeps_the_data_and_retires_the_old_key(stored):
    session = SessionStore(stored)
    session.cycle_key()
    new_key = session.session_key
    assert new_key != stored and len(new_key) == 32
    # Nothing written yet: until the save, the old key still opens the session.
    assert Session.objects.filter(session_key=stored).exists()
    with CaptureQueriesContext(connection) as captured:
        session.save()
    assert len(captured) == 1 and captured[0]["sql"].startswith("UPDATE"), captured.captured_queries
    assert not Session.objects.filter(session_key=stored).exists()
    assert SessionStore(new_key)["answer"] == "kept"
    assert SessionStore(stored).load() == {}


def test_cycling_twice_before_a_save_still_moves_the_stored_row(stored):
    session = SessionStore(stored)
    session.cycle_key()
    session.cycle_key()
    session["more"] = 1
    session.save()
    assert list(Session.objects.values_list("session_key", flat=True)) == [session.session_key]
    assert dict(SessionStore(session.session_key).items()) == {"answer": "kept", "more": 1}


def test_a_flush_after_a_new_key_deletes_the_stored_row(stored):
    session = SessionStore(stored)
    session.cycle_key()
    session.flush()
    assert not Session.objects.exists()
    assert session.session_key is None


def test_a_session_that_has_gone_meanwhile_is_not_recreated_under_the_new_key(stored):
    session = SessionStore(stored)
    session.cycle_key()
    Session.objects.all().delete()  # e.g. signed out in another tab
    with pytest.raises(UpdateError):
        session.save()
    assert not Session.objects.exists()


def test_a_session_never_stored_gets_its_row_under_a_new_key():
    session = SessionStore()
    session["answer"] = "new"
    session.cycle_key()
    assert Session.objects.filter(session_key=session.session_key).exists()
    session.save()
    assert SessionStore(session.session_key)["answer"] == "new"


@pytest.mark.django_db(transaction=True)  # autocommit, as a request's session save runs
def test_a_taken_new_key_is_drawn_again(stored, monkeypatch):
    other = SessionStore()
    other.save()
    keys = iter([other.session_key, "z" * 32])
    monkeypatch.setattr("clinic_site.sessions.get_random_string", lambda *a: next(keys))
    session = SessionStore(stored)
    session.cycle_key()
    session.save()
    assert session.session_key == "z" * 32
    assert SessionStore("z" * 32)["answer"] == "kept"
    assert SessionStore(other.session_key).load() == {}  # the other session untouched
