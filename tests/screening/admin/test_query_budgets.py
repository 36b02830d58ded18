"""Query budgets: the listing, the inspect page and the dashboard panel run a fixed, small
number of queries however many submissions, notes or re-assessments there are."""

from collections import Counter
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from screening.demo import make_synthetic_submissions
from screening.models import Reassessment
from screening.workflow import add_note, assign, change_status
from tests.support.staff import admin_url

# 10 (issue 20): the permissions in one query (clinic_site.auth_backends) and the
# reviewer filter's choices from the cache (policy.cached_reviewers).
LISTING_BUDGET = 10
# 16: issue 18 adds one query for the patient's other submissions (by blind index).
# 17: issue 16 adds one for the submission's photos (the grid).
INSPECT_BUDGET = 17
PANEL_BUDGET = 3


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "query", ["", "?status=new&status=in_review&has_medical_conditions=false", "?q=synthetic"]
)
def test_listing_stays_within_budget_and_does_not_grow_with_rows(
    reviewer_client, reviewer, manager, query
):
    made = make_synthetic_submissions(10, seed=1, assignees=[reviewer, manager])
    count_queries(reviewer_client, admin_url("index"))  # warm per-process caches
    with_ten = count_queries(reviewer_client, admin_url("index") + query)

    make_synthetic_submissions(50, seed=2, assignees=[reviewer, manager])
    with_sixty = count_queries(reviewer_client, admin_url("index") + query)

    assert len(made) == 10
    assert with_sixty == with_ten
    assert with_sixty <= LISTING_BUDGET


def test_inspect_stays_within_budget_with_notes_reassessments_and_history(
    reviewer_client, reviewer, manager, make_submission
):
    submission = make_submission(criteria_version="2025.01-1", assigned_to=reviewer)

    def enrich(times):
        for i in range(times):
            add_note(submission, f"Note {i}", reviewer)
            assign(submission, manager if i % 2 else reviewer, reviewer)
            Reassessment.objects.create(
                submission=submission,
                outcome="likely",
                score=70,
                criteria_version=f"old-{i}",
                created_by=reviewer,
            )

    enrich(2)
    change_status(submission, "in_review", reviewer)
    url = admin_url("inspect", submission.pk)
    count_queries(reviewer_client, url)
    few = count_queries(reviewer_client, url)
    enrich(10)
    many = count_queries(reviewer_client, url)

    assert many == few
    assert many <= INSPECT_BUDGET


def test_dashboard_panel_uses_a_fixed_handful_of_queries(rf, reviewer):
    from screening.admin.dashboard import ScreeningDashboardPanel

    request = rf.get("/admin/")
    request.user = reviewer

    def panel_queries():
        with CaptureQueriesContext(connection) as queries:
            ScreeningDashboardPanel().render_html({"request": request})
        return len(queries)

    make_synthetic_submissions(10, seed=3, now=timezone.now())
    panel_queries()  # the first call also loads the user's permissions
    small = panel_queries()
    make_synthetic_submissions(100, seed=4, now=timezone.now() - timedelta(weeks=2))
    assert panel_queries() == small
    assert small <= PANEL_BUDGET


def test_export_queries_do_not_grow_with_rows(reviewer_client, reviewer):
    make_synthetic_submissions(5, seed=5, assignees=[reviewer])

    def export_queries():
        with CaptureQueriesContext(connection) as queries:
            response = reviewer_client.get(admin_url("index") + "?export=csv")
            b"".join(response.streaming_content)
        return len(queries)

    export_queries()
    few = export_queries()
    make_synthetic_submissions(60, seed=6, assignees=[reviewer])
    assert export_queries() == few


def test_listing_decrypts_only_the_names_it_shows(reviewer_client, reviewer, monkeypatch):
    """50 rows a page: 50 names decrypted, never an answer, email or phone, and never a
    row of another page."""
    from clinic_site.fields import EncryptedJSONField, EncryptedTextField

    make_synthetic_submissions(60, seed=7, assignees=[reviewer])
    decrypted = Counter()

    def counting(field_class):
        original = field_class.decrypt_value

        def wrapped(self, value):
            decrypted[self.name] += 1
            return original(self, value)

        monkeypatch.setattr(field_class, "decrypt_value", wrapped)

    counting(EncryptedTextField)
    counting(EncryptedJSONField)
    response = reviewer_client.get(admin_url("index"))
    assert response.status_code == 200
    # Reasons feed the stage summary; names the patient column. One of each per row shown.
    assert dict(decrypted) == {"name": 50, "reasons": 50}
