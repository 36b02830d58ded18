"""Issue 16: erasure (screening_erase, the admin) and retention (screening_purge) delete a
photo's files, not just its row; photos of a questionnaire never sent are purged too."""

import uuid
from datetime import timedelta
from io import StringIO

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from screening import conf, photos
from screening.models import SubmissionPhoto
from tests.support import photos as files
from tests.support.staff import client_for


def add_photo(django_capture_on_commit_callbacks, *, submission=None, flow_id=None, view="top"):
    checked = photos.check_upload(files.upload("p.jpg", files.jpeg_with_gps(400, 300)))
    with django_capture_on_commit_callbacks(execute=True):
        photo = photos.store_upload(checked, view=view, submission=submission, flow_id=flow_id)
    photo.refresh_from_db()
    return photo


def stored(photo_storage) -> set[str]:
    return {str(p.relative_to(photo_storage)) for p in photo_storage.rglob("*") if p.is_file()}


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_screening_erase_deletes_the_photo_files(
    make_submission, photo_storage, django_capture_on_commit_callbacks
):
    patient = make_submission(email="erase.me@mail.example")
    other = make_submission(email="keep.me@mail.example")
    gone = [
        add_photo(django_capture_on_commit_callbacks, submission=patient, view=v)
        for v in ("top", "crown")
    ]
    kept = add_photo(django_capture_on_commit_callbacks, submission=other)
    assert all(p.status == "ready" for p in [*gone, kept])
    with django_capture_on_commit_callbacks(execute=True):
        run("screening_erase", "--reference", patient.reference)
    assert list(SubmissionPhoto.objects.all()) == [kept]
    assert stored(photo_storage) == {kept.image_name, kept.thumbnail_name}


def test_erasure_from_the_admin_deletes_the_photo_files(
    make_submission, manager, photo_storage, django_capture_on_commit_callbacks
):
    patient = make_submission()
    add_photo(django_capture_on_commit_callbacks, submission=patient)
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(manager).post(
            reverse("screening_submissions:erase", args=[patient.pk])
        )
    assert response.status_code == 302
    assert not SubmissionPhoto.objects.exists()
    assert stored(photo_storage) == set()


def test_screening_purge_deletes_expired_photos_and_abandoned_uploads(
    make_submission, photo_storage, django_capture_on_commit_callbacks
):
    old = make_submission(status="closed", created_at=timezone.now() - timedelta(days=400))
    recent = make_submission(status="closed")
    add_photo(django_capture_on_commit_callbacks, submission=old)
    kept = add_photo(django_capture_on_commit_callbacks, submission=recent)
    # A questionnaire left half-way with a photo, past the session's idle time, and one
    # still in progress.
    abandoned = add_photo(django_capture_on_commit_callbacks, flow_id=uuid.uuid4())
    SubmissionPhoto.objects.filter(pk=abandoned.pk).update(
        uploaded_at=timezone.now() - timedelta(seconds=conf.session_idle_seconds() + 60)
    )
    in_progress = add_photo(django_capture_on_commit_callbacks, flow_id=uuid.uuid4())

    with django_capture_on_commit_callbacks(execute=True):
        run("screening_purge")
    assert set(SubmissionPhoto.objects.all()) == {kept, in_progress}
    assert stored(photo_storage) == {
        name for p in (kept, in_progress) for name in (p.image_name, p.thumbnail_name)
    }
    entry = ModelLogEntry.objects.get(action="screening.purge")
    assert entry.data["abandoned_photos"] == 1 and entry.data["count"] == 1


def test_start_again_deletes_the_photos_of_the_run(
    patient, photo_storage, django_capture_on_commit_callbacks
):
    from tests.support.screening import post_steps

    post_steps(patient)
    with django_capture_on_commit_callbacks(execute=True):
        patient.post(
            reverse("screening:photos"),
            {"photo_front": files.upload("a.jpg", files.jpeg_with_gps()), "consent_photos": "on"},
        )
    assert SubmissionPhoto.objects.count() == 1
    with django_capture_on_commit_callbacks(execute=True):
        patient.post(reverse("screening:start_again"))
    assert not SubmissionPhoto.objects.exists()
    assert stored(photo_storage) == set()


def test_a_photo_the_worker_cannot_read_is_rejected_and_its_upload_deleted(
    make_submission, photo_storage, django_capture_on_commit_callbacks
):
    from django.core.files.base import ContentFile

    from clinic_site import crypto
    from screening.tasks import process_photo

    submission = make_submission()
    name = photos.storage().save("uploads/x.bin", ContentFile(crypto.encrypt_bytes(b"not a photo")))
    photo = SubmissionPhoto.objects.create(submission=submission, view="other", upload_name=name)
    assert process_photo.call(str(photo.pk)) == "rejected"
    photo.refresh_from_db()
    assert photo.status == "rejected" and photo.reason
    assert stored(photo_storage) == set()


def test_the_worker_skips_a_photo_erased_before_it_ran(db):
    from screening.tasks import process_photo

    assert process_photo.call(str(uuid.uuid4())) == "skipped"


def test_key_rotation_rewrites_the_photo_files(
    make_submission, photo_storage, django_capture_on_commit_callbacks
):
    from cryptography.fernet import Fernet
    from django.test import override_settings

    from clinic_site import crypto

    old_key, new_key = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    with override_settings(FIELD_ENCRYPTION_KEYS=[old_key]):
        submission = make_submission()
        photo = add_photo(django_capture_on_commit_callbacks, submission=submission)
        before = {photo.image_name, photo.thumbnail_name}
    with override_settings(FIELD_ENCRYPTION_KEYS=[new_key, old_key]):
        with django_capture_on_commit_callbacks(execute=True):
            out = run("screening_reencrypt")
        assert "photo files: 2 rewritten under the first key." in out
    photo.refresh_from_db()
    after = {photo.image_name, photo.thumbnail_name}
    assert stored(photo_storage) == after and not after & before
    with override_settings(FIELD_ENCRYPTION_KEYS=[new_key]):
        image = photos.read_decrypted(photo.image_name)
        assert image[:2] == b"\xff\xd8"  # a JPEG, opened with the new key alone
        assert "photo files: 0 rewritten" in run("screening_reencrypt")
    assert crypto.configured_keys()  # the test settings' key is back
