"""Issue 16, first "Done when": a patient's walk with two photos, the worker, the stored
files, and who may look at them."""

import io
import re

import pytest
from django.core import mail
from django.urls import reverse
from PIL import Image, UnidentifiedImageError
from wagtail.models import ModelLogEntry

from clinic_site import crypto
from clinic_site.settings import base as base_settings
from screening.models import PhotoStatus, Submission, SubmissionPhoto
from tests.support import photos as files
from tests.support.content import soup
from tests.support.screening import CONTACT, post_steps
from tests.support.staff import client_for

PHOTOS = reverse("screening:photos")
CHECK = reverse("screening:check")
SUBMIT = reverse("screening:submit")


def photo_url(photo, thumbnail=False):
    name = "screening_photo_thumbnail" if thumbnail else "screening_photo"
    return reverse(name, args=[photo.pk])


@pytest.fixture
def sent_with_photos(patient, photo_storage, django_capture_on_commit_callbacks):
    """A patient sends the questionnaire with a JPEG (EXIF GPS) and a PNG."""
    post_steps(patient)
    with django_capture_on_commit_callbacks(execute=True):
        response = patient.post(
            PHOTOS,
            {
                "photo_front": files.upload("front.jpg", files.jpeg_with_gps()),
                "photo_top": files.upload("top.png", files.png(), "image/png"),
                "consent_photos": "on",
            },
        )
    assert response.status_code == 302 and response["Location"] == CHECK
    check = soup(patient.get(CHECK)).select_one("#answer-photos").get_text(" ", strip=True)
    assert "Front hairline" in check and "Top of the head" in check
    with django_capture_on_commit_callbacks(execute=True):
        assert patient.post(SUBMIT)["Location"] == reverse("screening:result")
    return Submission.objects.get()


def test_the_contact_step_leads_to_the_optional_photo_step(patient):
    post_steps(patient)  # asserts a 302 for every step
    page = soup(patient.get(PHOTOS))
    inputs = page.select("input[type=file]")
    assert [i["name"] for i in inputs] == [
        "photo_front",
        "photo_top",
        "photo_crown",
        "photo_left",
        "photo_right",
    ]
    assert all(i["accept"] == "image/*" for i in inputs)
    assert page.select_one("form.screening-form")["enctype"] == "multipart/form-data"
    # Skipping the step is a plain Continue.
    response = patient.post(PHOTOS, {})
    assert response["Location"] == CHECK
    assert "No photos added" in soup(patient.get(CHECK)).select_one("#answer-photos").text


def test_photos_are_processed_encrypted_and_stripped(sent_with_photos, photo_storage):
    submission = sent_with_photos
    photos = list(submission.photos.order_by("view"))
    assert [(p.view, p.status) for p in photos] == [
        ("front", PhotoStatus.READY),
        ("top", PhotoStatus.READY),
    ]
    assert submission.consent_photos_at is not None
    for photo in photos:
        assert photo.upload_name == ""  # the upload as sent is gone
        for name in (photo.image_name, photo.thumbnail_name):
            raw = (photo_storage / name).read_bytes()
            with pytest.raises(UnidentifiedImageError):
                Image.open(io.BytesIO(raw))
            clear = crypto.decrypt_bytes(raw)
            image = Image.open(io.BytesIO(clear))
            assert image.format == "JPEG"
            assert not image.getexif()
            assert "exif" not in image.info and "icc_profile" not in image.info
            assert b"PhoneMaker" not in clear and b"Exif" not in clear
        assert max(photo.width, photo.height) <= 2048
        assert photo.sha256 and photo.size > 0
    front = next(p for p in photos if p.view == "front")
    # The EXIF orientation (6: turned 90°) was applied: 1200 x 900 became 900 x 1200.
    assert (front.width, front.height) == (900, 1200)
    # Nothing else is on disk: the uploads were deleted after processing.
    on_disk = {str(p.relative_to(photo_storage)) for p in photo_storage.rglob("*") if p.is_file()}
    assert on_disk == {name for p in photos for name in (p.image_name, p.thumbnail_name)}


