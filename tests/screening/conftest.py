"""Fixtures for the questionnaire and staff-review tests: a patient's browser, a finished
questionnaire, one user per staff role, and submissions made to order.

Helpers and answer profiles live in tests/support/screening.py and tests/support/staff.py.
"""

import itertools
import random
from collections.abc import Mapping
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from screening.demo import random_answers, synthetic_submission
from screening.models import Submission
from tests.support.screening import LIKELY_ANSWERS, post_steps
from tests.support.staff import client_for, make_user


@pytest.fixture(autouse=True)
def _screening_defaults(settings):
    """No minimum time and a fresh rate-limit count, unless a test asks otherwise."""
    settings.SCREENING_MIN_SECONDS = 0
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def patient(site_tree) -> Client:
    """A browser on the real site (home page, clinic details) with no session yet."""
    return Client()


@pytest.fixture
def complete_questionnaire(django_capture_on_commit_callbacks):
    """Walk every step, send the answers and return the response to the final submit.

    Notifications queued on commit run (inline backend), so ``mail.outbox`` is filled.
    """

    def run(
        client: Client,
        answers: Mapping[str, Any] = LIKELY_ANSWERS,
        *,
        follow: bool = True,
        **kwargs,
    ):
        post_steps(client, answers, **kwargs)
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(reverse("screening:submit"), follow=follow)

    return run


# --- staff review ----------------------------------------------------------------------

_numbers = itertools.count(90_000)


@pytest.fixture
def editor(db):
    return make_user("eddie", "Editors")


@pytest.fixture
def moderator(db):
    return make_user("molly", "Moderators")


@pytest.fixture
def reviewer(db):
    return make_user("rita", "Screening reviewers", first_name="Rita", last_name="Reviewer")


@pytest.fixture
def manager(db):
    return make_user("manny", "Screening managers", first_name="Manny", last_name="Manager")


@pytest.fixture
def superuser(db):
    return make_user("root", is_superuser=True, is_staff=True)


@pytest.fixture
def users(editor, moderator, reviewer, manager):
    return {"editor": editor, "moderator": moderator, "reviewer": reviewer, "manager": manager}


@pytest.fixture
def reviewer_client(reviewer):
    return client_for(reviewer)


@pytest.fixture
def manager_client(manager):
    return client_for(manager)


@pytest.fixture
def make_submission(db):
    """make_submission(answers=..., status=..., **field_overrides) -> a saved Submission.

    Built like the demo data (valid answers, assess() for the result), then overridden.
    """

    def make(*, answers=None, status=None, seed=None, **overrides):
        number = next(_numbers)
        rng = random.Random(seed if seed is not None else number)
        if answers is None:  # answered under the current (v2) questions
            answers = random_answers(random.Random(rng.random()), v1_share=0)
        submission = synthetic_submission(
            number, rng, timezone.now(), answers=answers, status=status or "new"
        )
        created_at = overrides.pop("created_at", None)
        for field, value in overrides.items():
            setattr(submission, field, value)
        submission.save()
        if created_at is not None:  # auto_now_add ignores a value given on create
            Submission.objects.filter(pk=submission.pk).update(created_at=created_at)
            submission.created_at = created_at
        return submission

    return make


@pytest.fixture
def submission(make_submission):
    return make_submission(name="Pat Example", email="Pat.Example@mail.example")


# --- photos (issue 16) -----------------------------------------------------------------


@pytest.fixture
def photo_storage(settings, tmp_path):
    """The photo storage on disk in a directory of the test's own (outside MEDIA_ROOT)."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.STORAGES = {
        **settings.STORAGES,
        "screening_photos": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "photos"), "base_url": "/no-public-url/"},
        },
    }
    return tmp_path / "photos"
