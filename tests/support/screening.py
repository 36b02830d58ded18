"""Questionnaire test helpers: answer profiles, hypothesis strategies and a walk through the flow.

Profiles use the contract's keys and codes. ``post_steps`` posts them step by step
through the real views (what a patient's browser does with JavaScript off);
``finished_state`` is what the session holds once every step is done.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from django.test import Client
from django.urls import reverse
from django.utils import timezone
from hypothesis import strategies as st

from screening import consent
from screening.criteria import CURRENT
from screening.rules import rule_set

V1 = "2026.11-1"

LIKELY_ANSWERS: dict[str, Any] = {
    "warning_signs": ["none"],
    "age": 38,
    "pattern_scale": "men",
    "hair_loss_pattern": "norwood_3",
    "loss_duration": "1_5y",
    "loss_progression": "slow",
    "fine_hairs_in_thinning_areas": "yes",
    "smooth_bald_areas": "none",
    "medical_conditions": ["none"],
    "previous_treatments": ["minoxidil"],
    "goal": "thicker_thinning_hair",
    "open_to_transplant": "not_sure",
    "other_health_factors": ["none"],
    "recent_treatment_change": "no",
    "wellbeing_impact": "little",
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
    for group in CURRENT.steps:
        if group.applies(answers):
            data = {k: answers[k] for k in group.keys if k in answers}
            steps.append((group.slug, as_post(data)))
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


# --- hypothesis strategies over the contract's codes ------------------------------------


def codes(key, version=None):
    return st.sampled_from(rule_set(version).questions[key].codes)


def code_list(key, version=None):
    question = rule_set(version).questions[key]
    others = [c for c in question.codes if c != question.exclusive_code]
    return st.one_of(
        st.just([question.exclusive_code]),
        st.lists(st.sampled_from(others), min_size=1, unique=True),
    )


@st.composite
def valid_answers(draw, medical=None, version=None, warning=None):
    """Valid answers under a rule set (the current one by default)."""
    questions = rule_set(version).questions
    age = questions["age"]
    answers = {}
    for key, question in questions.items():
        if key == "smooth_bald_years":
            continue
        if key == "age":
            answers[key] = draw(st.integers(age.min_value, age.max_value))
        elif key == "medical_conditions" and medical is not None:
            answers[key] = draw(medical)
        elif key == "warning_signs" and warning is not None:
            answers[key] = draw(warning)
        elif question.kind == "multiple":
            answers[key] = draw(code_list(key, version))
        else:
            answers[key] = draw(codes(key, version))
    if answers["smooth_bald_areas"] != "none":
        answers["smooth_bald_years"] = draw(codes("smooth_bald_years", version))
    return answers


def finished_state(answers=LIKELY_ANSWERS, **changes):
    """A finished questionnaire's session data, as the flow stores it."""
    moment = (timezone.now() - timedelta(minutes=5)).isoformat()
    state = {
        "flow_id": "0b7f4a52-6a52-4a55-9a4c-1d2e3f405162",
        "started_at": moment,
        "consents": {
            "version": consent.CONSENT_TEXT_VERSION,
            "consent_health_data_at": moment,
            "consent_contact_at": moment,
            "consent_marketing_at": None,
        },
        "answers": dict(answers),
        "contact": dict(CONTACT),
    }
    state.update(changes)
    return state
