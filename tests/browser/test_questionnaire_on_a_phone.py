"""The questionnaire on a 360 x 800 phone: every step within about two screens (1,800px),
pattern pictures at least 120px wide and labelled in words, a progress bar, and the
reduced header (issue 13)."""

from __future__ import annotations

import pytest

from tests.support.browser_patient import (
    fill_step,
    screening_settings,  # noqa: F401 (a fixture, used below)
)
from tests.support.screening import LIKELY_ANSWERS, step_data

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("screening_settings")]

MAX_STEP_HEIGHT = 1800
MIN_PICTURE_WIDTH = 120


@pytest.fixture
def small_phone(browser):
    context = browser.new_context(
        viewport={"width": 360, "height": 800}, device_scale_factor=2, is_mobile=True
    )
    page = context.new_page()
    yield page
    context.close()


def measure(page) -> dict:
    return page.evaluate(
        """() => ({
            height: document.documentElement.scrollHeight,
            width: document.documentElement.scrollWidth,
            pictures: [...document.querySelectorAll('.screening-option__picture')].map(
                img => ({width: img.getBoundingClientRect().width,
                         label: img.closest('label').innerText.trim()})),
            progress: !!document.querySelector('progress.screening-progress-bar'),
            nav: !!document.querySelector('header nav'),
        })"""
    )


@pytest.mark.parametrize("scale", ["men", "women"])
def test_every_step_fits_two_phone_screens(small_phone, site_url, subtests, scale):
    page = small_phone
    answers = {**LIKELY_ANSWERS, "pattern_scale": scale}
    if scale == "women":
        answers["hair_loss_pattern"] = "ludwig_1"
    page.goto(site_url + "/screening/consent/")
    for slug, data in step_data(answers):
        with subtests.test(step=slug):
            assert page.url.endswith(f"/screening/{slug}/")
            found = measure(page)
            assert found["height"] <= MAX_STEP_HEIGHT, (slug, found["height"])
            assert found["width"] <= 360, (slug, found["width"])  # no sideways scrolling
            assert found["progress"] and not found["nav"]
            for picture in found["pictures"]:
                assert picture["width"] >= MIN_PICTURE_WIDTH, picture
                assert picture["label"], picture
        fill_step(page, data)
    assert page.url.endswith("/screening/photos/")  # the optional photo step (issue 16)
    fill_step(page, {})
    assert page.url.endswith("/screening/check/")
