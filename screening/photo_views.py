"""The public photo pages (issue 16): the questionnaire's optional photo step, and the
patient's follow-up pages reached through the link in their emails.

Only these views take files, so only they accept a body up to five photos
(``photo_body_limit``); the size is checked before the body is read, then the CSRF check
runs. The files get the cheap content check (photos.check_upload) and are stored
encrypted; the worker does the rest.
"""

from __future__ import annotations

import logging
from functools import wraps

from django.core.files.uploadhandler import MemoryFileUploadHandler, TemporaryFileUploadHandler
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from screening import follow_up, photos
from screening.flow import Questionnaire
from screening.models import PhotoStatus, PhotoView, Submission
from screening.photo_forms import PhotoForm
from screening.privacy import erase_submissions
from screening.views import QUESTIONNAIRE_CHROME, limit_body_size, step_url

logger = logging.getLogger(__name__)

# Room for the form's other fields and the multipart boundaries around five photos.
BODY_OVERHEAD_BYTES = 1024 * 1024
FOLLOW_UP_CHROME = {"reduced_header": True, "exit_url": "/", "exit_label": "Leave"}
TOO_LARGE = (
    "Your photos were too large to send together. "
    "Please send fewer photos at a time, or smaller ones."
)


def photo_body_limit() -> int:
    return photos.max_photos() * photos.max_bytes() + BODY_OVERHEAD_BYTES


class OnePhotoInMemoryHandler(MemoryFileUploadHandler):
    """A body that holds at most one photo is kept in memory: no copy of the photo as
    sent is written to a temporary file, and none has to be read back. Larger bodies go
    to temporary files as usual (the next handler)."""

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        self.activated = content_length <= photos.max_bytes() + BODY_OVERHEAD_BYTES


def photo_body_size(too_large):
    """Refuse a body over ``photo_body_limit()`` before anything reads it (CSRF included),
    answering with ``too_large(request, *args, **kwargs)``."""

    def decorate(view):
        protected = csrf_protect(view)

        @csrf_exempt
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method == "POST":
                try:
                    length = int(request.META.get("CONTENT_LENGTH") or 0)
                except ValueError:
                    length = -1
                if not 0 <= length <= photo_body_limit():
                    return too_large(request, *args, **kwargs)
                request.upload_handlers = [
                    OnePhotoInMemoryHandler(request),
                    TemporaryFileUploadHandler(request),
                ]
            return protected(request, *args, **kwargs)

        return wrapped

    return decorate


def _views_in_use(queryset) -> set[str]:
    return set(queryset.exclude(status=PhotoStatus.REJECTED).values_list("view", flat=True))


def _save_photos(form: PhotoForm, queryset, **owner) -> int:
    """Store the checked uploads, each replacing an earlier photo of the same view."""
    with transaction.atomic():
        for view, checked in form.checked.items():
            for earlier in queryset.filter(view=view):
                earlier.delete()
            photos.store_upload(checked, view=view, **owner)
    return len(form.checked)


def _photo_rows(queryset) -> list[dict]:
    labels = dict(PhotoView.choices)
    return [
        {"id": photo.pk, "view": photo.view, "label": labels.get(photo.view, photo.view)}
        for photo in queryset.exclude(status=PhotoStatus.REJECTED).order_by("uploaded_at")
    ]


# --- the questionnaire's photo step -------------------------------------------------------


def _render_step(request, questionnaire: Questionnaire, form: PhotoForm, *, status=200, notice=""):
    summary = form.error_summary() if form.is_bound else []
    if notice:
        summary = [("", notice), *summary]
    return render(
        request,
        "screening/photos.html",
        {
            **QUESTIONNAIRE_CHROME,
            "form": form,
            "error_summary": summary,
            "photos": _photo_rows(photos.photos_for_flow(questionnaire.flow_id)),
            "action_url": reverse("screening:photos"),
            "remove_url": reverse("screening:photo_remove"),
            "back_url": step_url_for_contact(),
            "max_megabytes": photos.max_bytes() // (1024 * 1024),
            "max_photos": photos.max_photos(),
        },
        status=status,
    )


def step_url_for_contact() -> str:
    from screening.flow import STEPS_BY_SLUG

    return step_url(STEPS_BY_SLUG["contact"])


def _step_form(questionnaire: Questionnaire, *args) -> PhotoForm:
    pending = photos.photos_for_flow(questionnaire.flow_id)
    return PhotoForm(
        *args,
        existing=_views_in_use(pending),
        consented=bool(questionnaire.photos_state.get("consent_photos_at")),
    )


def _step_too_large(request):
    questionnaire = Questionnaire(request.session)
    if not questionnaire.is_finished:
        return redirect("screening:start")
    return _render_step(
        request, questionnaire, _step_form(questionnaire), status=413, notice=TOO_LARGE
    )


def _unfinished_redirect(questionnaire: Questionnaire):
    if not questionnaire.started:
        return redirect("screening:start")
    incomplete = questionnaire.first_incomplete_step()
    if incomplete is not None:
        return redirect(step_url(incomplete))
    return None


