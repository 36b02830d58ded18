"""Helpers for walking the questionnaire in a real browser, mostly by keyboard.

A patient who uses a keyboard moves with Tab and Shift+Tab, ticks with Space, picks a
radio answer with the arrow keys and follows links and buttons with Enter. The keyboard
helpers do only that: they read the page (which element has focus, what is ticked) but
never click, fill or focus anything themselves. Every element Tab lands on on the way is
checked for a visible focus indicator (an outline or a box-shadow in its computed style).
At the end: ``fill_step``, the quick pointer way for tests about pages rather than the
keyboard, and ``scan``, axe-core with WCAG 2.2's target size.

Answers come from the questionnaire tests' profiles (``tests/screening/conftest.py``),
as POST data per step, so no criteria are typed again here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.core.cache import cache

from screening.criteria import QUESTIONS
from tests.support.browser import assert_accessible, focus_state, focus_stops
from tests.support.screening import CONTACT

# The most Tab presses between two things a patient wants to reach: a bound, so a
# missing or unreachable element fails the test instead of looping forever.
MAX_TAB_PRESSES = 120


@pytest.fixture
def screening_settings(settings):
    """No minimum completion time and a rate limit the journeys cannot reach.

    The live server runs in this process, so these overrides apply to it; the rate-limit
    counts live in the local-memory cache, emptied before and after.
    """
    settings.SCREENING_MIN_SECONDS = 0
    settings.SCREENING_SUBMIT_RATE = "100/hour"
    cache.clear()
    yield settings
    cache.clear()


# --- focus -------------------------------------------------------------------------------


def assert_focus_visible(page) -> None:
    state = focus_state(page)
    assert state is not None, "nothing has focus"
    assert state["visible"], f"no visible focus indicator on {state['describe']}"


def active_matches(page, selector: str) -> bool:
    return page.evaluate(
        "(s) => Boolean(document.activeElement && document.activeElement.matches(s))", selector
    )


def active_id(page) -> str:
    return page.evaluate("document.activeElement ? document.activeElement.id : ''")


def _target_is_before_focus(page, selector: str) -> bool:
    return page.evaluate(
        """(s) => {
          const target = document.querySelector(s);
          const here = document.activeElement;
          if (!target || !here || here === document.body) return false;
          return Boolean(here.compareDocumentPosition(target) & Node.DOCUMENT_POSITION_PRECEDING);
        }""",
        selector,
    )


def tab_to(page, selector: str) -> None:
    """Press Tab (or Shift+Tab, when the target is above the focus) until it is focused.

    Every stop on the way must show where the focus is.
    """
    key = "Shift+Tab" if _target_is_before_focus(page, selector) else "Tab"
    for _ in range(MAX_TAB_PRESSES):
        page.keyboard.press(key)
        state = focus_state(page)
        if state is None:  # past the last stop: Chromium's own interface has focus
            continue
        assert state["visible"], f"no visible focus indicator on {state['describe']}"
        if active_matches(page, selector):
            return
    pytest.fail(f"{selector} not reached with {MAX_TAB_PRESSES} presses of {key}")


def activate(page, selector: str) -> None:
    """Tab to a link or button and press Enter; wait for the page it leads to."""
    tab_to(page, selector)
    with page.expect_navigation():
        page.keyboard.press("Enter")


# --- answering ---------------------------------------------------------------------------


def _inputs(page, name: str) -> list[dict[str, Any]]:
    return page.evaluate(
        """(n) => [...document.getElementsByName(n)].map((el) => ({
             type: el.type, value: el.value, checked: el.checked, id: el.id }))""",
        name,
    )


def _input_selector(name: str, value: str | None = None) -> str:
    selector = f'input[name="{name}"]'
    return selector if value is None else f'{selector}[value="{value}"]'


def choose_radio(page, name: str, value: str) -> None:
    """Tab into the radio group, then arrow to the answer (arrows select as they move)."""
    tab_to(page, _input_selector(name))
    values = [option["value"] for option in _inputs(page, name)]
    here = page.evaluate("document.activeElement.value")
    steps = values.index(value) - values.index(here)
    if steps == 0 and not page.evaluate("document.activeElement.checked"):
        page.keyboard.press("Space")
    for _ in range(abs(steps)):
        page.keyboard.press("ArrowDown" if steps > 0 else "ArrowUp")
        assert_focus_visible(page)
    checked = [option["value"] for option in _inputs(page, name) if option["checked"]]
    assert checked == [value], (name, checked)


def set_checkboxes(page, name: str, wanted: Iterable[str]) -> None:
    """Tab through the boxes in page order, pressing Space on each one to change."""
    wanted = set(wanted)
    for box in _inputs(page, name):
        want = box["value"] in wanted or (box["value"] == "on" and "on" in wanted)
        if box["checked"] == want:
            continue
        tab_to(page, f"#{box['id']}")
        page.keyboard.press("Space")
    ticked = {box["value"] for box in _inputs(page, name) if box["checked"]}
    assert ticked == wanted, (name, ticked)


def type_into(page, name: str, text: str) -> None:
    tab_to(page, f'[name="{name}"]')
    page.keyboard.press("ControlOrMeta+A")
    page.keyboard.press("Delete")
    page.keyboard.type(text)
    assert page.evaluate("document.activeElement.value") == text


def answer(page, name: str, value: Any) -> None:
    """One answer as a keyboard user gives it; the kind of control comes from the page."""
    kinds = {option["type"] for option in _inputs(page, name)}
    if kinds == {"radio"}:
        choose_radio(page, name, str(value))
    elif kinds == {"checkbox"}:
        set_checkboxes(page, name, value if isinstance(value, list) else [value])
    else:
        type_into(page, name, str(value))


CONTINUE = ".screening-actions button[type=submit]"
ERROR_SUMMARY = "[data-error-summary]"


def answer_step(page, data: Mapping[str, Any]) -> None:
    """Answer everything a step asks (POST data from ``step_data``) and press Continue."""
    for name, value in data.items():
        answer(page, name, value)
    activate(page, CONTINUE)


# --- what must never happen ----------------------------------------------------------------

ANSWER_NAMES = frozenset(QUESTIONS) | frozenset(CONTACT)


def assert_no_health_data_in(urls: Iterable[str]) -> None:
    """No answer (key, code or contact detail) ever travels in an address."""
    for url in urls:
        parts = urlsplit(url)
        keys = {key for key, _ in parse_qsl(parts.query)}
        assert not keys & ANSWER_NAMES, url
        for detail in CONTACT.values():
            assert detail not in url, url


# --- the quick way, for tests about pages rather than about the keyboard -----------------


def fill_step(page, data: Mapping[str, Any]) -> None:
    """Answer a step with Playwright's pointer actions and press Continue."""
    for name, value in data.items():
        inputs = _inputs(page, name)
        kinds = {option["type"] for option in inputs}
        if kinds <= {"radio", "checkbox"}:
            wanted = {str(v) for v in value} if isinstance(value, list) else {str(value)}
            for option in inputs:
                page.locator(f"#{option['id']}").set_checked(option["value"] in wanted)
        else:
            page.locator(f'[name="{name}"]').fill(str(value))
    with page.expect_navigation():
        page.locator(CONTINUE).click()


def scan(page, name: str) -> None:
    """axe-core on the page, WCAG 2.2 target size included (see ``AXE_OPTIONS``)."""
    assert_accessible(page, name)


def assert_every_focus_visible(page) -> int:
    """Tab through the whole page once; every stop must show where the focus is.

    Returns how many stops there were.
    """
    stops = focus_stops(page)
    for state in stops:
        assert state["visible"], f"no visible focus indicator on {state['describe']}"
    return len(stops)
