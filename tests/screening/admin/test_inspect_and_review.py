"""A submission's page and the review actions on it, through HTTP, with their audit trail."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import ModelLogEntry

from screening.demo import OUTCOME_PROFILES
from screening.models import Reassessment, ReviewNote, Submission
from screening.rules import CURRENT, rule_set
from screening.workflow import add_note
from tests.support.staff import admin_url


def page(client, submission) -> str:
    response = client.get(admin_url("inspect", submission.pk))
    assert response.status_code == 200
    return response.content.decode()


def text_of(html: str) -> str:
    """Visible text with tags removed and whitespace collapsed, for phrase checks."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_inspect_view_lives_at_the_agreed_url(submission):
    assert admin_url("inspect", submission.pk) == (
        f"/admin/screening/submissions/inspect/{submission.pk}/"
    )


@pytest.fixture
def detailed(make_submission):
    answers = {
        **OUTCOME_PROFILES["refer"],
        "smooth_bald_areas": "small",
        "smooth_bald_years": "2_5",
        "medical_conditions": ["blood_thinners", "keloid_scarring"],
        "previous_treatments": ["minoxidil", "prp"],
    }
    return make_submission(
        answers=answers,
        name="Jordan Example",
        email="jordan@mail.example",
        phone="07700 900123",
        preferred_contact="phone",
        consent_text_version="consent-2026-11",
        consent_marketing_at=None,
    )


def test_every_answer_in_plain_words_grouped_like_the_questionnaire(reviewer_client, detailed):
    """Laid out by the steps of the submission's own criteria version (a v1 submission
    here), every answer in that version's staff wording."""
    rules = rule_set(detailed.criteria_version)
    assert rules is not CURRENT
    html = page(reviewer_client, detailed)
    text = text_of(html)
    positions = [html.index(f">{step.title}<") for step in rules.steps]
    assert positions == sorted(positions)
    for key in rules.questions:
        value = detailed.answers.get(key)
        assert rules.questions[key].staff_label in text
        assert rules.answer_label(key, value) in text
    # Plain words, not codes.
    assert "Anticoagulant or antiplatelet medicine; Keloid or hypertrophic scarring" in text
    assert "blood_thinners" not in html
    # A question v2 added is not among a v1 submission's answers.
    answers = re.search(r'id="answers-section".*?</section>', html, re.S).group(0)
    assert CURRENT.questions["warning_signs"].staff_label not in text_of(answers)
    assert rules.questions["age"].staff_label in text_of(answers)


def test_assessment_reasons_version_consents_and_contact(reviewer_client, detailed):
    text = text_of(page(reviewer_client, detailed))
    assert "Refer: medical review needed before any procedure" in text
    assert f"{detailed.score} out of 100" in text
    assert detailed.criteria_version in text
    for reason in detailed.reasons:
        assert reason["text"] in text
    assert "Flag" in text and "For" in text
    for field in ("consent_health_data_at", "consent_contact_at"):
        assert timezone.localtime(getattr(detailed, field)).strftime("%-d %B %Y, %H:%M:%S") in text
    assert "Marketing Not given" in text
    assert "consent-2026-11" in text
    assert "Jordan Example" in text and "jordan@mail.example" in text and "07700 900123" in text
    assert "Preferred contact Phone" in text


def test_the_page_shows_no_field_that_could_change_the_answers(reviewer_client, detailed):
    html = page(reviewer_client, detailed)
    names = set(re.findall(r'<(?:input|select|textarea)[^>]*\bname="([^"]+)"', html))
    assert names <= {
        "csrfmiddlewaretoken",
        "status",
        "assigned_to",
        "text",
        "clinician_decision",
        "clinician_decision_reason",
        "q",
        "message",  # "Ask for more photos": one of the fixed messages (issue 16)
    }
    for form_action in re.findall(r'<form[^>]*action="([^"]*)"', html):
        assert "/edit/" not in form_action