@never_cache
@require_http_methods(["GET", "POST"])
@photo_body_size(lambda request: _step_too_large(request))
def photo_step(request):
    questionnaire = Questionnaire(request.session)
    elsewhere = _unfinished_redirect(questionnaire)
    if elsewhere is not None:
        return elsewhere
    if request.method == "GET":
        return _render_step(request, questionnaire, _step_form(questionnaire))
    form = _step_form(questionnaire, request.POST, request.FILES)
    if not form.is_valid():
        return _render_step(request, questionnaire, form)
    pending = photos.photos_for_flow(questionnaire.flow_id)
    _save_photos(form, pending, flow_id=questionnaire.flow_id)
    has_photos = pending.exists()
    questionnaire.save_photos(consent_given=has_photos and form.consent_given)
    return redirect("screening:check")


@never_cache
@require_POST
@limit_body_size
def photo_remove(request):
    questionnaire = Questionnaire(request.session)
    elsewhere = _unfinished_redirect(questionnaire)
    if elsewhere is not None:
        return elsewhere
    photo_id = request.POST.get("photo", "")
    for photo in photos.photos_for_flow(questionnaire.flow_id).filter(pk__in=_uuid_list(photo_id)):
        photo.delete()
    return redirect("screening:photos")


def _uuid_list(value: str) -> list[str]:
    import uuid

    try:
        return [str(uuid.UUID(value))]
    except ValueError:
        return []


def photo_summary(questionnaire: Questionnaire) -> list[dict]:
    """What the check-your-answers page lists under "Photos"."""
    return _photo_rows(photos.photos_for_flow(questionnaire.flow_id))


# --- the follow-up link -------------------------------------------------------------------


def _unavailable(request):
    # One page, one status, for a wrong, expired or erased link: no hint either way.
    return render(request, "screening/follow_up_unavailable.html", FOLLOW_UP_CHROME, status=404)


def _follow_up_form(submission: Submission, *args) -> PhotoForm:
    return PhotoForm(
        *args,
        existing=_views_in_use(submission.photos.all()),
        consented=submission.consent_photos_at is not None,
    )


def _render_follow_up(request, submission: Submission, form: PhotoForm, *, status=200, notice=""):
    heading, sentence = follow_up.status_words(submission)
    summary = form.error_summary() if form.is_bound else []
    if notice:
        summary = [("", notice), *summary]
    return render(
        request,
        "screening/follow_up.html",
        {
            **FOLLOW_UP_CHROME,
            "reference": submission.reference,
            "status_heading": heading,
            "status_sentence": sentence,
            "asked_for_photos": follow_up.waiting_for_photos(submission),
            "photos": _photo_rows(submission.photos.all()),
            "form": form,
            "error_summary": summary,
            "sent": request.GET.get("sent") == "1" and not form.is_bound,
            "max_megabytes": photos.max_bytes() // (1024 * 1024),
            "max_photos": photos.max_photos(),
        },
        status=status,
    )


@never_cache
@require_GET
def follow_up_page(request):
    token = request.GET.get("t")
    if token is not None:
        submission = follow_up.submission_for_token(token)
        if submission is None:
            return _unavailable(request)
        follow_up.remember(request.session, submission)
        # The token leaves the address bar (and any Referer) at once.
        return redirect("screening:follow_up")
    submission = follow_up.submission_in_session(request.session)
    if submission is None:
        return _unavailable(request)
    return _render_follow_up(request, submission, _follow_up_form(submission))


def _follow_up_too_large(request):
    submission = follow_up.submission_in_session(request.session)
    if submission is None:
        return _unavailable(request)
    return _render_follow_up(
        request, submission, _follow_up_form(submission), status=413, notice=TOO_LARGE
    )


@never_cache
@require_POST
@photo_body_size(lambda request: _follow_up_too_large(request))
def follow_up_photos(request):
    submission = follow_up.submission_in_session(request.session)
    if submission is None:
        return _unavailable(request)
    form = _follow_up_form(submission, request.POST, request.FILES)
    if not form.is_valid():
        return _render_follow_up(request, submission, form)
    if not form.checked:
        return redirect("screening:follow_up")
    with transaction.atomic():
        if submission.consent_photos_at is None:
            submission.consent_photos_at = timezone.now()
            submission.save(update_fields=["consent_photos_at"])
        added = _save_photos(form, submission.photos.all(), submission=submission)
        _log_patient_photos(submission, added)
    logger.info("Patient added photos to submission %s", submission.pk)
    return redirect(reverse("screening:follow_up") + "?sent=1")


def _log_patient_photos(submission: Submission, count: int) -> None:
    """The review's history shows that the patient sent photos through their link."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import models
    from wagtail.models import ModelLogEntry

    models.Model.save(
        ModelLogEntry(
            content_type=ContentType.objects.get_for_model(Submission),
            object_id=str(submission.pk),
            label=str(submission),
            action="screening.photos_added",
            timestamp=timezone.now(),
            user=None,
            data={"count": count, "via": "patient"},
        )
    )


@never_cache
@require_http_methods(["GET", "POST"])
@limit_body_size
def follow_up_withdraw(request):
    submission = follow_up.submission_in_session(request.session)
    if submission is None:
        return _unavailable(request)
    if request.method == "GET":
        return render(
            request,
            "screening/follow_up_withdraw.html",
            {**FOLLOW_UP_CHROME, "reference": submission.reference},
        )
    if request.POST.get("confirm") != "yes":
        return redirect("screening:follow_up_withdraw")
    erase_submissions(Submission.objects.filter(pk=submission.pk), user=None, via="patient")
    follow_up.forget(request.session)
    request.session.cycle_key()
    return render(request, "screening/follow_up_withdrawn.html", FOLLOW_UP_CHROME)
