"""The staff review workflow: which status may follow which, and the review actions on a
submission (status, assignment, notes, re-assessment).

The transitions are data (``ALLOWED_TRANSITIONS``) so the admin's status form, the tests
and the README all read the same table. Each action runs in a transaction, re-reads the
row it changes, and writes one entry to Wagtail's audit log. Log data holds codes and ids
only, never a patient's answers, contact details or the text of a note.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from screening import rules, scoring
from screening.models import ClinicianDecision, Reassessment, ReviewNote, Status, Submission

# The workflow: new → in_review → contacted → consultation_booked | not_suitable |
# closed, and withdrawn (the patient asked us to stop) from any state.
# One addition: consultation_booked → closed. Without it a booked submission could never
# reach a purgeable status and would be kept forever, past the retention period.
# not_suitable, closed and withdrawn are final (apart from withdrawn).
_FORWARD: dict[Status, frozenset[Status]] = {
    Status.NEW: frozenset({Status.IN_REVIEW}),
    Status.IN_REVIEW: frozenset({Status.CONTACTED}),
    Status.CONTACTED: frozenset({Status.CONSULTATION_BOOKED, Status.NOT_SUITABLE, Status.CLOSED}),
    Status.CONSULTATION_BOOKED: frozenset({Status.CLOSED}),
    Status.NOT_SUITABLE: frozenset(),
    Status.CLOSED: frozenset(),
    Status.WITHDRAWN: frozenset(),
}
ALLOWED_TRANSITIONS: dict[Status, frozenset[Status]] = {
    status: nexts | ({Status.WITHDRAWN} if status is not Status.WITHDRAWN else frozenset())
    for status, nexts in _FORWARD.items()
}

# Statuses whose submissions may be deleted once past the retention period.
PURGEABLE_STATUSES = (Status.CLOSED, Status.NOT_SUITABLE, Status.WITHDRAWN)
# Statuses in which a submission is still waiting for the clinic to act.
OPEN_STATUSES = (Status.NEW, Status.IN_REVIEW)

NOTE_MAX_LENGTH = ReviewNote._meta.get_field("text").max_length


class ReviewActionError(ValueError):
    """A review action was refused; the message is written for staff."""


def _status(value) -> Status | None:
    try:
        return Status(value)
    except ValueError:
        return None


def can_transition(old, new) -> bool:
    """Whether a submission in status ``old`` may move to ``new`` (codes or Status)."""
    old_status, new_status = _status(old), _status(new)
    if old_status is None or new_status is None:
        return False
    return new_status in ALLOWED_TRANSITIONS[old_status]


def next_statuses(current) -> list[Status]:
    """The statuses a submission may move to next, in the workflow's order."""
    status = _status(current)
    if status is None:
        return []
    return [candidate for candidate in Status if candidate in ALLOWED_TRANSITIONS[status]]


def _locked(submission: Submission) -> Submission:
    return Submission.objects.select_for_update().get(pk=submission.pk)


def change_status(submission: Submission, new_status, user) -> Submission:
    """Move a submission to ``new_status`` or raise ReviewActionError saying why not.

    The check runs against the row as it is in the database (locked), so two reviewers
    acting at once cannot both move the same submission from the same state.
    """
    target = _status(new_status)
    if target is None:
        raise ReviewActionError(f"“{new_status}” is not a review status.")
    with transaction.atomic():
        current = _locked(submission)
        old = Status(current.status)
        if not can_transition(old, target):
            allowed = ", ".join(f"“{s.label}”" for s in next_statuses(old)) or "none"
            raise ReviewActionError(
                f"A submission that is “{old.label}” cannot be moved to “{target.label}”. "
                f"Allowed next: {allowed}."
            )
        current.status = target
        current.status_changed_at = timezone.now()
        current.save(update_fields=["status", "status_changed_at"])
        log(current, "screening.status", user=user, data={"from": old.value, "to": target.value})
    submission.status = current.status
    submission.status_changed_at = current.status_changed_at
    return submission


def _display_name(user) -> str:
    return (user.get_full_name() or "").strip() or user.get_username()


def assign(submission: Submission, assignee, user, *, eligible=None) -> bool:
    """Assign the submission to ``assignee`` (None to unassign). Returns False if nothing
    changed. ``eligible`` (a user queryset) restricts who may be assigned."""
    if (
        assignee is not None
        and eligible is not None
        and not eligible.filter(pk=assignee.pk).exists()
    ):
        raise ReviewActionError(f"{_display_name(assignee)} cannot review submissions.")
    with transaction.atomic():
        current = _locked(submission)
        old_id = current.assigned_to_id
        new_id = assignee.pk if assignee is not None else None
        if old_id == new_id:
            return False
        current.assigned_to = assignee
        current.save(update_fields=["assigned_to"])
        log(
            current,
            "screening.assign",
            user=user,
            data={
                "from_user_id": old_id,
                "to_user_id": new_id,
                # A staff member's name, kept so the history stays readable if the
                # account is removed later. Never a patient's.
                "to_name": _display_name(assignee) if assignee is not None else None,
            },
        )
    submission.assigned_to = assignee
    return True


def add_note(submission: Submission, text: str, user) -> ReviewNote:
    """Append an internal note. Notes are never edited or deleted on their own."""
    text = (text or "").strip()
    if not text:
        raise ReviewActionError("A note cannot be empty.")
    if len(text) > NOTE_MAX_LENGTH:
        raise ReviewActionError(
            f"A note can be at most {NOTE_MAX_LENGTH} characters (this one has {len(text)})."
        )
    with transaction.atomic():
        note = ReviewNote.objects.create(submission=submission, author=user, text=text)
        # The note's text may hold health details: the log records only that a note exists.
        log(submission, "screening.note", user=user, data={"note_id": note.pk})
    return note