def test_no_photo_is_under_media_or_served_from_it(sent_with_photos, client, settings):
    media_root = base_settings.MEDIA_ROOT.resolve()
    photos_root = base_settings.SCREENING_PHOTOS_ROOT.resolve()
    assert media_root not in photos_root.parents and photos_root != media_root
    for photo in sent_with_photos.photos.all():
        for name in (photo.image_name, photo.thumbnail_name):
            assert client.get(f"{settings.MEDIA_URL}{name}").status_code == 404
            assert client.get(f"/{name}").status_code == 404


def test_a_reviewer_sees_the_photos_and_each_view_is_logged(sent_with_photos, reviewer):
    staff = client_for(reviewer)
    submission = sent_with_photos
    inspect = soup(staff.get(reverse("screening_submissions:inspect", args=[submission.pk])))
    grid = inspect.select(".screening-photo-grid img")
    assert [img["alt"] for img in grid] == [
        "Front hairline photo (open the full size)",
        "Top of the head photo (open the full size)",
    ]
    photo = submission.photos.get(view="front")
    assert inspect.select_one(f'a[href="{photo_url(photo)}"] img')["src"] == photo_url(photo, True)

    for thumbnail in (False, True, False):
        response = staff.get(photo_url(photo, thumbnail))
        assert response.status_code == 200
        assert response["Content-Type"] == "image/jpeg"
        assert response["Cache-Control"] == "no-store, private"
        assert response["Content-Disposition"].startswith("inline")
        assert response["X-Content-Type-Options"] == "nosniff"
        assert Image.open(io.BytesIO(response.content)).format == "JPEG"
    entries = ModelLogEntry.objects.filter(action="screening.photo_viewed")
    assert entries.count() == 3
    assert {e.object_id for e in entries} == {str(submission.pk)}
    assert all(e.user == reviewer for e in entries)
    assert [e.data["kind"] for e in entries.order_by("timestamp", "pk")] == [
        "full",
        "thumbnail",
        "full",
    ]


def test_editors_get_403_and_anonymous_users_sign_in(sent_with_photos, editor, client):
    photo = sent_with_photos.photos.first()
    for url in (photo_url(photo), photo_url(photo, True)):
        assert client_for(editor).get(url).status_code == 403
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert not ModelLogEntry.objects.filter(action="screening.photo_viewed").exists()
    refused = ModelLogEntry.objects.filter(action="screening.access_refused")
    assert refused.count() == 2


def test_an_unknown_photo_id_is_404_for_a_reviewer(sent_with_photos, reviewer):
    import uuid

    assert (
        client_for(reviewer).get(reverse("screening_photo", args=[uuid.uuid4()])).status_code == 404
    )


def test_the_confirmation_email_carries_the_follow_up_link_and_no_name(sent_with_photos, client):
    confirmation = next(m for m in mail.outbox if m.to == [CONTACT["email"]])
    assert CONTACT["name"] not in confirmation.body
    assert "Annabel" not in confirmation.body
    links = re.findall(r"https?://\S+/screening/follow-up/\?t=\S+", confirmation.body)
    assert len(links) == 1
    response = client.get(links[0].split("testserver", 1)[-1].replace("http://127.0.0.1:8000", ""))
    assert response.status_code == 302 and response["Location"] == reverse("screening:follow_up")
    page = soup(client.get(response["Location"]))
    assert page.h1.get_text(strip=True) == "Your pre-screening questionnaire"
    assert "We have received your answers" in page.get_text()


def test_photos_never_reach_the_session(patient, photo_storage, django_capture_on_commit_callbacks):
    post_steps(patient)
    with django_capture_on_commit_callbacks(execute=True):
        patient.post(
            PHOTOS,
            {"photo_front": files.upload("a.jpg", files.jpeg_with_gps()), "consent_photos": "on"},
        )
    state = patient.session["screening"]
    assert set(state["photos"]) == {"done", "consent_photos_at"}
    assert len(repr(dict(patient.session.items()))) < 4000
    assert SubmissionPhoto.objects.get().submission is None
