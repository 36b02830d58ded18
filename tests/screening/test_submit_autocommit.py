"""The final submit as production runs it, in autocommit (no test transaction around
it): the one INSERT opens no transaction or savepoint of its own (issue 13/15's submit
p95; bench/submit_profile.py)."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from screening.models import Submission
from tests.support.screening import step_data, step_url


@pytest.mark.django_db(transaction=True)
def test_outside_a_transaction_the_submit_opens_none(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    patient = Client()
    for slug, data in step_data():
        assert patient.post(step_url(slug), data).status_code == 302
    with CaptureQueriesContext(connection) as captured:
        response = patient.post(reverse("screening:submit"))
    sqls = [query["sql"] for query in captured.captured_queries]
    assert response["Location"] == reverse("screening:result"), sqls
    assert Submission.objects.count() == 1
    # The session, is this run stored already, the INSERT, the session's UPDATE (without
    # the site tree this test has no Wagtail site, so a site lookup may come on top).
    own = [sql.split()[0] for sql in sqls if "django_session" in sql or "screening_sub" in sql]
    assert own == ["SELECT", "SELECT", "INSERT", "UPDATE"], "\n".join(s[:120] for s in sqls)
    assert not [sql for sql in sqls if sql.startswith(("SAVEPOINT", "BEGIN"))], sqls
