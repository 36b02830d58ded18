"""screening_demo_data and the synthetic-submission helpers other tests reuse."""

from collections import Counter
from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone

from screening.criteria import Outcome
from screening.demo import make_synthetic_submissions
from screening.models import Status, Submission
from screening.scoring import assess


def test_a_handful_already_covers_every_outcome_and_status(db):
    made = make_synthetic_submissions(7, seed=3)
    assert {s.outcome for s in made} == {o.value for o in Outcome}
    assert {s.status for s in made} == {s.value for s in Status}


def test_synthetic_submissions_are_marked_valid_and_spread_over_weeks(db):
    now = timezone.now()
    made = make_synthetic_submissions(200, seed=7, now=now)
    saved = list(Submission.objects.all())

    assert len(saved) == 200 == len(made)
    assert all(s.is_synthetic for s in saved)
    assert all(s.name.startswith("Synthetic patient ") for s in saved)
    assert all(s.email.endswith("@example.invalid") for s in saved)
    assert len({s.reference for s in saved}) == 200
    # created_at is the generated time, not "now" (auto_now_add was bypassed).
    ages = [now - s.created_at for s in saved]
    assert min(ages) >= timedelta(0) and max(ages) > timedelta(weeks=10)
    assert len({(now - s.created_at).days // 7 for s in saved}) >= 12
    for s in saved:
        result = assess(s.answers, version=s.criteria_version)
        assert (result.outcome.value, result.score, result.stage.value) == (
            s.outcome,
            s.score,
            s.stage,
        )
        assert s.has_medical_conditions == (s.answers["medical_conditions"] != ["none"])
        assert s.consent_health_data_at <= s.created_at
        if s.status == "new":
            assert s.status_changed_at is None
        else:
            assert s.created_at <= s.status_changed_at <= now
    counts = Counter(s.outcome for s in saved)
    assert all(counts[o.value] >= 5 for o in Outcome)


def test_the_same_seed_gives_the_same_answers(db):
    first = [s.answers for s in make_synthetic_submissions(20, seed=11)]
    Submission.objects.all().delete()
    second = [s.answers for s in make_synthetic_submissions(20, seed=11)]
    assert first == second


def test_running_twice_with_the_same_seed_still_gives_unique_references(db):
    make_synthetic_submissions(30, seed=5)
    make_synthetic_submissions(30, seed=5)
    assert Submission.objects.values("reference").distinct().count() == 60


def test_the_command_creates_in_batches_and_prints_the_count(db, reviewer, capsys):
    call_command("screening_demo_data", "--count", "45", "--seed", "2", "--batch-size", "10")
    assert Submission.objects.filter(is_synthetic=True).count() == 45
    assert "Created 45 synthetic submissions" in capsys.readouterr().out
    # Existing reviewers are assigned some of the submissions they would be working on.
    assert Submission.objects.filter(assigned_to=reviewer).exists()
    assert not Submission.objects.filter(status="new", assigned_to__isnull=False).exists()
