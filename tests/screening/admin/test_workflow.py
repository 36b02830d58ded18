"""The review workflow's rules (as data) and its services, without HTTP."""

import pytest
from hypothesis import given
from hypothesis import strategies as st
from wagtail.models import ModelLogEntry

from screening.models import Reassessment, ReviewNote, Status
from screening.workflow import (
    ALLOWED_TRANSITIONS,
    ReviewActionError,
    add_note,
    assign,
    can_transition,
    change_status,
    next_statuses,
    reassess,
)

# The issue's diagram, plus consultation_booked → closed (see workflow.py).
EXPECTED_FORWARD = {
    ("new", "in_review"),
    ("in_review", "contacted"),
    ("contacted", "consultation_booked"),
    ("contacted", "not_suitable"),
    ("contacted", "closed"),
    ("consultation_booked", "closed"),
}


def test_the_transition_table_is_the_issues_workflow():
    allowed = {
        (old.value, new.value)
        for old, nexts in ALLOWED_TRANSITIONS.items()
        for new in nexts
        if new != Status.WITHDRAWN
    }
    assert allowed == EXPECTED_FORWARD


@given(st.sampled_from(list(Status)), st.sampled_from(list(Status)))
def test_can_transition_matches_the_table(old, new):
    expected = (old.value, new.value) in EXPECTED_FORWARD or (
        new == Status.WITHDRAWN and old != Status.WITHDRAWN
    )
    assert can_transition(old, new) is expected
    assert can_transition(old.value, new.value) is expected


def test_a_status_never_moves_to_itself_and_withdrawn_is_final():
    for status in Status:
        assert not can_transition(status, status)
    assert next_statuses(Status.WITHDRAWN) == []
    assert next_statuses("closed") == [Status.WITHDRAWN]


def test_unknown_codes_are_never_allowed():
    assert not can_transition("new", "archived")
    assert not can_transition("archived", "new")
    assert next_statuses("archived") == []


def test_change_status_saves_logs_and_stamps_the_time(submission, reviewer):
    assert submission.status_changed_at is None
    change_status(submission, "in_review", reviewer)

    submission.refresh_from_db()
    assert submission.status == "in_review"
    assert submission.status_changed_at is not None
    entry = ModelLogEntry.objects.get(action="screening.status", object_id=str(submission.pk))
    assert entry.user == reviewer
    assert entry.data == {"from": "new", "to": "in_review"}
    assert entry.message == "Status changed from “New” to “In review”"


@pytest.mark.parametrize(
    ("start", "target"),
    [("new", "contacted"), ("new", "closed"), ("in_review", "new"), ("closed", "contacted")],
)
def test_change_status_refuses_a_skipped_or_backward_step(make_submission, reviewer, start, target):
    submission = make_submission(status=start)
    with pytest.raises(ReviewActionError, match="cannot be moved to"):
        change_status(submission, target, reviewer)
    submission.refresh_from_db()
    assert submission.status == start
    assert not ModelLogEntry.objects.filter(action="screening.status").exists()


def test_change_status_checks_the_saved_status_not_a_stale_copy(submission, reviewer):
    stale = type(submission).objects.get(pk=submission.pk)
    change_status(submission, "in_review", reviewer)
    change_status(submission, "contacted", reviewer)
    # A second reviewer whose page still says "new" cannot move it back to "in_review".
    with pytest.raises(ReviewActionError):
        change_status(stale, "in_review", reviewer)
    submission.refresh_from_db()
    assert submission.status == "contacted"


def test_withdrawn_is_reachable_from_every_other_state(make_submission, reviewer):
    for status in Status:
        if status == Status.WITHDRAWN:
            continue
        submission = make_submission(status=status)
        change_status(submission, "withdrawn", reviewer)
        submission.refresh_from_db()
        assert submission.status == "withdrawn"


