"""Scalp photos (issue 16): the cheap check in the request, the processing in the worker,
and the encrypted files in their own storage.

* In the request (``check_upload``): the size, then Pillow reads the header (the format
  by content, never by name; the pixel count against a decompression bomb) and a cheap
  decode (a JPEG at 1/8 scale, ``verify()`` for a PNG, a full decode for HEIC and WebP)
  catches truncated files. The
  bytes as sent are then encrypted and stored as a *pending* file (``store_upload``).
* In the worker (``process``): decode, apply the EXIF orientation, drop every piece of
  metadata (GPS, device, time), shrink to a long side of at most 2,048 px, re-encode as
  JPEG, make a staff thumbnail, encrypt both and delete the upload.
* Files are Fernet tokens (clinic_site.crypto, the same keys as the patient data) in the
  ``screening_photos`` storage (STORAGES), which has no URL: only the staff views in
  screening/admin/photos.py decrypt and stream them. A deleted row takes its files with
  it once the transaction commits (the ``post_delete`` receiver below), so erasure and
  the retention purge leave nothing behind.
"""

from __future__ import annotations

import hashlib
import io
import logging
import uuid
import warnings
from dataclasses import dataclass
from datetime import timedelta

import pillow_heif
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils import timezone
from PIL import Image, ImageOps, UnidentifiedImageError

from clinic_site import crypto
from screening.models import PhotoStatus, PhotoView, SubmissionPhoto

logger = logging.getLogger(__name__)

pillow_heif.register_heif_opener()

STORAGE_ALIAS = "screening_photos"
MAX_PHOTOS = 5
MAX_BYTES = 15 * 1024 * 1024
# A 48-megapixel phone camera stays under this; a decompression bomb does not.
MAX_PIXELS = 64_000_000
LONG_SIDE = 2048
THUMBNAIL_SIDE = 320
JPEG_QUALITY = 85
ACCEPTED_FORMATS = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP", "HEIF": "HEIC", "HEIC": "HEIC"}
# The views the photo step asks for, in order, with the guide shown beside each.
GUIDED_VIEWS = (
    (PhotoView.FRONT, "Look straight at the camera. Show your hairline from the front."),
    (PhotoView.TOP, "Hold the camera above your head, looking down at the top."),
    (PhotoView.CROWN, "Ask someone to take this one, or use a mirror behind you."),
    (PhotoView.LEFT, "Turn your head to the right, so we see the left side."),
    (PhotoView.RIGHT, "Turn your head to the left, so we see the right side."),
)


class PhotoRefused(ValueError):
    """A file that is not a photo we can take. The message is shown to the patient."""


def storage():
    return storages[STORAGE_ALIAS]


def max_photos() -> int:
    return int(getattr(settings, "SCREENING_MAX_PHOTOS", MAX_PHOTOS))


def max_bytes() -> int:
    return int(getattr(settings, "SCREENING_PHOTO_MAX_BYTES", MAX_BYTES))


def megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB"


@dataclass(frozen=True)
class CheckedUpload:
    data: bytes
    format: str


