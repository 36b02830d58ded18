"""Every page of the questionnaire through axe-core in Chromium, on a phone-sized screen.

Each step empty and with errors, check your answers (also with its "too quick" notice),
the result for every outcome, and the other pages a submit can end on; plus the start,
how-we-assess and adults-only pages. Zero violations of any impact, none of WCAG 2.2's
target-size rule either, and a visible focus on every Tab stop. One test walks the whole
flow (the site content loads once); each page reports on its own as a subtest.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest

from screening.criteria import CONDITIONAL_KEYS, MIN_AGE, OUTCOMES, QUESTIONS, Outcome
from screening.rules.base import Referral
from screening.rules.v2 import REFERRAL_TEXTS
from screening.scoring import assess
from tests.support.browser_patient import (
    CONTINUE,
    ERROR_SUMMARY,
    active_matches,
    assert_every_focus_visible,
    fill_step,
    scan,
    screening_settings,  # noqa: F401 (a fixture, used by every test below)
)
from tests.support.screening import CONTACT, PROFILES, step_data

pytestmark = pytest.mark.usefixtures("screening_settings")

SEND = "button[data-prevent-double-submit]"


def _follow_up_missing() -> dict[str, Any]:
    _follow_up, (controller, shown_for) = next(iter(CONDITIONAL_KEYS.items()))
    return {"fine_hairs_in_thinning_areas": "yes", controller: sorted(shown_for)[0]}


def _none_beside_a_condition() -> dict[str, Any]:
    question = QUESTIONS["medical_conditions"]
    other = next(code for code, _ in question.choices() if code != question.exclusive_code)
    return {"medical_conditions": [question.exclusive_code, other]}


# Error states beyond "nothing answered": each shows a different message and markup.
MORE_ERRORS: dict[str, tuple[str, dict[str, Any]]] = {
    "follicles": ("follow-up question not answered", _follow_up_missing()),
    "medical-history": ("'none' ticked beside a condition", _none_beside_a_condition()),
    "contact": (
        "phone chosen without a number",
        {**CONTACT, "phone": "", "preferred_contact": "phone"},
    ),
}


def send(page) -> None:
    with page.expect_navigation():
        page.locator(SEND).click()


def start(page, site_url: str) -> None:
    page.goto(site_url + "/screening/")
    with page.expect_navigation():
        page.locator(".screening-start-button").click()


def answer_all_steps(page, answers: Mapping[str, Any], **kwargs) -> None:
    for _slug, data in step_data(answers, **kwargs):
        fill_step(page, data)


def test_every_questionnaire_page_is_accessible(phone_page, site_url, settings, subtests):
    page = phone_page

    def check(name: str) -> None:
        with subtests.test(page=name):
            scan(page, f"screening: {name} (phone)")
            assert page.csp_violations == []
            assert assert_every_focus_visible(page) > 0

    for path, name in [
        ("/screening/", "start"),
        ("/screening/how-we-assess/", "how we assess"),
        ("/screening/result/", "result unavailable (no result in this browser)"),
    ]:
        assert page.goto(site_url + path).status == 200
        check(name)

    # Every step, empty and with errors, on the way through.
    start(page, site_url)
    for number, (slug, data) in enumerate(step_data(PROFILES["likely"]), start=1):
        assert page.url.endswith(f"/screening/{slug}/")
        label = f"step {number} {slug}"
        check(f"{label}, empty")
        with page.expect_navigation():
            page.locator(CONTINUE).click()
        assert active_matches(page, ERROR_SUMMARY)
        check(f"{label}, nothing answered")
        if slug in MORE_ERRORS:
            what, wrong = MORE_ERRORS[slug]
            fill_step(page, wrong)
            assert page.locator(ERROR_SUMMARY).count() == 1, slug
            check(f"{label}, {what}")
        fill_step(page, data)
    # The optional photo step (issue 16) is scanned in test_photo_step.py.
    assert page.url.endswith("/screening/photos/")
    fill_step(page, {})
    assert page.url.endswith("/screening/check/")
    check("check your answers")

    settings.SCREENING_MIN_SECONDS = 3600
    send(page)
    assert page.url.endswith("/screening/submit/")
    assert active_matches(page, "[role=status]")
    check("check your answers, sent too quickly")
    settings.SCREENING_MIN_SECONDS = 0

    settings.SCREENING_SUBMIT_RATE = "0/hour"
    send(page)
    assert page.locator("h1").inner_text() == "Please try again a little later"
    check("too many requests")
    settings.SCREENING_SUBMIT_RATE = "100/hour"

    # A result for every outcome the rules give, and each v2 variant of the page.
    variants = [(outcome.value, PROFILES[outcome.value], outcome) for outcome in Outcome]
    variants += [
        (
            "refer for a diagnosis",
            {**PROFILES["likely"], "warning_signs": ["round_patches"]},
            Outcome.REFER,
        ),
        ("likely, wellbeing a lot", {**PROFILES["likely"], "wellbeing_impact": "a_lot"}, None),
    ]
    for index, (name, answers, outcome) in enumerate(variants):
        result = assess(answers)
        assert outcome is None or result.outcome == outcome
        if index:  # the likely answers are already in
            start(page, site_url)
            answer_all_steps(page, answers)
        page.goto(site_url + "/screening/check/")
        send(page)
        assert page.url.endswith("/screening/result/")
        heading = page.locator("#outcome-heading").inner_text()
        if result.referral == ("diagnosis",):
            assert heading == REFERRAL_TEXTS[Referral.DIAGNOSIS].patient_heading
        else:
            assert heading == OUTCOMES[result.outcome].patient_heading
        check(f"result, {name}")

    # The hidden field a bot fills in: the answers are discarded.
    start(page, site_url)
    steps = step_data(PROFILES["likely"], contact={**CONTACT, "website": "https://spam.example"})
    for _slug, data in steps:
        fill_step(page, data)
    assert page.url.endswith("/screening/contact/")
    assert page.locator("h1").inner_text() == "Thank you"
    check("not sent (hidden field filled in)")

    # Under 18: the questionnaire stops, kindly.
    start(page, site_url)
    consent_data, warning_signs, about_you = step_data(PROFILES["likely"])[:3]
    fill_step(page, consent_data[1])
    fill_step(page, warning_signs[1])
    fill_step(page, {**about_you[1], "age": str(MIN_AGE - 2)})
    assert page.url.endswith("/screening/adults-only/")
    check("adults only")


def test_wide_layouts_are_accessible_on_a_desktop(desktop_page, site_url, subtests):
    # From 40rem the pattern pictures sit two a row, from 48rem the answers become a
    # grid and the how-we-assess tables real tables: the pages that change shape.
    page = desktop_page

    def check(name: str) -> None:
        with subtests.test(page=name):
            scan(page, f"screening: {name} (desktop)")
            assert assert_every_focus_visible(page) > 0

    page.goto(site_url + "/screening/how-we-assess/")
    check("how we assess")

    start(page, site_url)
    (_, consent), (_, warning_signs), (_, about_you), *later = step_data(PROFILES["refer"])
    fill_step(page, consent)
    fill_step(page, warning_signs)
    check("step 3 about-you, empty")
    with page.expect_navigation():
        page.locator(CONTINUE).click()
    assert active_matches(page, ERROR_SUMMARY)
    check("step 3 about-you, nothing answered")
    fill_step(page, about_you)
    for _slug, data in later:
        fill_step(page, data)
    # The optional photo step (issue 16) is scanned in test_photo_step.py.
    assert page.url.endswith("/screening/photos/")
    fill_step(page, {})
    assert page.url.endswith("/screening/check/")
    check("check your answers")

    send(page)
    assert page.locator("#outcome-heading").inner_text() == OUTCOMES[Outcome.REFER].patient_heading
    check("result, refer")
