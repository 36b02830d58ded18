"""Notification emails for a new submission, run as background tasks (django-tasks).

Both tasks take the submission's id and nothing else, so no personal data sits in the
task queue. The staff email carries the reference and an admin link only; the patient's
confirmation carries the reference and next steps, never an answer or an outcome.

Email is not reliable: when sending fails, the task schedules itself again with a
delay (``SCREENING_EMAIL_RETRY_DELAYS``) on a backend that can defer (the database
queue in production). The submission is already committed, so nothing is lost. Log
lines name the submission id and the error's class, never an address or a message
that might quote one.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from screening import conf, follow_up
from screening.models import Submission, SubmissionPhoto

logger = logging.getLogger(__name__)


class NotificationNotSent(Exception):
    """An email was given up on. Its message names the task and the submission id only."""


def _clinic_settings():
    """The default site's clinic details, or None when the site is not set up yet."""
    from wagtail.models import Site

    from content.site_settings import ClinicSettings

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return None
    return ClinicSettings.objects.filter(site=site).first()


def _admin_url(submission: Submission) -> str:
    base = str(getattr(settings, "WAGTAILADMIN_BASE_URL", "")).rstrip("/")
    # The submission's page in the staff-review admin (SubmissionViewSet's inspect view).
    return base + reverse("screening_submissions:inspect", args=[submission.pk])


def _send(message: EmailMessage, retry_task, submission_id: int, attempt: int) -> str:
    try:
        message.send(fail_silently=False)
    except Exception as error:
        return _schedule_retry(retry_task, submission_id, attempt, error)
    return "sent"


def _schedule_retry(retry_task, submission_id: int, attempt: int, error: Exception) -> str:
    delays = conf.email_retry_delays()
    name = retry_task.name
    reason = type(error).__name__
    if attempt > len(delays):
        logger.error(
            "%s for submission %s failed after %s attempts (%s); giving up",
            name,
            submission_id,
            attempt,
            reason,
        )
        raise NotificationNotSent(f"{name} for submission {submission_id}: gave up") from None
    if not retry_task.get_backend().supports_defer:
        logger.warning(
            "%s for submission %s failed (%s); this task backend cannot retry later",
            name,
            submission_id,
            reason,
        )
        raise NotificationNotSent(f"{name} for submission {submission_id}: not sent") from None
    run_after = timezone.now() + timedelta(seconds=delays[attempt - 1])
    try:
        retry_task.using(run_after=run_after).enqueue(submission_id, attempt=attempt + 1)
    except Exception as queue_error:
        logger.error(
            "%s for submission %s failed (%s) and could not be queued again (%s)",
            name,
            submission_id,
            reason,
            type(queue_error).__name__,
        )
        raise NotificationNotSent(f"{name} for submission {submission_id}: not queued") from None
    logger.warning(
        "%s for submission %s failed (%s); attempt %s scheduled in %ss",
        name,
        submission_id,
        reason,
        attempt + 1,
        delays[attempt - 1],
    )
    return "retry scheduled"


def _submission(submission_id: int) -> Submission | None:
    submission = (
        Submission.objects.filter(pk=submission_id)
        .only("pk", "reference", "email", "follow_up_nonce", "more_photos_message")
        .first()
    )
    if submission is None:
        # Erased before the email went out: there is nobody left to tell.
        logger.info("Submission %s no longer exists; no email sent", submission_id)
    return submission


@task()
def notify_staff_of_submission(submission_id: int, attempt: int = 1) -> str:
    """Tell staff a submission arrived: its reference and an admin link, nothing more."""
    submission = _submission(submission_id)
    if submission is None:
        return "skipped"
    clinic = _clinic_settings()
    recipient = (clinic.notification_email if clinic else "") or conf.staff_email()
    if not recipient:
        logger.warning(
            "No staff notification address (clinic details or SCREENING_STAFF_EMAIL); "
            "submission %s was stored but staff were not emailed",
            submission_id,
        )
        return "skipped"
    context = {"reference": submission.reference, "admin_url": _admin_url(submission)}
    message = EmailMessage(
        subject=f"New pre-screening submission {submission.reference}",
        body=render_to_string("screening/email/staff_notification.txt", context),
        to=[recipient],
    )
    return _send(message, notify_staff_of_submission, submission_id, attempt)


@task()
def send_patient_confirmation(submission_id: int, attempt: int = 1) -> str:
    """Confirm receipt to the patient: the reference and what happens next, no health details."""
    submission = _submission(submission_id)
    if submission is None:
        return "skipped"
    # No typed name in the greeting: anyone can type any name with someone else's
    # address, and the clinic must not send their words to it (issue 15).
    message = _patient_email(
        submission,
        subject=f"We have received your pre-screening questionnaire ({submission.reference})",
        template="screening/email/patient_confirmation.txt",
        contact_within=conf.contact_within(),
    )
    return _send(message, send_patient_confirmation, submission_id, attempt)


@task()
def send_more_photos_request(submission_id: int, attempt: int = 1) -> str:
    """ "Ask for more photos": the staff's chosen message and the follow-up link, nothing else."""
    submission = _submission(submission_id)
    if submission is None:
        return "skipped"
    message = _patient_email(
        submission,
        subject=f"Please send us more photos ({submission.reference})",
        template="screening/email/more_photos.txt",
        request_message=follow_up.PHOTO_REQUEST_MESSAGES.get(submission.more_photos_message, ""),
    )
    return _send(message, send_more_photos_request, submission_id, attempt)


def _patient_email(submission, *, subject: str, template: str, **extra) -> EmailMessage:
    """An email to the patient: the reference, the clinic and the follow-up link, plus
    what ``extra`` adds; never an answer or the name they typed."""
    clinic = _clinic_settings()
    context = {
        "reference": submission.reference,
        "clinic": clinic,
        "clinic_name": clinic.clinic_name if clinic else settings.WAGTAIL_SITE_NAME,
        "follow_up_url": follow_up.link_for(submission),
        "follow_up_days": follow_up.link_days(),
        **extra,
    }
    return EmailMessage(
        subject=subject,
        body=render_to_string(template, context),
        to=[submission.email],
        reply_to=[clinic.email] if clinic and clinic.email else None,
    )


@task()
def process_photo(photo_id: str) -> str:
    """Clean, shrink and encrypt one uploaded photo (screening/photos.py). Takes the id only."""
    from screening import photos

    photo = SubmissionPhoto.objects.filter(pk=photo_id).first()
    if photo is None:
        return "skipped"  # removed or erased before the worker got to it
    return photos.process(photo).status
