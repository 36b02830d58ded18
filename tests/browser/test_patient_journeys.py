"""A patient's whole visit in Chromium on a phone-sized screen, by keyboard only.

Home → an article → the FAQ → a search for "PRP" → the questionnaire, every step (with
one round of validation errors) → check your answers → change one answer → send → the
result. Once for a profile the rules call `likely` and once for one they `refer`; and
once more with JavaScript switched off. Screenshots of each step go to test-artifacts/.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest

from screening.criteria import CONDITIONAL_KEYS, OUTCOMES, QUESTION_GROUPS, QUESTIONS, Outcome
from screening.flow import STEPS_BY_SLUG
from screening.models import Submission
from screening.scoring import assess, normalise_answers
from tests.support.browser import PHONE, screenshot
from tests.support.browser_patient import (
    CONTINUE,
    ERROR_SUMMARY,
    activate,
    active_id,
    active_matches,
    answer,
    answer_step,
    assert_focus_visible,
    assert_no_health_data_in,
    screening_settings,  # noqa: F401 (a fixture, used by every test below)
    tab_to,
)
from tests.support.screening import CONTACT, PROFILES, step_data

pytestmark = pytest.mark.usefixtures("screening_settings")

# The answer changed from "check your answers"; the rules ignore it, so the outcome stays.
CHANGED_KEY = "goal"
# The step where the patient first presses Continue without answering.
ERROR_ROUND_STEP = "about-you"


def with_changed_answer(answers: Mapping[str, Any]) -> dict[str, Any]:
    other = next(
        code for code, _ in QUESTIONS[CHANGED_KEY].choices() if code != answers[CHANGED_KEY]
    )
    return {**answers, CHANGED_KEY: other}


def record_addresses(page) -> list[str]:
    addresses: list[str] = []
    page.on("request", lambda request: addresses.append(request.url))
    return addresses


def heading(page) -> str:
    return page.locator("h1").inner_text().strip()


def browse_to_the_questionnaire(page, site_url: str, name: str) -> None:
    page.goto(site_url + "/")
    screenshot(page, f"{name}-01-home")

    activate(page, ".featured a")  # the first article the home page features
    assert page.url.startswith(site_url + "/articles/")
    article_title = heading(page)
    assert article_title
    screenshot(page, f"{name}-02-article")

    activate(page, 'a[href="/articles/"]')
    activate(page, 'a[href="/articles/faq/"]')
    assert page.url == site_url + "/articles/faq/"
    assert heading(page) == "Frequently asked questions"
    screenshot(page, f"{name}-03-faq")

    activate(page, 'a[href="/search/"]')
    tab_to(page, "#search-query")
    page.keyboard.type("PRP")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == site_url + "/search/?q=PRP"
    results = page.locator(".search-results__title a")
    assert results.count() > 0
    assert "/articles/stem-cells-vs-prp/" in [
        results.nth(i).get_attribute("href") for i in range(results.count())
    ]
    screenshot(page, f"{name}-04-search-prp")

    activate(page, 'a[href="/screening/"]')
    assert page.url == site_url + "/screening/"
    screenshot(page, f"{name}-05-start")
    activate(page, ".screening-start-button")


def error_round(page, site_url: str, slug: str, data: Mapping[str, Any], name: str) -> None:
    """Continue with nothing answered: the summary takes focus, its links lead to the fields."""
    activate(page, CONTINUE)
    assert page.url == f"{site_url}/screening/{slug}/"
    assert page.title().startswith("Error: ")
    assert active_matches(page, ERROR_SUMMARY), "focus is not on the error summary"
    assert_focus_visible(page)
    screenshot(page, f"{name}-{slug}-errors")

    anchors = page.eval_on_selector_all(
        f"{ERROR_SUMMARY} a", "(links) => links.map((link) => link.hash.slice(1))"
    )
    required = [key for key in data if key not in CONDITIONAL_KEYS]
    assert len(anchors) == len(required)
    for anchor, key in zip(anchors, required, strict=True):
        assert anchor in (f"id_{key}", f"id_{key}_0")
        tab_to(page, f'{ERROR_SUMMARY} a[href="#{anchor}"]')
        page.keyboard.press("Enter")
        assert active_id(page) == anchor, f"the link to {anchor} left focus on {active_id(page)}"
        assert_focus_visible(page)


def answer_every_step(page, site_url: str, answers: Mapping[str, Any], name: str) -> None:
    for number, (slug, data) in enumerate(step_data(answers, contact=CONTACT), start=1):
        assert page.url == f"{site_url}/screening/{slug}/"
        assert heading(page) == STEPS_BY_SLUG[slug].title
        assert page.locator(".screening-progress").inner_text().startswith(f"Step {number} of")
        screenshot(page, f"{name}-step-{number}-{slug}")
        if slug == ERROR_ROUND_STEP:
            error_round(page, site_url, slug, data, name)
        answer_step(page, data)
    # The optional photo step (issue 16): this patient sends no photos.
    assert page.url == f"{site_url}/screening/photos/"
    activate(page, CONTINUE)


def change_one_answer(page, site_url: str, changed: Mapping[str, Any], name: str) -> None:
    row = f"#answer-{CHANGED_KEY}"
    new_label = QUESTIONS[CHANGED_KEY].option(changed[CHANGED_KEY]).label
    assert new_label not in page.locator(row).inner_text()

    activate(page, f"{row} a")
    slug = next(group.slug for group in QUESTION_GROUPS if CHANGED_KEY in group.keys)
    # The link leads to the question itself, so the next Tab reaches its answers.
    assert page.url == f"{site_url}/screening/{slug}/?change=1#div_id_{CHANGED_KEY}"
    assert page.locator(CONTINUE).inner_text() == "Save and go back to your answers"
    answer(page, CHANGED_KEY, changed[CHANGED_KEY])
    screenshot(page, f"{name}-change-{CHANGED_KEY}")
    activate(page, CONTINUE)

    assert page.url == f"{site_url}/screening/check/"
    assert new_label in page.locator(row).inner_text()


def send_and_read_the_result(page, site_url: str, answers: Mapping[str, Any], name: str):
    activate(page, "button[data-prevent-double-submit]")
    assert page.url == f"{site_url}/screening/result/"
    screenshot(page, f"{name}-result")

    submission = Submission.objects.get()
    # Stored as the rules read them: the flow-only scale question is not kept.
    assert submission.answers == {
        k: v for k, v in answers.items() if k in normalise_answers(answers)
    }
    expected = OUTCOMES[assess(answers).outcome]
    assert page.locator(".screening-reference__code").inner_text() == submission.reference
    assert page.locator("#outcome-heading").inner_text() == expected.patient_heading
    assert expected.patient_summary in page.locator(".screening-outcome").inner_text()
    return Outcome(submission.outcome)


@pytest.mark.parametrize("profile", ["likely", "refer"])
def test_patient_journey_by_keyboard_on_a_phone(phone_page, site_url, profile):
    page = phone_page
    name = f"journey-{profile}"
    addresses = record_addresses(page)
    answers = PROFILES[profile]
    changed = with_changed_answer(answers)

    browse_to_the_questionnaire(page, site_url, name)
    answer_every_step(page, site_url, answers, name)
    assert page.url == f"{site_url}/screening/check/"
    screenshot(page, f"{name}-check")
    change_one_answer(page, site_url, changed, name)
    outcome = send_and_read_the_result(page, site_url, changed, name)

    assert outcome == Outcome(profile)
    assert page.locator("[data-print-page]").is_visible()  # the script ran
    assert page.csp_violations == []
    assert_no_health_data_in(addresses)


@pytest.fixture
def no_js_phone_page(browser):
    context = browser.new_context(
        viewport=PHONE,
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        java_script_enabled=False,
    )
    yield context.new_page()
    context.close()


def test_questionnaire_completes_without_javascript(no_js_phone_page, site_url):
    # A profile with small smooth areas: the follow-up question it needs is simply
    # shown, as it always is without JavaScript.
    page = no_js_phone_page
    name = "no-js-possible"
    addresses = record_addresses(page)
    answers = PROFILES["possible"]
    assert answers["smooth_bald_areas"] in CONDITIONAL_KEYS["smooth_bald_years"][1]

    page.goto(site_url + "/screening/")
    activate(page, ".screening-start-button")
    answer_every_step(page, site_url, answers, name)
    screenshot(page, f"{name}-check")
    outcome = send_and_read_the_result(page, site_url, answers, name)

    assert outcome == Outcome.POSSIBLE
    assert page.locator("[data-print-page]").is_hidden()  # only the script shows it
    assert_no_health_data_in(addresses)
