"""Shared pieces for the questionnaire tests: answer profiles and a helper that walks the flow.

Profiles use the contract's keys and codes. ``post_steps`` posts them step by step
through the real views (what a patient's browser does with JavaScript off);
``complete_questionnaire`` does that, sends the answers and returns the response.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from screening.criteria import QUESTION_GROUPS

LIKELY_ANSWERS: dict[str, Any] = {
    "age": 38,
    "hair_loss_pattern": "norwood_3",
    "loss_duration": "1_5y",
    "loss_progression": "slow",
    "fine_hairs_in_thinning_areas": "yes",
    "smooth_bald_areas": "none",
    "medical_conditions": ["none"],
    "previous_treatments": ["minoxidil"],
    "goal": "thicker_thinning_hair",
    "open_to_transplant": "not_sure",
}
REFER_ANSWERS: dict[str, Any] = {
    **LIKELY_ANSWERS,
    "medical_conditions": ["blood_thinners", "keloid_scarring"],
}
UNLIKELY_ANSWERS: dict[str, Any] = {
    **LIKELY_ANSWERS,
    "hair_loss_pattern": "norwood_6",
    "smooth_bald_areas": "large",
    "smooth_bald_years": "gt_5",
    "goal": "cover_bald_areas",
}
POSSIBLE_ANSWERS: dict[str, Any] = {
    **LIKELY_ANSWERS,
    "hair_loss_pattern": "not_sure",
    "loss_progression": "rapid",
    "smooth_bald_areas": "small",
    "smooth_bald_years": "lt_2",
}
PROFILES = {
    "likely": LIKELY_ANSWERS,
    "possible": POSSIBLE_ANSWERS,
    "unlikely": UNLIKELY_ANSWERS,
    "refer": REFER_ANSWERS,
}

CONTACT: dict[str, str] = {
    "name": "Annabel Quixote",
    "email": "annabel.quixote@example.org",
    "phone": "+44 7700 900461",
    "preferred_contact": "phone",
}
CONSENTS: dict[str, str] = {"consent_health_data": "on", "consent_contact": "on"}


def step_url(slug: str, *, change: bool = False) -> str:
    url = reverse("screening:step", args=[slug])
    return f"{url}?change=1" if change else url


def as_post(data: Mapping[str, Any]) -> dict[str, Any]:
    """Form data as a browser sends it: strings, and a list for each multiple choice."""
    return {
        key: [str(v) for v in value] if isinstance(value, list | tuple) else str(value)
        for key, value in data.items()
    }


def step_data(
    answers: Mapping[str, Any] = LIKELY_ANSWERS,
    *,
    contact: Mapping[str, str] = CONTACT,
    consents: Mapping[str, str] = CONSENTS,
) -> list[tuple[str, dict[str, Any]]]:
    """(step slug, POST data) for every step, in order."""
    steps = [("consent", dict(consents))]
    for group in QUESTION_GROUPS:
        steps.append((group.slug, as_post({k: answers[k] for k in group.keys if k in answers})))
    steps.append(("contact", as_post(contact)))
    return steps


def post_steps(client: Client, answers: Mapping[str, Any] = LIKELY_ANSWERS, **kwargs) -> None:
    """Answer every step through HTTP; fails loudly if a step does not accept its data."""
    for slug, data in step_data(answers, **kwargs):
        response = client.post(step_url(slug), data)
        assert response.status_code == 302, (slug, response.status_code, _errors(response))


def _errors(response) -> Any:
    form = response.context.get("form") if response.context else None
    return form.errors if form is not None else None


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
