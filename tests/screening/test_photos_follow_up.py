"""Issue 16, the patient's follow-up link: status in plain words, "Ask for more photos",
adding a photo through the link, and withdraw-and-erase."""

import re
from datetime import timedelta

import pytest
from django.core import mail, signing
from django.test import Client
from django.urls import reverse
from wagtail.models import ModelLogEntry

from screening import follow_up
from screening.models import PhotoStatus, Status, Submission, SubmissionPhoto
from screening.tasks import send_patient_confirmation
from tests.support import photos as files
from tests.support.content import soup
from tests.support.readability import flesch
from tests.support.staff import client_for

FOLLOW_UP = reverse("screening:follow_up")
ADD_PHOTOS = reverse("screening:follow_up_photos")
WITHDRAW = reverse("screening:follow_up_withdraw")


def link_path(submission) -> str:
    return follow_up.link_for(submission).split("://", 1)[1].split("/", 1)[1].join(["/", ""])


def open_link(submission) -> Client:
    browser = Client()
    response = browser.get(link_path(submission))
    assert response.status_code == 302 and response["Location"] == FOLLOW_UP
    return browser


def status_heading(browser) -> str:
    return soup(browser.get(FOLLOW_UP)).select_one("#status-heading").get_text(strip=True)


@pytest.mark.parametrize(
    ("status", "heading"),
    [
        (Status.NEW, "We have received your answers"),
        (Status.IN_REVIEW, "A clinician is looking at your answers"),
        (Status.CONTACTED, "A clinician has looked at your answers"),
        (Status.CONSULTATION_BOOKED, "A clinician has looked at your answers"),
    ],
)
def test_the_page_shows_the_status_a_reviewer_set(site_tree, make_submission, status, heading):
    submission = make_submission(status=status)
    browser = open_link(submission)
    assert status_heading(browser) == heading
    page = soup(browser.get(FOLLOW_UP))
    assert page.select_one("header.site-header--reduced")
    assert submission.reference in page.text
    # No answers, no outcome, no name on the page.
    assert submission.name not in page.text
    assert "score" not in page.text.lower()


def test_ask_for_more_photos_sends_one_email_and_the_patient_adds_a_photo(
    site_tree, make_submission, reviewer, photo_storage, django_capture_on_commit_callbacks
):
    submission = make_submission(status=Status.IN_REVIEW)
    staff = client_for(reviewer)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = staff.post(
            reverse("screening_photo_request", args=[submission.pk]), {"message": "light"}
        )
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == [submission.email]
    assert submission.name not in email.body and submission.name not in email.subject
    assert follow_up.PHOTO_REQUEST_MESSAGES["light"] in email.body
    for code in ("likely", "possible", "unlikely", "refer", "norwood", "ludwig"):
        assert not re.search(rf"\b{code}\b", email.body, flags=re.IGNORECASE), code
    assert ModelLogEntry.objects.filter(
        action="screening.photos_requested", object_id=str(submission.pk)
    ).exists()

    link = re.search(r"https?://\S+/screening/follow-up/\?t=\S+", email.body).group(0)
    browser = Client()
    assert browser.get(link.split("8000", 1)[1])["Location"] == FOLLOW_UP
    assert status_heading(browser) == "Please send us more photos"
    page = soup(browser.get(FOLLOW_UP))
    assert page.select_one("#id_consent_photos")  # not given before: asked now

    with django_capture_on_commit_callbacks(execute=True):
        response = browser.post(
            ADD_PHOTOS,
            {
                "photo_crown": files.upload("crown.jpg", files.jpeg_with_gps()),
                "consent_photos": "on",
            },
        )
    assert response.status_code == 302 and response["Location"] == FOLLOW_UP + "?sent=1"
    photo = SubmissionPhoto.objects.get()
    assert (photo.submission, photo.view, photo.status) == (submission, "crown", PhotoStatus.READY)
    submission.refresh_from_db()
    assert submission.consent_photos_at is not None
    # The request is answered: the status goes back to the review's.
    assert status_heading(browser) == "A clinician is looking at your answers"


def test_a_new_photo_of_the_same_view_replaces_the_old_one(
    site_tree, make_submission, photo_storage, django_capture_on_commit_callbacks
):
    submission = make_submission()
    browser = open_link(submission)
    for _attempt in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            browser.post(
                ADD_PHOTOS,
                {
                    "photo_top": files.upload("t.png", files.png(), "image/png"),
                    "consent_photos": "on",
                },
            )
    photo = SubmissionPhoto.objects.get()
    on_disk = sorted(str(p.relative_to(photo_storage)) for p in photo_storage.rglob("*.bin"))
    assert on_disk == sorted([photo.image_name, photo.thumbnail_name])


def test_a_bad_file_through_the_link_gets_the_same_errors(site_tree, make_submission):
    submission = make_submission()
    browser = open_link(submission)
    response = browser.post(
        ADD_PHOTOS,
        {"photo_top": files.upload("t.jpg", files.truncated_jpeg()), "consent_photos": "on"},
    )
    assert response.status_code == 200
    assert "cut short or damaged" in soup(response).select_one(".screening-error-summary").text
    assert not SubmissionPhoto.objects.exists()