def test_answers_cannot_be_changed_through_any_action(reviewer_client, detailed):
    before = Submission.objects.values().get(pk=detailed.pk)
    tampering = {
        "answers": '{"age": 99}',
        "outcome": "likely",
        "score": "100",
        "name": "Someone Else",
        "email": "else@mail.example",
        "criteria_version": "x",
    }
    for action in ("status", "assign", "note", "reassess"):
        reviewer_client.post(admin_url(action, detailed.pk), tampering)
    after = Submission.objects.values().get(pk=detailed.pk)
    for field in ("answers", "outcome", "score", "name", "email", "criteria_version", "reasons"):
        assert after[field] == before[field]


def test_status_change_through_the_page(reviewer_client, submission, reviewer):
    html = page(reviewer_client, submission)
    options = re.search(r'<select name="status".*?</select>', html, re.S).group(0)
    assert re.findall(r'value="([a-z_]+)"', options) == ["in_review", "withdrawn"]

    response = reviewer_client.post(
        admin_url("status", submission.pk), {"status": "in_review"}, follow=True
    )
    assert "Status changed to “In review”." in response.content.decode()
    submission.refresh_from_db()
    assert submission.status == "in_review"
    entry = ModelLogEntry.objects.get(action="screening.status")
    assert entry.user == reviewer and entry.object_id == str(submission.pk)


def test_a_refused_transition_is_explained_and_changes_nothing(reviewer_client, submission):
    response = reviewer_client.post(
        admin_url("status", submission.pk), {"status": "closed"}, follow=True
    )
    html = response.content.decode()
    assert "cannot be moved to “Closed”" in html
    assert "Allowed next: “In review”, “Withdrawn”" in html
    submission.refresh_from_db()
    assert submission.status == "new"
    assert not ModelLogEntry.objects.filter(action="screening.status").exists()


@pytest.mark.parametrize("value", ["", "archived", "NEW"])
def test_nonsense_statuses_are_refused(reviewer_client, submission, value):
    response = reviewer_client.post(
        admin_url("status", submission.pk), {"status": value}, follow=True
    )
    assert response.status_code == 200
    assert "is not a review status" in response.content.decode()
    submission.refresh_from_db()
    assert submission.status == "new"


def test_final_statuses_offer_no_status_form(reviewer_client, make_submission):
    html = page(reviewer_client, make_submission(status="withdrawn"))
    assert 'name="status"' not in html
    assert "is a final status" in html


def test_walk_the_whole_workflow(reviewer_client, submission):
    for status in ("in_review", "contacted", "consultation_booked", "closed"):
        reviewer_client.post(admin_url("status", submission.pk), {"status": status})
    submission.refresh_from_db()
    assert submission.status == "closed"
    assert ModelLogEntry.objects.filter(action="screening.status").count() == 4


def test_assign_and_unassign(reviewer_client, submission, reviewer, manager):
    response = reviewer_client.post(
        admin_url("assign", submission.pk), {"assigned_to": manager.pk}, follow=True
    )
    assert "Assigned to Manny Manager." in response.content.decode()
    submission.refresh_from_db()
    assert submission.assigned_to == manager

    reviewer_client.post(admin_url("assign", submission.pk), {"assigned_to": ""})
    submission.refresh_from_db()
    assert submission.assigned_to is None
    assert ModelLogEntry.objects.filter(action="screening.assign").count() == 2


def test_cannot_assign_someone_who_is_not_a_reviewer(reviewer_client, submission, editor):
    response = reviewer_client.post(
        admin_url("assign", submission.pk), {"assigned_to": editor.pk}, follow=True
    )
    assert "Not assigned" in response.content.decode()
    submission.refresh_from_db()
    assert submission.assigned_to is None


def test_notes_are_append_only(reviewer_client, submission, reviewer):
    reviewer_client.post(admin_url("note", submission.pk), {"text": "First call: voicemail."})
    reviewer_client.post(admin_url("note", submission.pk), {"text": "Second call: booked."})
    notes = list(ReviewNote.objects.filter(submission=submission).order_by("pk"))
    assert [n.text for n in notes] == ["First call: voicemail.", "Second call: booked."]
    assert all(n.author == reviewer for n in notes)

    text = text_of(page(reviewer_client, submission))
    assert text.index("First call: voicemail.") < text.index("Second call: booked.")
    assert "Rita Reviewer" in text
    # Posting again with a note's id never edits it; there is no URL to edit or delete one.
    reviewer_client.post(admin_url("note", submission.pk), {"id": notes[0].pk, "text": "Edited"})
    notes[0].refresh_from_db()
    assert notes[0].text == "First call: voicemail."
    for path in (f"note/{notes[0].pk}/edit/", f"note/{notes[0].pk}/delete/"):
        assert reviewer_client.post(f"/admin/screening/submissions/{path}").status_code == 404
    assert ReviewNote.objects.count() == 3


