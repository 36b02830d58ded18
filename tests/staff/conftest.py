"""Fixtures for the staff review: one user per role, and submissions made to order."""

import itertools
import random

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone

from screening.demo import synthetic_submission
from screening.models import Submission

ROLES = ("editor", "moderator", "reviewer", "manager")
ROLE_GROUPS = {
    "editor": "Editors",
    "moderator": "Moderators",
    "reviewer": "Screening reviewers",
    "manager": "Screening managers",
}
_numbers = itertools.count(90_000)


def make_user(username, *groups, **extra):
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@clinic.example", password="unused-password-1"
    )
    for field, value in extra.items():
        setattr(user, field, value)
    user.save()
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


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


def client_for(user=None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


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


def admin_url(name, *args):
    from django.urls import reverse

    return reverse(f"screening_submissions:{name}", args=args)
