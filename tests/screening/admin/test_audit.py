"""Audited access (issue 15): every view of a submission, every refusal, with no health
data in the log."""

from wagtail.models import ModelLogEntry

from tests.support.staff import admin_url, client_for


def entries(action):
    return list(ModelLogEntry.objects.filter(action=action).order_by("pk"))


def test_viewing_a_submission_logs_exactly_one_viewed_entry(reviewer, make_submission):
    submission = make_submission(name="Private Person", email="private@mail.example")
    client = client_for(reviewer)
    assert client.get(admin_url("inspect", submission.pk)).status_code == 200
    [entry] = entries("screening.viewed")
    assert entry.user == reviewer and entry.object_id == str(submission.pk)
    assert entry.label == submission.reference and entry.data == {}
    client.get(admin_url("inspect", submission.pk))
    assert len(entries("screening.viewed")) == 2  # one per view
    # Managers see who looked in the submission's history.
    history = client.get(admin_url("history", submission.pk)).content.decode()
    assert "Submission viewed" in history
    assert "Private Person" not in repr([(e.label, e.data) for e in ModelLogEntry.objects.all()])


def test_an_editors_refused_attempt_is_logged(editor, make_submission):
    submission = make_submission()
    client = client_for(editor)
    assert client.get(admin_url("inspect", submission.pk)).status_code == 403
    assert client.post(admin_url("erase", submission.pk)).status_code == 403
    refused = entries("screening.access_refused")
    assert [(e.user, e.object_id, e.data["view"]) for e in refused] == [
        (editor, str(submission.pk), "SubmissionInspectView"),
        (editor, str(submission.pk), "SubmissionEraseView"),
    ]
    assert entries("screening.viewed") == []


def test_a_refused_export_is_logged_with_the_list_id(editor, make_submission):
    make_submission()
    response = client_for(editor).get(admin_url("index") + "?export=csv")
    assert response.status_code == 403
    [entry] = entries("screening.access_refused")
    assert entry.object_id == "0" and entry.data["view"] == "SubmissionIndexView"
    assert entries("screening.exported") == []
