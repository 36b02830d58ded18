"""Two requests sending the same questionnaire at once store one submission.

In a module of its own: a transactional test flushes every table afterwards, which
PostgreSQL refuses inside another module's still-open site transaction (tests/conftest.py).
"""

import threading
from unittest import mock

import pytest
from django.db import connection

from screening import services
from screening.models import Submission
from tests.support.screening import finished_state


@pytest.mark.django_db(transaction=True)
def test_two_racing_submits_store_one_submission():
    if connection.vendor == "sqlite":
        pytest.skip("SQLite serialises writers; the race needs PostgreSQL's row locks")
    state = finished_state()
    both_ready = threading.Barrier(2, timeout=10)
    real_create = Submission.objects.create
    results, errors = [], []

    def create_after_both_checked(**fields):
        both_ready.wait()  # neither has inserted yet: the race is real
        return real_create(**fields)

    def send():
        try:
            results.append(services.submit(state).pk)
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            connection.close()

    with mock.patch.object(Submission.objects, "create", side_effect=create_after_both_checked):
        threads = [threading.Thread(target=send) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert not errors
    assert len(results) == 2 and results[0] == results[1]
    assert Submission.objects.count() == 1