def test_withdraw_asks_first_then_erases_everything(
    site_tree, make_submission, photo_storage, django_capture_on_commit_callbacks
):
    submission = make_submission()
    link = link_path(submission)
    browser = open_link(submission)
    with django_capture_on_commit_callbacks(execute=True):
        browser.post(
            ADD_PHOTOS,
            {"photo_left": files.upload("l.jpg", files.jpeg_with_gps()), "consent_photos": "on"},
        )
    assert any(photo_storage.rglob("*.bin"))
    confirm = soup(browser.get(WITHDRAW))
    assert confirm.h1.get_text(strip=True) == (
        "Do you want to withdraw and delete your questionnaire?"
    )
    assert Submission.objects.filter(pk=submission.pk).exists()  # a GET changes nothing

    with django_capture_on_commit_callbacks(execute=True):
        response = browser.post(WITHDRAW, {"confirm": "yes"})
    assert soup(response).h1.get_text(strip=True) == "Your questionnaire has been deleted"
    assert not Submission.objects.filter(pk=submission.pk).exists()
    assert not SubmissionPhoto.objects.exists()
    assert not any(photo_storage.rglob("*.bin"))
    erased = ModelLogEntry.objects.get(action="screening.erased")
    assert erased.data == {"via": "patient"} and erased.user is None and erased.timestamp

    # The old link and the old session now get the wrong-link page.
    wrong = Client().get("/screening/follow-up/?t=not-a-token")
    for response in (Client().get(link), browser.get(FOLLOW_UP), browser.get(WITHDRAW)):
        assert response.status_code == wrong.status_code == 404
        assert response.content == wrong.content


def test_wrong_expired_and_erased_links_look_the_same(site_tree, make_submission, settings):
    submission = make_submission()
    valid = link_path(submission)
    settings.SCREENING_FOLLOW_UP_DAYS = 0
    expired = Client().get(valid)
    settings.SCREENING_FOLLOW_UP_DAYS = 30
    forged = signing.dumps([submission.pk, "0" * 32], salt=follow_up.SALT)
    other_salt = signing.dumps([submission.pk, submission.follow_up_nonce])
    responses = [
        expired,
        Client().get(f"{FOLLOW_UP}?t={forged}"),
        Client().get(f"{FOLLOW_UP}?t={other_salt}"),
        Client().get(f"{FOLLOW_UP}?t="),
        Client().get(FOLLOW_UP),
    ]
    first = responses[0]
    assert first.status_code == 404
    text = soup_404(first)
    assert "This link does not work" in text
    for response in responses[1:]:
        assert response.status_code == first.status_code
        assert response.content == first.content


def soup_404(response) -> str:
    from bs4 import BeautifulSoup

    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


def test_the_link_expires_after_the_configured_days(site_tree, make_submission, settings):
    from unittest import mock

    from django.utils import timezone

    submission = make_submission()
    token = follow_up.make_token(submission)
    later = timezone.now() + timedelta(days=31)
    with mock.patch("time.time", return_value=later.timestamp()):
        assert follow_up.submission_for_token(token) is None
    assert follow_up.submission_for_token(token) == submission


def test_the_confirmation_task_mints_a_working_link(site_tree, make_submission):
    submission = make_submission()
    mail.outbox.clear()
    send_patient_confirmation.call(submission.pk)
    body = mail.outbox[0].body
    link = re.search(r"/screening/follow-up/\?t=\S+", body).group(0)
    assert Client().get(link)["Location"] == FOLLOW_UP


def test_the_follow_up_pages_are_plain_english(site_tree, make_submission):
    submission = make_submission()
    browser = open_link(submission)
    photos_page = Client()
    from tests.support.screening import post_steps

    post_steps(photos_page)
    pages = [browser.get(FOLLOW_UP), browser.get(WITHDRAW), photos_page.get("/screening/photos/")]
    for response in pages:
        main = str(soup(response).select_one("main"))
        assert flesch(main) >= 70, response.request["PATH_INFO"]


def test_the_privacy_notice_says_how_long_photos_are_kept(client, site_tree):
    page = soup(client.get("/privacy/"))
    kept = next(
        p.get_text(" ", strip=True)
        for p in page.select("main p")
        if p.get_text().strip().startswith("Photos of your scalp")
    )
    assert "12 months after we close our review" in kept
    assert "we delete them within a day" in kept
    photos_section = page.find(id=re.compile("photos-of-your-scalp"))
    assert photos_section is not None
    assert flesch(f"<p>{kept}</p>") >= 70


def test_the_photo_request_email_is_plain_english(
    site_tree, make_submission, reviewer, django_capture_on_commit_callbacks
):
    submission = make_submission()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client_for(reviewer).post(
            reverse("screening_photo_request", args=[submission.pk]), {"message": "unclear"}
        )
    body = mail.outbox[0].body
    prose = [line for line in body.splitlines() if line and "://" not in line and ":" not in line]
    assert flesch("".join(f"<p>{line}</p>" for line in prose)) >= 70