def _open_guarded(stream) -> Image.Image:
    """Image.open with the pixel limit as an error, never a warning."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(stream)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise PhotoRefused(
                "This picture has too many pixels for us to open. "
                "Please send a normal photo from your phone or camera."
            ) from None
        except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
            raise PhotoRefused(
                "This file is not a photo we can open. "
                "Please choose a JPEG, PNG, HEIC or WebP photo."
            ) from None
    width, height = image.size
    if width * height > MAX_PIXELS:
        raise PhotoRefused(
            "This picture has too many pixels for us to open. "
            "Please send a normal photo from your phone or camera."
        )
    return image


def check_upload(uploaded) -> CheckedUpload:
    """The request's cheap check. Raises PhotoRefused with the patient's message."""
    limit = max_bytes()
    if uploaded.size is None or uploaded.size > limit:
        raise PhotoRefused(
            f"This photo is {megabytes(uploaded.size or 0)}. Each photo can be up to "
            f"{megabytes(limit)}. Please choose a smaller one."
        )
    if uploaded.size == 0:
        raise PhotoRefused("This file is empty. Please choose a photo.")
    uploaded.seek(0)
    data = uploaded.read(limit + 1)
    if len(data) > limit:
        raise PhotoRefused(
            f"This photo is too large. Each photo can be up to {megabytes(limit)}. "
            "Please choose a smaller one."
        )
    image = _open_guarded(io.BytesIO(data))
    if image.format not in ACCEPTED_FORMATS:
        raise PhotoRefused(
            "This file is not a photo we can take. Please choose a JPEG, PNG, HEIC or WebP photo."
        )
    broken = PhotoRefused(
        "This photo seems to be cut short or damaged. Please take it again, or choose another."
    )
    try:
        if image.format == "JPEG":
            # Decoding at 1/8 scale reads every byte of the data but costs little.
            image.draft("RGB", (max(1, image.width // 8), max(1, image.height // 8)))
            image.load()
        elif image.format == "PNG":
            image.verify()  # every chunk's checksum, without decoding
        else:
            # HEIC and WebP have no cheap check; phones mostly send JPEG (iOS converts
            # HEIC for an accept="image/*" input), so the full decode here is rare.
            image.load()
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise broken from None
    finally:
        image.close()
    return CheckedUpload(data=data, format=image.format)


def store_upload(checked: CheckedUpload, *, view: str, flow_id=None, submission=None):
    """Encrypt and keep an upload as a pending photo; the worker processes it after commit."""
    photo_id = uuid.uuid4()
    name = storage().save(
        f"uploads/{photo_id}.bin", ContentFile(crypto.encrypt_bytes(checked.data))
    )
    photo = SubmissionPhoto.objects.create(
        id=photo_id, view=view, flow_id=flow_id, submission=submission, upload_name=name
    )
    transaction.on_commit(lambda: enqueue_processing(photo.pk))
    return photo


def enqueue_processing(photo_id) -> None:
    from screening.tasks import process_photo

    try:
        process_photo.enqueue(str(photo_id))
    except Exception as error:  # the upload is stored; the purge removes it if it stays
        logger.error("Could not queue photo %s (%s)", photo_id, type(error).__name__)


def read_decrypted(name: str) -> bytes:
    with storage().open(name, "rb") as handle:
        return crypto.decrypt_bytes(handle.read())


def _encode(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
    return out.getvalue()


def process(photo: SubmissionPhoto) -> SubmissionPhoto:
    """Turn a pending upload into a clean, encrypted photo and thumbnail (the worker's job)."""
    if photo.status != PhotoStatus.PENDING or not photo.upload_name:
        return photo
    try:
        data = read_decrypted(photo.upload_name)
        image = _open_guarded(io.BytesIO(data))
        del data
        if image.format == "JPEG":
            # Decode no larger than needed (the JPEG decoder scales by 1/2, 1/4, 1/8).
            scale = max(image.size) / LONG_SIDE
            if scale >= 2:
                image.draft("RGB", (image.width // int(scale), image.height // int(scale)))
        image.load()
        image = ImageOps.exif_transpose(image)
        image = image.convert("RGB")
        image.thumbnail((LONG_SIDE, LONG_SIDE), Image.Resampling.LANCZOS)
        # Nothing from the original file goes with it: no EXIF, ICC, XMP or comments.
        clean = Image.new("RGB", image.size)
        clean.paste(image)
        processed = _encode(clean)
        thumb = clean.copy()
        thumb.thumbnail((THUMBNAIL_SIDE, THUMBNAIL_SIDE), Image.Resampling.LANCZOS)
        thumbnail = _encode(thumb)
    except (PhotoRefused, OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        logger.info("Photo %s could not be processed", photo.pk)
        _reject(photo, "The file could not be read as a photo.")
        return photo
    files = storage()
    photo.image_name = files.save(
        f"photos/{photo.pk}.bin", ContentFile(crypto.encrypt_bytes(processed))
    )
    photo.thumbnail_name = files.save(
        f"photos/{photo.pk}-thumbnail.bin", ContentFile(crypto.encrypt_bytes(thumbnail))
    )
    upload = photo.upload_name
    photo.upload_name = ""
    photo.width, photo.height = clean.size
    photo.size = len(processed)
    photo.sha256 = hashlib.sha256(processed).hexdigest()
    photo.content_type = "image/jpeg"
    photo.status = PhotoStatus.READY
    photo.processed_at = timezone.now()
    photo.save()
    delete_files([upload])
    return photo


def _reject(photo: SubmissionPhoto, reason: str) -> None:
    upload = photo.upload_name
    photo.upload_name = ""
    photo.status = PhotoStatus.REJECTED
    photo.reason = reason
    photo.processed_at = timezone.now()
    photo.save()
    delete_files([upload])


FILE_FIELDS = ("upload_name", "image_name", "thumbnail_name")


def reencrypt(photo: SubmissionPhoto, *, dry_run: bool = False) -> tuple[int, int]:
    """Rewrite a photo's files that are not under the first key (screening_reencrypt).

    Each file is written anew under the first key (a new storage name), the row is
    pointed at it, and the old file is deleted once that has committed.
    Returns (files rewritten, files no configured key opens)."""
    files = storage()
    rewritten = unreadable = 0
    changed, old_names = [], []
    for field in FILE_FIELDS:
        name = getattr(photo, field)
        if not name:
            continue
        with files.open(name, "rb") as handle:
            token = handle.read()
        if crypto.is_current_bytes(token):
            continue
        try:
            fresh = crypto.rotate_bytes(token)
        except crypto.InvalidToken:
            unreadable += 1
            continue
        rewritten += 1
        if dry_run:
            continue
        setattr(photo, field, files.save(name, ContentFile(fresh)))
        changed.append(field)
        old_names.append(name)
    if changed:
        photo.save(update_fields=changed)
        transaction.on_commit(lambda: delete_files(old_names))
    return rewritten, unreadable


def delete_files(names) -> None:
    files = storage()
    for name in names:
        if not name:
            continue
        try:
            files.delete(name)
        except Exception as error:  # one missing file must not keep the others
            logger.error("Could not delete a photo file (%s)", type(error).__name__)


@receiver(post_delete, sender=SubmissionPhoto)
def _delete_photo_files(sender, instance: SubmissionPhoto, **kwargs):
    names = instance.file_names
    if names:
        transaction.on_commit(lambda: delete_files(names))


def abandoned_photos(*, now=None):
    """Photos uploaded during a questionnaire that was never sent, past the session's life."""
    from screening import conf

    cutoff = (now or timezone.now()) - timedelta(seconds=conf.session_idle_seconds())
    return SubmissionPhoto.objects.filter(submission__isnull=True, uploaded_at__lt=cutoff)


def photos_for_flow(flow_id):
    if flow_id is None:
        return SubmissionPhoto.objects.none()
    return SubmissionPhoto.objects.filter(flow_id=flow_id, submission__isnull=True)
