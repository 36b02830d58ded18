"""How the screening review shows a submission's stored codes to staff: outcome, referral
and stage labels, the stage summary, dates and names. Read-only helpers, no queries."""

from __future__ import annotations

from collections import Counter

from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format

from screening import criteria
from screening.admin.filters import user_display_name
from screening.criteria import OUTCOMES, QUESTIONS, REFERRAL_LABELS, STAGE_LABELS, Effect, Referral
from screening.models import Submission

REVIEW_CSS = "screening/admin/review.css"


def outcome_label(code: str) -> str:
    """The outcome's staff wording, short enough for a badge ("Refer", "Likely candidate")."""
    try:
        return OUTCOMES[criteria.Outcome(code)].staff_label.split(":")[0]
    except ValueError:
        return code


def outcome_full_label(code: str) -> str:
    try:
        return OUTCOMES[criteria.Outcome(code)].staff_label
    except ValueError:
        return code


def referral_label(value: str) -> str:
    """e.g. "Diagnosis first (GP or dermatologist); Medical safety review", or ""."""
    labels = []
    for kind in (value or "").split():
        try:
            labels.append(REFERRAL_LABELS[Referral(kind)])
        except ValueError:
            labels.append(kind)
    return "; ".join(labels)


def stage_label(code: str) -> str:
    try:
        return STAGE_LABELS[criteria.Stage(code)]
    except ValueError:
        return code


def reason_counts(reasons) -> Counter:
    return Counter(reason.get("effect") for reason in reasons or () if isinstance(reason, dict))


def stage_summary(submission: Submission) -> str:
    """e.g. "Early · 3 for, 0 against, 2 flags", from stored fields only (no queries)."""
    counts = reason_counts(submission.reasons)
    flags = counts[Effect.FLAG.value]
    return (
        f"{stage_label(submission.stage)} · {counts[Effect.FOR.value]} for, "
        f"{counts[Effect.AGAINST.value]} against, {flags} flag{'' if flags == 1 else 's'}"
    )


def received_text(submission: Submission) -> str:
    return date_format(timezone.localtime(submission.created_at), "j M Y, H:i")


def assignee_text(submission: Submission) -> str:
    if submission.assigned_to_id is None:
        return "Unassigned"
    return user_display_name(submission.assigned_to)


def assignee_text_for(user) -> str:
    return user_display_name(user) if user is not None else ""


EFFECT_LABELS = {
    Effect.FOR.value: "For",
    Effect.AGAINST.value: "Against",
    Effect.FLAG.value: "Flag",
}


def reasons_for_display(reasons, questions=QUESTIONS):
    """Stored reasons (dicts) as table rows: effect, its label, the text and the question
    it came from, in a reviewer's words."""
    return [
        {
            "effect": reason.get("effect"),
            "effect_label": EFFECT_LABELS.get(reason.get("effect"), reason.get("effect")),
            "text": reason.get("text", ""),
            "key": reason.get("criterion", ""),
            "criterion": questions[reason["criterion"]].staff_label
            if reason.get("criterion") in questions
            else reason.get("criterion", ""),
        }
        for reason in reasons or ()
        if isinstance(reason, dict)
    ]


def clinic_name() -> str:
    """The clinic's name as the admin shows it (the site name, no query)."""
    return settings.WAGTAIL_SITE_NAME
