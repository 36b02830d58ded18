"""The patient's follow-up link (issue 16): a signed, expiring link in the emails.

The link carries ``?t=<token>``: ``django.core.signing`` over the submission's id and its
random ``follow_up_nonce``, with a salt of its own and a timestamp, so it cannot be made
up, it expires (``SCREENING_FOLLOW_UP_DAYS``, default 30) and, once the submission is
erased, it can never open another one. Opening it puts the submission's id in the
patient's session and redirects to the same page without the token, so the token does
not stay in the address bar, the history or a Referer header.
"""

from __future__ import annotations

import secrets
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.urls import reverse

from screening.models import PhotoStatus, Status, Submission

SALT = "screening.follow-up"
SESSION_KEY = "screening_follow_up"
DEFAULT_DAYS = 30

# "Ask for more photos": staff pick one of these; the email carries the words, never a
# note about the patient's health.
PHOTO_REQUEST_MESSAGES = {
    "unclear": "Some of your photos are not clear enough for us to see your scalp.",
    "missing_views": "We would like to see your scalp from more sides.",
    "light": "Some of your photos are too dark. Please take them again in good light.",
    "hair_styled": "Please take the photos again with your hair dry and not styled.",
}


def link_days() -> int:
    return int(getattr(settings, "SCREENING_FOLLOW_UP_DAYS", DEFAULT_DAYS))


def make_token(submission: Submission) -> str:
    if not submission.follow_up_nonce:
        submission.follow_up_nonce = secrets.token_hex(16)
        submission.save(update_fields=["follow_up_nonce"])
    return signing.dumps([submission.pk, submission.follow_up_nonce], salt=SALT, compress=True)


def link_for(submission: Submission) -> str:
    base = str(getattr(settings, "SCREENING_PUBLIC_BASE_URL", "") or "").rstrip("/")
    if not base:
        base = str(getattr(settings, "WAGTAILADMIN_BASE_URL", "")).rstrip("/")
    return f"{base}{reverse('screening:follow_up')}?t={make_token(submission)}"


def submission_for_token(token: str) -> Submission | None:
    """The submission a valid, unexpired token names, or None (never says which check failed)."""
    try:
        pk, nonce = signing.loads(token, salt=SALT, max_age=timedelta(days=link_days()))
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if not isinstance(pk, int) or not isinstance(nonce, str) or not nonce:
        return None
    return Submission.objects.filter(pk=pk, follow_up_nonce=nonce).first()


def remember(session, submission: Submission) -> None:
    session.cycle_key()
    session[SESSION_KEY] = [submission.pk, submission.follow_up_nonce]


def submission_in_session(session) -> Submission | None:
    value = session.get(SESSION_KEY)
    if not (isinstance(value, list) and len(value) == 2):
        return None
    pk, nonce = value
    if not isinstance(pk, int) or not isinstance(nonce, str) or not nonce:
        return None
    return Submission.objects.filter(pk=pk, follow_up_nonce=nonce).first()


def forget(session) -> None:
    session.pop(SESSION_KEY, None)


def waiting_for_photos(submission: Submission) -> bool:
    """Staff asked for more photos and none has arrived since."""
    asked = submission.more_photos_requested_at
    if asked is None:
        return False
    return (
        not submission.photos.filter(uploaded_at__gt=asked)
        .exclude(status=PhotoStatus.REJECTED)
        .exists()
    )


def status_words(submission: Submission) -> tuple[str, str]:
    """(heading, sentence) for the patient: where their questionnaire is, in plain words."""
    if waiting_for_photos(submission):
        return (
            "Please send us more photos",
            "A clinician has looked at your answers and asked for more photos. "
            "You can add them below.",
        )
    if submission.status == Status.NEW:
        return (
            "We have received your answers",
            "A clinician has not looked at them yet. We will contact you when they have.",
        )
    if submission.status == Status.IN_REVIEW:
        return (
            "A clinician is looking at your answers",
            "We will contact you when they have finished.",
        )
    return (
        "A clinician has looked at your answers",
        "We will contact you, or we have done so already, by the way you chose.",
    )
