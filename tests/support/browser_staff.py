"""What the staff journeys in the browser share: a reviewer with an authenticator, a small
set of submissions whose filters give different rows, and the steps of signing in.

The users and submissions are built with the same helpers as tests/screening/admin and
tests/staff_auth (make_user, synthetic_submission, code_for), so the journeys exercise the
same data the HTTP tests do.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from screening.criteria import Outcome
from screening.demo import OUTCOME_PROFILES, synthetic_submission
from screening.models import Status, Submission
from tests.support.auth import code_for
from tests.support.staff import CONTRACT_HEADINGS, make_user

__all__ = ["CONTRACT_HEADINGS"]

PASSWORD = "harbour-plum-lantern-93"
REVIEWERS_GROUP = "Screening reviewers"


def make_reviewer(username: str, first_name: str, last_name: str):
    """A member of "Screening reviewers" (not a superuser), who signs in with a password."""
    user = make_user(username, REVIEWERS_GROUP, first_name=first_name, last_name=last_name)
    user.set_password(PASSWORD)
    user.save(update_fields=["password"])
    assert not user.is_superuser and not user.is_staff
    return user


def enrol_authenticator(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)


def current_code(device: TOTPDevice) -> str:
    """The code the phone shows now (read from the database: drift and last use may move)."""
    device.refresh_from_db()
    return code_for(device)


@dataclass(frozen=True)
class Seed:
    outcome: Outcome
    status: Status
    age: timedelta


# Two new submissions, one of them waiting: an open one untouched for more than 48 hours.
SEEDS = {
    "refer_new": Seed(Outcome.REFER, Status.NEW, timedelta(hours=1)),
    "refer_contacted": Seed(Outcome.REFER, Status.CONTACTED, timedelta(days=3)),
    "likely_new": Seed(Outcome.LIKELY, Status.NEW, timedelta(hours=2)),
    "possible_in_review": Seed(Outcome.POSSIBLE, Status.IN_REVIEW, timedelta(days=5)),
    "unlikely_closed": Seed(Outcome.UNLIKELY, Status.CLOSED, timedelta(days=20)),
    "likely_booked": Seed(Outcome.LIKELY, Status.CONSULTATION_BOOKED, timedelta(days=9)),
}


def seed_submissions() -> dict[str, Submission]:
    """The SEEDS as saved synthetic submissions, each with its outcome, status and date."""
    now = timezone.now()
    saved = {}
    for number, (key, seed) in enumerate(SEEDS.items(), start=70_001):
        submission = synthetic_submission(
            number,
            random.Random(number),
            now,
            answers=dict(OUTCOME_PROFILES[seed.outcome]),
            status=seed.status,
        )
        assert submission.outcome == seed.outcome, "the demo profile gives the outcome it names"
        submission.save()
        created_at = now - seed.age
        # created_at is auto_now_add: set the dates after the insert.
        status_changed_at = None if seed.status == Status.NEW else created_at + timedelta(hours=1)
        Submission.objects.filter(pk=submission.pk).update(
            created_at=created_at, status_changed_at=status_changed_at
        )
        submission.refresh_from_db()
        saved[key] = submission
    return saved


def references(submissions) -> set[str]:
    return {submission.reference for submission in submissions}


def sign_in_with_password(page, username: str) -> None:
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state("networkidle")


def listing_references(page) -> set[str]:
    """The references in the listing's table as the page shows them now."""
    return set(page.locator("table.listing tbody td.screening-reference a").all_inner_texts())


def assert_focus_visible(page, locator) -> None:
    """Reach the element with the keyboard and check it draws a focus indicator."""
    locator.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    assert locator.evaluate("(el) => el === document.activeElement"), "Tab returns to it"
    style = locator.evaluate(
        """(el) => {
            const s = getComputedStyle(el);
            return {outline: s.outlineStyle, width: parseFloat(s.outlineWidth) || 0,
                    shadow: s.boxShadow, visible: el.matches(':focus-visible')};
        }"""
    )
    assert style["visible"], "keyboard focus matches :focus-visible"
    drawn = (style["outline"] != "none" and style["width"] > 0) or style["shadow"] != "none"
    assert drawn, f"no visible focus indicator: {style}"
