"""Review notes are append-only below the admin too: no edit, no delete one by one."""

import pytest

from screening.models import ReviewNote


def test_a_saved_note_cannot_be_changed(make_submission, reviewer):
    note = ReviewNote.objects.create(submission=make_submission(), author=reviewer, text="Called")
    note.text = "Never called"
    with pytest.raises(ValueError, match="append-only"):
        note.save()
    assert ReviewNote.objects.get(pk=note.pk).text == "Called"


def test_a_note_cannot_be_deleted_alone(make_submission, reviewer):
    note = ReviewNote.objects.create(submission=make_submission(), author=reviewer, text="Called")
    with pytest.raises(ValueError, match="append-only"):
        note.delete()
    assert ReviewNote.objects.filter(pk=note.pk).exists()


def test_notes_go_with_their_submission(make_submission, reviewer):
    submission = make_submission()
    ReviewNote.objects.create(submission=submission, author=reviewer, text="Called")
    submission.delete()
    assert not ReviewNote.objects.exists()
