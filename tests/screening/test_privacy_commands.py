"""screening_purge and screening_erase: dry runs, counts, what survives, the audit trail."""

import json
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.utils import timezone
from wagtail.models import ModelLogEntry

from screening.models import Reassessment, ReviewNote, Submission
from screening.workflow import add_note, change_status


def run(*args) -> str:
    from io import StringIO

    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def days_ago(days):
    return timezone.now() - timedelta(days=days)


@pytest.fixture
def aged(make_submission):
    """Submissions on both sides of a 365-day retention period, in every relevant status."""
    return {
        "old_closed": make_submission(status="closed", created_at=days_ago(400)),
        "old_not_suitable": make_submission(status="not_suitable", created_at=days_ago(366)),
        "old_withdrawn": make_submission(status="withdrawn", created_at=days_ago(800)),
        # Too recent, or still being handled: these stay.
        "recent_closed": make_submission(status="closed", created_at=days_ago(100)),
        "old_new": make_submission(status="new", created_at=days_ago(500)),
        "old_contacted": make_submission(status="contacted", created_at=days_ago(500)),
        "old_booked": make_submission(status="consultation_booked", created_at=days_ago(500)),
    }


def remaining():
    return set(Submission.objects.values_list("reference", flat=True))


def test_purge_dry_run_counts_and_changes_nothing(aged):
    before = remaining()
    output = run("screening_purge", "--dry-run")
    assert "Would delete 3 submissions older than 365 days" in output
    assert "closed: 1, not_suitable: 1, withdrawn: 1" in output
    assert remaining() == before
    assert not ModelLogEntry.objects.filter(action="screening.purge").exists()


def test_purge_deletes_only_finished_submissions_past_retention(aged, reviewer):
    add_note(aged["old_closed"], "Discussed with GP.", reviewer)
    Reassessment.objects.create(
        submission=aged["old_withdrawn"], outcome="likely", score=80, criteria_version="x"
    )
    output = run("screening_purge")

    assert "Deleted 3 submissions older than 365 days" in output
    survivors = {"recent_closed", "old_new", "old_contacted", "old_booked"}
    assert remaining() == {aged[key].reference for key in survivors}
    assert not ReviewNote.objects.exists() and not Reassessment.objects.exists()
    entry = ModelLogEntry.objects.get(action="screening.purge")
    assert entry.data["count"] == 3 and entry.data["older_than_days"] == 365
    assert entry.user is None
    assert entry.message == "Purged 3 expired submissions (older than 365 days)"


def test_purge_prints_counts_only(aged):
    output = run("screening_purge")
    for submission in aged.values():
        assert submission.reference not in output
        assert submission.email not in output


def test_purge_anonymises_the_earlier_audit_entries(aged, reviewer):
    change_status(aged["old_new"], "withdrawn", reviewer)  # now purgeable
    run("screening_purge")
    entry = ModelLogEntry.objects.get(action="screening.status")
    assert entry.label == "Purged submission" and entry.data == {}
    assert entry.user == reviewer  # who acted, and when, stays on record


def test_older_than_overrides_the_retention_period(aged):
    assert "Would delete 4 submissions older than 90 days" in run(
        "screening_purge", "--older-than", "90", "--dry-run"
    )
    assert "Deleted 1 submission older than 700 days" in run(
        "screening_purge", "--older-than", "700"
    )


@override_settings(SCREENING_RETENTION_DAYS=30)
def test_the_retention_period_comes_from_settings(aged):
    assert "Would delete 4 submissions older than 30 days" in run("screening_purge", "--dry-run")


def test_a_negative_period_is_refused(aged):
    with pytest.raises(CommandError, match="negative"):
        run("screening_purge", "--older-than", "-1")
    assert len(remaining()) == len(aged)


@pytest.fixture
def patient_submissions(make_submission):
    return {
        "first": make_submission(name="Alex Doe", email="Alex.Doe@mail.example"),
        "second": make_submission(name="Alex Doe", email="alex.doe@MAIL.example"),
        "other": make_submission(name="Sam Roe", email="sam.roe@mail.example"),
    }


def test_erase_by_email_matches_any_letter_case_and_spares_others(patient_submissions, reviewer):
    first = patient_submissions["first"]
    add_note(first, "Alex prefers calls after 5pm.", reviewer)
    change_status(first, "in_review", reviewer)

    output = run("screening_erase", "--email", "ALEX.DOE@mail.example")

    assert output.strip() == "Erased 2 submissions."
    assert remaining() == {patient_submissions["other"].reference}
    assert not ReviewNote.objects.exists()


def test_erase_by_reference(patient_submissions):
    target = patient_submissions["second"]
    assert run("screening_erase", "--reference", target.reference.lower()).strip() == (
        "Erased 1 submission."
    )
    assert target.reference not in remaining()
    assert len(remaining()) == 2


def test_erase_dry_run_changes_nothing(patient_submissions):
    assert run("screening_erase", "--email", "alex.doe@mail.example", "--dry-run").strip() == (
        "Would erase 2 submissions."
    )
    assert len(remaining()) == 3
    assert not ModelLogEntry.objects.filter(action="screening.erased").exists()


def test_erase_of_nothing_says_so(db):
    assert run("screening_erase", "--reference", "HS-XXXX-XXXX").strip() == "Erased 0 submissions."


@pytest.mark.parametrize(
    "args",
    [
        (),
        ("--reference", "HS-AAAA-BBBB", "--email", "a@b.example"),
        ("--reference", " "),
        ("--email", ""),
    ],
)
def test_erase_needs_exactly_one_non_empty_target(patient_submissions, args):
    with pytest.raises(CommandError):
        run("screening_erase", *args)
    assert len(remaining()) == 3


def test_erasure_leaves_an_audit_trail_without_personal_data(patient_submissions, reviewer):
    first = patient_submissions["first"]
    change_status(first, "in_review", reviewer)
    add_note(first, "Alex Doe asked us to call back.", reviewer)

    run("screening_erase", "--email", "alex.doe@mail.example")

    erased = ModelLogEntry.objects.filter(action="screening.erased")
    assert erased.count() == 2
    assert {e.data["via"] for e in erased} == {"command"}
    assert all(e.label == "Erased submission" for e in erased)
    trail = json.dumps(
        list(ModelLogEntry.objects.values("label", "data", "object_id")), default=str
    )
    for submission in (first, patient_submissions["second"]):
        for personal in (submission.reference, submission.name, submission.email.lower()):
            assert personal.lower() not in trail.lower()
    # The earlier entries about the erased submission are still there, anonymised.
    earlier = ModelLogEntry.objects.filter(object_id=str(first.pk)).exclude(
        action="screening.erased"
    )
    assert set(earlier.values_list("action", flat=True)) == {"screening.status", "screening.note"}
    assert all(e.label == "Erased submission" and e.data == {} for e in earlier)
