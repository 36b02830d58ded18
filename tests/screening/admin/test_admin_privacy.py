"""Erasure and purge from the admin: confirmation first, then the same services as the
commands, with the manager recorded as the actor."""

from datetime import timedelta

from django.utils import timezone
from wagtail.models import ModelLogEntry

from screening.models import ReviewNote, Submission
from screening.workflow import add_note
from tests.support.staff import admin_url


def test_erase_asks_for_confirmation_first(manager_client, submission, reviewer):
    add_note(submission, "Called back.", reviewer)
    response = manager_client.get(admin_url("erase", submission.pk))
    html = response.content.decode()
    assert response.status_code == 200
    assert submission.reference in html
    assert "1 internal note" in html and "cannot be undone" in html
    assert "Yes, erase this submission" in html
    assert Submission.objects.filter(pk=submission.pk).exists()


def test_erase_from_the_admin(manager_client, manager, submission, reviewer):
    add_note(submission, "Called back.", reviewer)
    response = manager_client.post(admin_url("erase", submission.pk), follow=True)
    assert response.redirect_chain[-1][0] == admin_url("index")
    assert "have been erased" in response.content.decode()
    assert not Submission.objects.filter(pk=submission.pk).exists()
    assert not ReviewNote.objects.exists()
    entry = ModelLogEntry.objects.get(action="screening.erased")
    assert entry.user == manager and entry.data == {"via": "admin"}
    assert entry.label == "Erased submission"
    assert submission.reference not in repr(list(ModelLogEntry.objects.values()))


def test_erase_button_only_for_managers(manager_client, reviewer_client, submission):
    erase_url = admin_url("erase", submission.pk)
    assert erase_url in manager_client.get(admin_url("inspect", submission.pk)).content.decode()
    assert (
        erase_url not in reviewer_client.get(admin_url("inspect", submission.pk)).content.decode()
    )


def test_erasing_a_missing_submission_is_a_404_for_managers(manager_client, db):
    assert manager_client.post(admin_url("erase", 424242)).status_code == 404


def test_purge_from_the_admin_confirms_then_deletes_expired(
    manager_client, manager, make_submission
):
    old = timezone.now() - timedelta(days=400)
    expired = make_submission(status="closed", created_at=old)
    kept = make_submission(status="contacted", created_at=old)

    confirm = manager_client.get(admin_url("purge")).content.decode()
    assert "more than 365 days ago" in confirm and "Yes, purge 1 submission" in confirm

    response = manager_client.post(admin_url("purge"), follow=True)
    assert "Purged 1 expired submission." in response.content.decode()
    assert list(Submission.objects.all()) == [kept]
    assert not Submission.objects.filter(pk=expired.pk).exists()
    entry = ModelLogEntry.objects.get(action="screening.purge")
    assert entry.user == manager and entry.data["count"] == 1 and entry.data["via"] == "admin"


def test_purge_link_only_for_managers(manager_client, reviewer_client, db):
    assert admin_url("purge") in manager_client.get(admin_url("index")).content.decode()
    assert admin_url("purge") not in reviewer_client.get(admin_url("index")).content.decode()