DECISION_REASON_MAX_LENGTH = Submission._meta.get_field("clinician_decision_reason").max_length


def record_decision(submission: Submission, decision, reason: str, user) -> bool:
    """Record the clinician's decision after the consultation, with its reason. Returns
    False when both are unchanged. The log records the decision code only: the reason may
    hold health data and stays encrypted on the submission."""
    try:
        decision = ClinicianDecision(decision)
    except ValueError:
        raise ReviewActionError(f"“{decision}” is not a clinician decision.") from None
    reason = (reason or "").strip()
    if not reason:
        raise ReviewActionError("Give the reason for the clinician's decision.")
    if len(reason) > DECISION_REASON_MAX_LENGTH:
        raise ReviewActionError(
            f"The reason can be at most {DECISION_REASON_MAX_LENGTH} characters "
            f"(this one has {len(reason)})."
        )
    with transaction.atomic():
        current = _locked(submission)
        if current.clinician_decision == decision and current.clinician_decision_reason == reason:
            return False
        old = current.clinician_decision
        current.clinician_decision = decision
        current.clinician_decision_reason = reason
        current.clinician_decision_at = timezone.now()
        current.clinician_decision_by = user
        current.save(
            update_fields=[
                "clinician_decision",
                "clinician_decision_reason",
                "clinician_decision_at",
                "clinician_decision_by",
            ]
        )
        log(
            current,
            "screening.decision",
            user=user,
            data={"from": old or None, "to": decision.value},
        )
    for field in ("clinician_decision", "clinician_decision_reason", "clinician_decision_at"):
        setattr(submission, field, getattr(current, field))
    submission.clinician_decision_by = user
    return True


def save_review(
    submission: Submission,
    user,
    *,
    status=None,
    assignee=None,
    change_assignee=False,
    note="",
    decision="",
    reason="",
    eligible=None,
) -> list[str]:
    """The inspect page's one review panel: status, assignment, a note and the clinician's
    decision, all or nothing in one transaction. Returns what changed, in words; raises
    ReviewActionError (nothing saved) if any part is refused."""
    changed = []
    with transaction.atomic():
        if status and status != _locked(submission).status:
            change_status(submission, status, user)
            changed.append("status")
        if change_assignee and assign(submission, assignee, user, eligible=eligible):
            changed.append("assignment")
        if (note or "").strip():
            add_note(submission, note, user)
            changed.append("note")
        if decision:
            if record_decision(submission, decision, reason, user):
                changed.append("clinician decision")
        elif (reason or "").strip():
            raise ReviewActionError("Choose the clinician's decision the reason is for.")
    return changed


def current_criteria_version() -> str:
    """The version assess() stamps on its results now (read at call time)."""
    return rules.rule_set().version


def unasked_questions(answers) -> list[str]:
    """Staff labels of the current questions a stored submission has no answer to (for a
    v1 submission: the questions v2 added)."""
    current = rules.rule_set()
    answers = answers if isinstance(answers, dict) else {}
    return [
        current.questions[key].staff_label
        for key in current.required_keys
        if answers.get(key) in (None, "", [], ())
    ]


def current_rules_preview(submission: Submission) -> dict | None:
    """What the current rules would say about a submission assessed under older ones,
    worked out on the fly and never stored. None when it is on the current rules."""
    if submission.criteria_version == current_criteria_version():
        return None
    missing = unasked_questions(submission.answers)
    if missing:
        return {"missing": missing}
    try:
        assessment = scoring.assess(submission.answers)
    except ValueError as error:
        # The message names the key; keep only that, never the stored value.
        return {"error": str(error).split(":", 1)[0]}
    return {"assessment": assessment}


def reassessment_needed(submission: Submission, reassessments=None) -> bool:
    """True when the criteria changed since the submission was assessed and it has not
    been re-assessed under the current version yet. ``reassessments`` may be passed to
    avoid a query."""
    current = current_criteria_version()
    if submission.criteria_version == current:
        return False
    if reassessments is None:
        return not submission.reassessments.filter(criteria_version=current).exists()
    return all(r.criteria_version != current for r in reassessments)


def reassess(submission: Submission, user) -> Reassessment:
    """Assess the stored answers under the current criteria and keep the result beside the
    original assessment, which never changes."""
    with transaction.atomic():
        current = _locked(submission)
        if not reassessment_needed(current):
            raise ReviewActionError(
                f"This submission has already been assessed under the current criteria "
                f"(version {current_criteria_version()})."
            )
        missing = unasked_questions(current.answers)
        if missing:
            raise ReviewActionError(
                f"The current criteria (version {current_criteria_version()}) need answers "
                f"this patient was not asked: {', '.join(missing)}. Ask the patient and add a "
                f"note; the original assessment stays as it is."
            )
        try:
            assessment = scoring.assess(current.answers)
        except ValueError as error:
            raise ReviewActionError(
                f"The stored answers cannot be assessed under criteria version "
                f"{current_criteria_version()}: {error}. Ask a developer to check the "
                f"criteria change."
            ) from error
        reassessment = Reassessment.objects.create(
            submission=current,
            created_by=user,
            outcome=assessment.outcome,
            score=assessment.score,
            reasons=[reason.as_dict() for reason in assessment.reasons],
            criteria_version=assessment.criteria_version,
        )
        log(
            current,
            "screening.reassess",
            user=user,
            data={
                "reassessment_id": reassessment.pk,
                "from_version": current.criteria_version,
                "to_version": assessment.criteria_version,
            },
        )
    return reassessment
