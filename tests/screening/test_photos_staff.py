"""Issue 16, staff side: who may ask for more photos, with which words, and what a
photo URL gives to whom."""

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import ModelLogEntry

from screening import follow_up, photos
from screening.models import SubmissionPhoto
from tests.support import photos as files
from tests.support.content import soup
from tests.support.staff import client_for


def request_url(submission):
    return reverse("screening_photo_request", args=[submission.pk])


def test_the_inspect_page_offers_exactly_the_fixed_messages(reviewer_client, submission):
    page = soup(reviewer_client.get(reverse("screening_submissions:inspect", args=[submission.pk])))
    options = page.select("#photo-request-message option")
    assert [(o["value"], o.get_text(strip=True)) for o in options] == list(
        follow_up.PHOTO_REQUEST_MESSAGES.items()
    )
    assert "The patient has not sent any photos." in page.get_text()


@pytest.mark.parametrize("role", ["editor", "moderator"])
def test_only_reviewers_and_managers_can_ask(
    users, submission, role, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(users[role]).post(request_url(submission), {"message": "light"})
    assert response.status_code == 403
    assert mail.outbox == []
    submission.refresh_from_db()
    assert submission.more_photos_requested_at is None


def test_anonymous_users_are_sent_to_sign_in(client, submission):
    response = client.post(request_url(submission), {"message": "light"})
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_a_message_that_is_not_one_of_the_fixed_ones_is_refused(
    manager_client, submission, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = manager_client.post(
            request_url(submission), {"message": "Your scalp shows signs of alopecia"}, follow=True
        )
    assert response.status_code == 200
    assert "Choose one of the messages" in response.content.decode()
    assert mail.outbox == []
    assert not ModelLogEntry.objects.filter(action="screening.photos_requested").exists()


def test_a_photo_of_an_unsent_questionnaire_is_not_served(reviewer_client, photo_storage, db):
    checked = photos.check_upload(files.upload("a.jpg", files.jpeg_with_gps(300, 200)))
    import uuid

    photo = photos.store_upload(checked, view="top", flow_id=uuid.uuid4())
    assert reviewer_client.get(reverse("screening_photo", args=[photo.pk])).status_code == 404
    assert SubmissionPhoto.objects.count() == 1


def test_photos_added_through_the_link_show_in_the_history(
    site_tree, make_submission, photo_storage, django_capture_on_commit_callbacks
):
    from django.test import Client

    submission = make_submission()
    browser = Client()
    browser.get(follow_up.link_for(submission).split("8000", 1)[1])
    with django_capture_on_commit_callbacks(execute=True):
        browser.post(
            reverse("screening:follow_up_photos"),
            {"photo_right": files.upload("r.jpg", files.jpeg_with_gps()), "consent_photos": "on"},
        )
    entry = ModelLogEntry.objects.get(action="screening.photos_added")
    assert entry.object_id == str(submission.pk) and entry.data == {"count": 1, "via": "patient"}