def test_an_empty_note_is_refused_with_a_message(reviewer_client, submission):
    response = reviewer_client.post(admin_url("note", submission.pk), {"text": "  "}, follow=True)
    assert "The note was not added" in response.content.decode()
    assert not ReviewNote.objects.exists()


def test_reassess_is_offered_only_when_the_criteria_changed(reviewer_client, make_submission):
    current = make_submission()
    assert "Re-assess under version" not in page(reviewer_client, current)

    old = make_submission(criteria_version="2025.01-1")
    html = page(reviewer_client, old)
    assert "Re-assess under version" in html

    response = reviewer_client.post(admin_url("reassess", old.pk), follow=True)
    html = response.content.decode()
    assert "The original assessment is unchanged." in html
    assert "Criteria version" in html and "Re-assessments" in html
    assert "Re-assess under version" not in html
    assert Reassessment.objects.filter(submission=old).count() == 1
    old.refresh_from_db()
    assert old.criteria_version == "2025.01-1"

    refused = reviewer_client.post(admin_url("reassess", current.pk), follow=True)
    assert "already been assessed under the current criteria" in refused.content.decode()


def test_every_action_is_in_the_history_view_in_plain_words(
    reviewer_client, make_submission, reviewer, manager
):
    submission = make_submission(criteria_version="2025.01-1")
    reviewer_client.post(admin_url("assign", submission.pk), {"assigned_to": reviewer.pk})
    reviewer_client.post(admin_url("status", submission.pk), {"status": "in_review"})
    reviewer_client.post(admin_url("note", submission.pk), {"text": "Has a question about PRP."})
    reviewer_client.post(admin_url("reassess", submission.pk))

    history = reviewer_client.get(admin_url("history", submission.pk))
    assert history.status_code == 200
    text = text_of(history.content.decode())
    for message in (
        "Assigned to Rita Reviewer",
        "Status changed from “New” to “In review”",
        "Internal note added",
        "Re-assessed under criteria version",
    ):
        assert message in text
    assert "Has a question about PRP." not in text  # note text stays out of the log
    # The latest entries are on the submission's page too.
    recent = text_of(page(reviewer_client, submission))
    assert "Internal note added" in recent and "Assigned to Rita Reviewer" in recent
    assert "Full history" in recent


def test_audit_entries_hold_no_patient_data(reviewer_client, submission, reviewer):
    reviewer_client.post(admin_url("assign", submission.pk), {"assigned_to": reviewer.pk})
    reviewer_client.post(admin_url("status", submission.pk), {"status": "in_review"})
    reviewer_client.post(admin_url("note", submission.pk), {"text": "Pat Example called."})
    reviewer_client.get(admin_url("index") + "?export=csv&q=Pat+Example")
    entries = ModelLogEntry.objects.all()
    assert entries.count() == 4
    dump = repr(list(entries.values("data")))
    for personal in ("Pat Example", "Pat.Example@mail.example", "called"):
        assert personal not in dump


def test_inspect_shows_recent_history_newest_first(reviewer_client, submission, reviewer):
    for i in range(12):
        add_note(submission, f"note {i}", reviewer)
    ModelLogEntry.objects.filter(action="screening.note").update(timestamp=timezone.now())
    first = ModelLogEntry.objects.order_by("pk").first()
    first.timestamp = timezone.now() - timedelta(days=1)
    first.save()
    html = page(reviewer_client, submission)
    history = re.search(r'id="history-section".*?</section>', html, re.S).group(0)
    assert history.count("Internal note added") == 10
