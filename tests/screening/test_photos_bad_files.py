"""Issue 16, "Bad files": each refused file gets its own plain error on the photo step;
nothing is stored, the answers stay, and nothing answers 500."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from screening.flow import SESSION_KEY
from screening.models import SubmissionPhoto
from screening.photo_views import photo_body_limit
from tests.support import photos as files
from tests.support.content import soup
from tests.support.screening import LIKELY_ANSWERS, post_steps

PHOTOS = reverse("screening:photos")

BAD_FILES = {
    "text renamed .jpg": (
        lambda: files.upload("scalp.jpg", b"these are not the pixels you are looking for\n" * 50),
        "This file is not a photo we can open. Please choose a JPEG, PNG, HEIC or WebP photo.",
    ),
    "20 MB image": (
        lambda: files.upload("huge.png", files.big_png(20), "image/png"),
        "This photo is 20 MB. Each photo can be up to 15 MB. Please choose a smaller one.",
    ),
    "30,000 x 30,000 PNG bomb": (
        lambda: files.upload("bomb.png", files.png_bomb(), "image/png"),
        "This picture has too many pixels for us to open. "
        "Please send a normal photo from your phone or camera.",
    ),
    "truncated JPEG": (
        lambda: files.upload("cut.jpg", files.truncated_jpeg()),
        "This photo seems to be cut short or damaged. Please take it again, or choose another.",
    ),
    "a GIF": (
        lambda: files.upload("anim.jpg", b"GIF89a\x01\x00\x01\x00\x00\x00\x00;", "image/jpeg"),
        None,  # any of the "not a photo" errors
    ),
}


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_each_bad_file_gets_its_own_error_and_changes_nothing(
    patient, photo_storage, django_capture_on_commit_callbacks, case
):
    make, message = BAD_FILES[case]
    post_steps(patient)
    answers_before = dict(patient.session[SESSION_KEY]["answers"])
    with django_capture_on_commit_callbacks(execute=True):
        response = patient.post(
            PHOTOS,
            {
                "photo_crown": make(),
                "photo_left": files.upload("fine.jpg", files.jpeg_with_gps(300, 200)),
                "consent_photos": "on",
            },
        )
    assert response.status_code == 200
    page = soup(response)
    assert page.title.get_text(strip=True).startswith("Error:")
    summary = page.select_one(".screening-error-summary")
    links = summary.select("a")
    assert [a["href"] for a in links] == ["#id_photo_crown"]
    field_error = page.select_one("#id_photo_crown_error").get_text(" ", strip=True)
    if message is not None:
        assert links[0].get_text(strip=True) == f"Crown: {message}"
        assert message in field_error
    else:
        assert "not a photo" in field_error
    assert page.select_one("#id_photo_crown")["aria-invalid"] == "true"
    # Nothing stored (not even the good photo sent with it), the answers are kept.
    assert not SubmissionPhoto.objects.exists()
    assert not photo_storage.exists() or not any(photo_storage.rglob("*.bin"))
    assert patient.session[SESSION_KEY]["answers"] == answers_before
    assert answers_before["age"] == LIKELY_ANSWERS["age"]


def test_a_photo_without_the_photo_consent_is_refused(patient, photo_storage):
    post_steps(patient)
    response = patient.post(PHOTOS, {"photo_front": files.upload("a.jpg", files.jpeg_with_gps())})
    page = soup(response)
    assert [a["href"] for a in page.select(".screening-error-summary a")] == ["#id_consent_photos"]
    assert "Tick the box to say we may keep your photos" in page.text
    assert not SubmissionPhoto.objects.exists()


def test_the_consent_is_not_asked_without_a_photo(patient):
    post_steps(patient)
    assert patient.post(PHOTOS, {})["Location"] == reverse("screening:check")
    assert patient.session[SESSION_KEY]["photos"]["consent_photos_at"] is None


def test_a_body_over_five_photos_is_refused_before_it_is_read(patient, settings):
    post_steps(patient)
    settings.SCREENING_PHOTO_MAX_BYTES = 1000
    limit = photo_body_limit()
    response = patient.post(
        PHOTOS,
        {"photo_front": files.upload("a.jpg", b"x" * (limit + 10))},
    )
    assert response.status_code == 413
    page = BeautifulSoup(response.content, "html.parser")
    assert "too large to send together" in page.select_one(".screening-error-summary").text
    assert not SubmissionPhoto.objects.exists()


def test_other_questionnaire_steps_still_refuse_large_bodies(patient):
    post_steps(patient)
    response = patient.post(
        reverse("screening:step", args=["contact"]),
        {"photo_front": files.upload("a.jpg", files.jpeg_with_gps())},
    )
    assert response.status_code == 400


def _encoded(fmt: str) -> bytes:
    import io

    from tests.support.photos import _noise

    out = io.BytesIO()
    _noise(800, 600).save(out, fmt)
    return out.getvalue()


@pytest.mark.parametrize("fmt", ["HEIF", "WEBP"])
def test_heic_and_webp_photos_are_taken_and_processed(
    patient, photo_storage, django_capture_on_commit_callbacks, fmt
):
    post_steps(patient)
    with django_capture_on_commit_callbacks(execute=True):
        response = patient.post(
            PHOTOS,
            {
                "photo_right": files.upload(f"r.{fmt.lower()}", _encoded(fmt)),
                "consent_photos": "on",
            },
        )
    assert response["Location"] == reverse("screening:check")
    photo = SubmissionPhoto.objects.get()
    assert (photo.status, photo.width, photo.height) == ("ready", 800, 600)


@pytest.mark.parametrize("fmt", ["HEIF", "WEBP"])
def test_truncated_heic_and_webp_photos_are_refused(patient, fmt):
    post_steps(patient)
    data = _encoded(fmt)
    response = patient.post(
        PHOTOS,
        {"photo_right": files.upload("r.jpg", data[: len(data) // 2]), "consent_photos": "on"},
    )
    assert response.status_code == 200
    assert soup(response).select_one("#id_photo_right_error")
    assert not SubmissionPhoto.objects.exists()


def test_the_photo_consent_names_photos_as_health_information(patient):
    post_steps(patient)
    page = soup(patient.get(PHOTOS))
    box = page.select_one("input[type=checkbox]#id_consent_photos")
    assert box is not None and not box.has_attr("checked")
    label = page.select_one('label[for="id_consent_photos"]').get_text(" ", strip=True)
    assert "photos of my scalp are health information" in label
    assert "(optional)" not in label
    assert box["aria-describedby"] == "id_consent_photos_helptext"
