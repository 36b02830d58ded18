"""Staff views of a submission's photos (issue 16), beside the review in the admin.

* ``/admin/screening/submissions/photo/<photo id>/`` and ``.../thumbnail/``: decrypt and
  stream one photo (``no-store``, ``inline``, ``nosniff``). Reviewers and managers only
  (the submission policy's ``view`` or ``change``); everyone else gets 403, and
  anonymous users are sent to sign in by the admin. Photo ids are random UUIDs, and the
  URL is worth nothing outside a staff session. Every fetch is audited as
  ``screening.photo_viewed`` on the submission (the photo's id and view, nothing else).
* ``/admin/screening/submissions/photo-request/<submission id>/`` (POST): "Ask for more
  photos" with one of the fixed messages; emails the patient their follow-up link.

The grid on the inspect page is templates/screening/admin/includes/photos.html.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST
from wagtail.admin import messages
from wagtail.models import ModelLogEntry

from screening import follow_up, photos
from screening.admin.policy import submission_permission_policy
from screening.admin.viewsets import forbidden_as_403
from screening.models import PhotoStatus, Submission, SubmissionPhoto


def _require(request, actions) -> None:
    if not submission_permission_policy.user_has_any_permission(request.user, actions):
        raise PermissionDenied


def _log_view(request, photo: SubmissionPhoto, kind: str) -> None:
    entry = ModelLogEntry(
        content_type=ContentType.objects.get_for_model(Submission),
        object_id=str(photo.submission_id),
        label=str(photo.submission),
        action="screening.photo_viewed",
        timestamp=timezone.now(),
        user=request.user,
        data={"photo": str(photo.pk), "view": photo.view, "kind": kind},
    )
    models.Model.save(entry)


def _stream(request, photo_id, kind: str):
    _require(request, ["view", "change"])
    photo = get_object_or_404(
        SubmissionPhoto.objects.select_related("submission"),
        pk=photo_id,
        submission__isnull=False,
        status=PhotoStatus.READY,
    )
    name = photo.image_name if kind == "full" else photo.thumbnail_name
    if not name:
        raise Http404
    data = photos.read_decrypted(name)
    _log_view(request, photo, kind)
    response = HttpResponse(data, content_type=photo.content_type or "image/jpeg")
    response["Cache-Control"] = "no-store, private"
    response["Content-Disposition"] = f'inline; filename="{photo.view}.jpg"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_GET
def photo(request, photo_id):
    return _stream(request, photo_id, "full")


@require_GET
def thumbnail(request, photo_id):
    return _stream(request, photo_id, "thumbnail")


@require_POST
def request_more_photos(request, pk):
    _require(request, ["change"])
    submission = get_object_or_404(Submission, pk=pk)
    message = request.POST.get("message", "")
    inspect_url = reverse("screening_submissions:inspect", args=[submission.pk])
    if message not in follow_up.PHOTO_REQUEST_MESSAGES:
        messages.error(request, "Choose one of the messages to send.")
        return redirect(inspect_url)
    with transaction.atomic():
        submission.more_photos_requested_at = timezone.now()
        submission.more_photos_message = message
        submission.save(update_fields=["more_photos_requested_at", "more_photos_message"])
        models.Model.save(
            ModelLogEntry(
                content_type=ContentType.objects.get_for_model(Submission),
                object_id=str(submission.pk),
                label=str(submission),
                action="screening.photos_requested",
                timestamp=timezone.now(),
                user=request.user,
                data={"message": message},
            )
        )
        transaction.on_commit(lambda: _enqueue_request_email(submission.pk))
    messages.success(request, "The patient has been asked for more photos by email.")
    return redirect(inspect_url)


def _enqueue_request_email(submission_id: int) -> None:
    from screening.tasks import send_more_photos_request

    send_more_photos_request.enqueue(submission_id)


def urlpatterns():
    prefix = "screening/submissions/"
    return [
        path(
            f"{prefix}photo/<uuid:photo_id>/",
            forbidden_as_403(photo, "SubmissionPhotoView"),
            name="screening_photo",
        ),
        path(
            f"{prefix}photo/<uuid:photo_id>/thumbnail/",
            forbidden_as_403(thumbnail, "SubmissionPhotoThumbnailView"),
            name="screening_photo_thumbnail",
        ),
        path(
            f"{prefix}photo-request/<int:pk>/",
            forbidden_as_403(request_more_photos, "SubmissionPhotoRequestView"),
            name="screening_photo_request",
        ),
    ]
