"""Issue 18: one review panel (status, assignee, note, clinician decision) saved in one
POST, all or nothing, with the decision in the history and no health data in the log."""

import pytest
from django.db import connection
from wagtail.models import ModelLogEntry

from screening.models import ReviewNote, Submission
from screening.workflow import ReviewActionError, save_review
from tests.support.staff import admin_url


def review(client, submission, follow=True, **data):
    payload = {
        "status": "",
        "assigned_to": submission.assigned_to_id or "",
        "text": "",
        "clinician_decision": "",
        "clinician_decision_reason": "",
        **data,
    }
    return client.post(admin_url("review", submission.pk), payload, follow=follow)


def test_one_post_saves_status_assignee_note_and_decision(
    reviewer_client, make_submission, reviewer, manager
):
    submission = make_submission(status="new")
    response = review(
        reviewer_client,
        submission,
        status="in_review",
        assigned_to=manager.pk,
        text="Called, booked for Tuesday.",
        clinician_decision="suitable_with_conditions",
        clinician_decision_reason="Stable pattern; start after finasteride review.",
    )
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == admin_url("inspect", submission.pk)
    html = response.content.decode()
    assert "Saved: status, assignment, note, clinician decision." in html

    submission.refresh_from_db()
    assert submission.status == "in_review"
    assert submission.assigned_to == manager
    assert submission.clinician_decision == "suitable_with_conditions"
    assert submission.clinician_decision_reason.startswith("Stable pattern")
    assert submission.clinician_decision_by == reviewer
    assert ReviewNote.objects.get(submission=submission).text == "Called, booked for Tuesday."
    # Shown on the page and in the history, in words.
    assert "Suitable with conditions" in html
    assert "Clinician decision recorded: Suitable with conditions" in html

    entry = ModelLogEntry.objects.get(action="screening.decision")
    assert entry.data == {"from": None, "to": "suitable_with_conditions"}
    # The reason is health data: it is in no log entry, and encrypted at rest.
    for logged in ModelLogEntry.objects.filter(object_id=str(submission.pk)):
        assert "finasteride" not in str(logged.data)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT clinician_decision_reason FROM screening_submission WHERE id = %s",
            [submission.pk],
        )
        (raw,) = cursor.fetchone()
    assert "finasteride" not in raw


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ({"status": "closed"}, "Select a valid choice"),
        ({"clinician_decision_reason": ""}, "Give the reason for the decision."),
        ({"clinician_decision": "cured"}, "Select a valid choice"),
        ({"clinician_decision": ""}, "Choose the decision the reason is for."),
        ({"assigned_to": "999999"}, "Select a valid choice"),
    ],
)
def test_a_refused_part_saves_nothing(reviewer_client, make_submission, manager, bad, message):
    submission = make_submission(status="new")
    data = {
        "status": "in_review",
        "assigned_to": manager.pk,
        "text": "A note that must not be saved alone.",
        "clinician_decision": "not_suitable",
        "clinician_decision_reason": "Scarring alopecia.",
        **bad,
    }
    logs_before = ModelLogEntry.objects.count()
    response = review(reviewer_client, submission, **data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nothing was saved" in html
    assert message in html

    submission.refresh_from_db()
    assert submission.status == "new"
    assert submission.assigned_to is None
    assert submission.clinician_decision == ""
    assert not ReviewNote.objects.filter(submission=submission).exists()
    # Only the page view itself was logged after the redirect.
    assert set(
        ModelLogEntry.objects.order_by("pk")[logs_before:].values_list("action", flat=True)
    ) <= {"screening.viewed"}


def test_the_inspect_page_has_one_review_form_and_contact_links(reviewer_client, make_submission):
    submission = make_submission(email="ann@mail.example", phone="+44 7700 900123")
    html = reviewer_client.get(admin_url("inspect", submission.pk)).content.decode()
    assert html.count(f'action="{admin_url("review", submission.pk)}"') == 1
    for name in ("status", "assigned_to", "text", "clinician_decision"):
        assert f'name="{name}"' in html
    assert 'href="mailto:ann@mail.example"' in html
    assert 'href="tel:+447700900123"' in html


def test_the_service_rolls_back_earlier_parts_when_a_later_one_is_refused(
    make_submission, reviewer, manager
):
    """Form checks catch most mistakes; this covers a refusal inside the transaction
    (e.g. a decision code from an outdated form) after status and note were written."""
    submission = make_submission(status="new")
    with pytest.raises(ReviewActionError):
        save_review(
            submission,
            reviewer,
            status="in_review",
            assignee=manager,
            change_assignee=True,
            note="Written first, must vanish.",
            decision="cured",
            reason="x",
        )
    fresh = Submission.objects.get(pk=submission.pk)
    assert (fresh.status, fresh.assigned_to_id, fresh.clinician_decision) == ("new", None, "")
    assert not ReviewNote.objects.filter(submission=submission).exists()
    assert not ModelLogEntry.objects.filter(
        object_id=str(submission.pk), action__in=["screening.status", "screening.assign"]
    ).exists()
