"""Turning a finished questionnaire into a stored, assessed submission.

``submit()`` is the only place a Submission is created from the public site. It checks
the session's answers against the contract again, assesses them, stores everything in
one INSERT (atomic by itself) and, once that has committed, queues the notifications
with nothing but the submission's id. It is idempotent per questionnaire run (``flow_id``): a double
click, a refresh or two racing requests give the same single submission.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Mapping
from contextlib import nullcontext
from datetime import datetime
from functools import partial
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from screening import conf, consent
from screening.criteria import MEDICAL_CONDITIONS
from screening.models import PreferredContact, Submission, SubmissionPhoto
from screening.scoring import assess, normalise_answers

logger = logging.getLogger(__name__)

# A fresh reference is drawn if a new one happens to exist already (about 1 in 10^11).
REFERENCE_ATTEMPTS = 3


class SubmissionRefused(Exception):
    """The questionnaire cannot be stored as it is; nothing was saved."""


class IncompleteQuestionnaire(SubmissionRefused):
    """Something the contract requires is missing or invalid in the session data."""


class TooQuick(SubmissionRefused):
    """Sent sooner after the consent step than a person could have read the questions."""


def existing_submission(flow_id: uuid.UUID | None) -> Submission | None:
    if flow_id is None:
        return None
    return Submission.objects.filter(flow_id=flow_id).first()


def submit(session_data: Mapping[str, Any], *, now: datetime | None = None) -> Submission:
    """Store a finished questionnaire once and queue its notifications.

    Raises ``IncompleteQuestionnaire`` for data that breaks the contract and ``TooQuick``
    when it arrives sooner than ``SCREENING_MIN_SECONDS`` after the consent step; in both
    cases nothing is stored. Errors name keys, never values.
    """
    now = now or timezone.now()
    flow_id = _flow_id(session_data)
    started_at = _timestamp(session_data.get("started_at"), "started_at")
    if (now - started_at).total_seconds() < conf.min_seconds():
        raise TooQuick("sent too soon after the consent step")
    try:
        answers = normalise_answers(_mapping(session_data.get("answers"), "answers"))
    except ValueError as error:
        # The message names the key and quotes the bad value; keep only the key.
        key = str(error).split(":", 1)[0]
        raise IncompleteQuestionnaire(f"answers: {key} is missing or invalid") from None
    contact = _contact(_mapping(session_data.get("contact"), "contact"))
    consents = _consents(_mapping(session_data.get("consents"), "consents"))
    consents["consent_photos_at"] = _photo_consent(session_data.get("photos"))
    assessment = assess(answers)

    fields = {
        "flow_id": flow_id,
        "answers": {
            key: list(value) if isinstance(value, tuple) else value
            for key, value in answers.items()
        },
        "outcome": str(assessment.outcome),
        "score": assessment.score,
        "reasons": [reason.as_dict() for reason in assessment.reasons],
        "criteria_version": assessment.criteria_version,
        "stage": str(assessment.stage),
        "referral": " ".join(assessment.referral),
        "has_medical_conditions": answers["medical_conditions"]
        != (MEDICAL_CONDITIONS.exclusive_code,),
        **contact,
        **consents,
    }
    for _ in range(REFERENCE_ATTEMPTS):
        try:
            # Without photos, one INSERT is all or nothing by itself: no BEGIN/COMMIT round
            # trips around it (on PostgreSQL, two of the busiest request's statements).
            # With photos, the INSERT and the photos' UPDATE commit together, so a
            # submission is never stored without the photos it was sent with. Inside a
            # caller's transaction, a savepoint keeps that transaction usable after a clash.
            with _photos_transaction(fields) or _savepoint_if_nested():
                submission = Submission.objects.create(**fields)
                _attach_photos(submission, flow_id)
            transaction.on_commit(partial(enqueue_notifications, submission.pk))
        except IntegrityError:
            existing = existing_submission(flow_id)
            if existing is not None:
                # Another request for the same run committed first: that one counts.
                return existing
            continue  # the reference was taken: draw another
        logger.info("Screening submission %s stored", submission.pk)
        return submission
    raise IntegrityError("could not find a free submission reference")


def _photos_transaction(fields):
    return transaction.atomic() if fields.get("consent_photos_at") is not None else None


def _savepoint_if_nested():
    if transaction.get_connection().in_atomic_block:
        return transaction.atomic()
    return nullcontext()


def enqueue_notifications(submission_id: int) -> None:
    """Queue both emails. Runs after commit; a queue failure never undoes the submission."""
    from screening.tasks import notify_staff_of_submission, send_patient_confirmation

    for task in (notify_staff_of_submission, send_patient_confirmation):
        try:
            task.enqueue(submission_id)
        except Exception as error:  # the submission is stored: log and carry on
            logger.error(
                "Could not queue %s for submission %s (%s)",
                task.name,
                submission_id,
                type(error).__name__,
            )


def _attach_photos(submission: Submission, flow_id: uuid.UUID) -> None:
    """The photos uploaded during this run now belong to the submission.

    Photos are only stored once the photo consent is given (the photo step's form), so
    without it there is nothing to attach and no query is spent; anything a tampered
    session left behind stays unattached and the retention purge deletes it."""
    if submission.consent_photos_at is None:
        return
    SubmissionPhoto.objects.filter(flow_id=flow_id, submission__isnull=True).update(
        submission=submission, flow_id=None
    )


def _photo_consent(photos: Any) -> datetime | None:
    if not isinstance(photos, Mapping) or not photos.get("consent_photos_at"):
        return None
    return _timestamp(photos.get("consent_photos_at"), "consent_photos_at")


# --- checks on the session data --------------------------------------------------------


def _mapping(value: Any, name: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise IncompleteQuestionnaire(f"{name}: missing")
    return value


def _flow_id(session_data: Mapping[str, Any]) -> uuid.UUID:
    try:
        return uuid.UUID(str(session_data.get("flow_id")))
    except ValueError:
        raise IncompleteQuestionnaire("flow_id: missing or invalid") from None


def _timestamp(value: Any, name: str) -> datetime:
    parsed = parse_datetime(value) if isinstance(value, str) else None
    if parsed is None or timezone.is_naive(parsed):
        raise IncompleteQuestionnaire(f"{name}: missing or invalid")
    return parsed


def _contact(contact: Mapping[str, Any]) -> dict[str, str]:
    values = {key: contact.get(key) for key in ("name", "email", "phone", "preferred_contact")}
    for key, value in values.items():
        if not isinstance(value, str):
            raise IncompleteQuestionnaire(f"contact: {key} is missing or invalid")
        max_length = Submission._meta.get_field(key).max_length
        if len(value) > max_length or (key != "phone" and not value.strip()):
            raise IncompleteQuestionnaire(f"contact: {key} is missing or invalid")
    if values["preferred_contact"] not in PreferredContact.values:
        raise IncompleteQuestionnaire("contact: preferred_contact is missing or invalid")
    if values["preferred_contact"] == PreferredContact.PHONE and not values["phone"].strip():
        raise IncompleteQuestionnaire("contact: phone is missing")
    return values


def _consents(consents: Mapping[str, Any]) -> dict[str, Any]:
    if consents.get("version") != consent.CONSENT_TEXT_VERSION:
        raise IncompleteQuestionnaire("consents: version is missing or out of date")
    marketing = consents.get("consent_marketing_at")
    return {
        "consent_text_version": consent.CONSENT_TEXT_VERSION,
        "consent_health_data_at": _timestamp(
            consents.get("consent_health_data_at"), "consent_health_data_at"
        ),
        "consent_contact_at": _timestamp(consents.get("consent_contact_at"), "consent_contact_at"),
        "consent_marketing_at": _timestamp(marketing, "consent_marketing_at")
        if marketing
        else None,
    }