def test_assign_logs_the_change_and_skips_a_no_op(submission, reviewer, manager):
    assert assign(submission, reviewer, manager) is True
    assert assign(submission, reviewer, manager) is False
    assert assign(submission, None, manager) is True

    submission.refresh_from_db()
    assert submission.assigned_to is None
    entries = ModelLogEntry.objects.filter(action="screening.assign").order_by("pk")
    assert [e.data["to_user_id"] for e in entries] == [reviewer.pk, None]
    assert entries[0].message == "Assigned to Rita Reviewer"
    assert entries[1].message == "Unassigned"


def test_assign_refuses_someone_who_cannot_review(submission, editor, manager):
    from screening.admin.policy import reviewers

    with pytest.raises(ReviewActionError, match="cannot review"):
        assign(submission, editor, manager, eligible=reviewers())
    submission.refresh_from_db()
    assert submission.assigned_to is None


def test_notes_are_appended_and_the_log_never_holds_their_text(submission, reviewer):
    first = add_note(submission, "  Called, no answer.  ", reviewer)
    second = add_note(submission, "Patient takes warfarin; GP letter needed.", reviewer)

    assert list(submission.notes.values_list("text", flat=True)) == [
        "Called, no answer.",
        "Patient takes warfarin; GP letter needed.",
    ]
    assert first.author == reviewer and second.created_at >= first.created_at
    entries = ModelLogEntry.objects.filter(action="screening.note")
    assert entries.count() == 2
    assert all("warfarin" not in str(e.data) for e in entries)


@pytest.mark.parametrize("text", ["", "   ", "x" * 4001])
def test_empty_or_overlong_notes_are_refused(submission, reviewer, text):
    with pytest.raises(ReviewActionError):
        add_note(submission, text, reviewer)
    assert not ReviewNote.objects.exists()


def test_reassess_keeps_the_original_and_stores_the_new_result(make_submission, reviewer):
    submission = make_submission(criteria_version="2025.01-1", score=3, outcome="unlikely")
    reassessment = reassess(submission, reviewer)

    submission.refresh_from_db()
    assert (submission.criteria_version, submission.score, submission.outcome) == (
        "2025.01-1",
        3,
        "unlikely",
    )
    assert reassessment.criteria_version != "2025.01-1"
    assert reassessment.reasons and reassessment.created_by == reviewer
    entry = ModelLogEntry.objects.get(action="screening.reassess")
    assert entry.data["from_version"] == "2025.01-1"
    # Done once per criteria version.
    with pytest.raises(ReviewActionError, match="already"):
        reassess(submission, reviewer)
    assert Reassessment.objects.count() == 1


def test_reassess_refuses_a_submission_already_on_the_current_criteria(submission, reviewer):
    with pytest.raises(ReviewActionError, match="already"):
        reassess(submission, reviewer)


def test_reassess_follows_a_criteria_version_bump(submission, reviewer, monkeypatch):
    from dataclasses import replace

    from screening import rules

    bumped = replace(rules.CURRENT, version="2099.01-1")
    monkeypatch.setattr(rules, "CURRENT", bumped)
    monkeypatch.setitem(rules.RULE_SETS, bumped.version, bumped)
    assert reassess(submission, reviewer).criteria_version == "2099.01-1"
    with pytest.raises(ReviewActionError, match="already"):
        reassess(submission, reviewer)
    assert Reassessment.objects.filter(submission=submission).count() == 1


def test_a_v1_submission_cannot_be_reassessed_without_the_new_answers(make_submission, reviewer):
    from screening.demo import OUTCOME_PROFILES

    submission = make_submission(answers=OUTCOME_PROFILES["likely"])
    assert submission.criteria_version == "2026.11-1"
    with pytest.raises(ReviewActionError, match="Warning signs"):
        reassess(submission, reviewer)
    assert not Reassessment.objects.exists()
    submission.refresh_from_db()
    assert (submission.criteria_version, submission.outcome) == ("2026.11-1", "likely")


def test_reassess_reports_answers_the_new_criteria_cannot_read(make_submission, reviewer):
    submission = make_submission(criteria_version="2025.01-1")
    submission.answers = {**submission.answers, "hair_loss_pattern": "norwood_9"}
    submission.save()
    with pytest.raises(ReviewActionError, match="hair_loss_pattern"):
        reassess(submission, reviewer)
    assert not Reassessment.objects.exists()
