"""Real-browser tests: Playwright driving Debian's Chromium against pytest-django's live server.

Chromium comes from the system (`apt-get install -y chromium`); Playwright never downloads a
browser. Without Chromium every test here is skipped and the run says so at the end.
"""

import io
import json
import os
import re
import shutil
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_PRESENT = Path(CHROMIUM).exists()
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "browser"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}

_axe = Axe()
# axe-core ships WCAG 2.2's target-size check (2.5.8, level AA) switched off; we are held to AA.
AXE_OPTIONS = {"resultTypes": ["violations"], "rules": {"target-size": {"enabled": True}}}
_axe_summary: list[tuple[str, int, str]] = []


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)
            if not CHROMIUM_PRESENT:
                item.add_marker(
                    pytest.mark.skip(
                        reason=f"Chromium not found at {CHROMIUM}: browser tests skipped"
                    )
                )


def pytest_terminal_summary(terminalreporter):
    if not CHROMIUM_PRESENT:
        terminalreporter.write_sep(
            "=",
            f"BROWSER TESTS SKIPPED: Chromium not found at {CHROMIUM} "
            "(install it with `apt-get install -y chromium`)",
            yellow=True,
        )
        return
    if _axe_summary:
        terminalreporter.write_sep("-", "axe-core accessibility scan, per page")
        for name, count, detail in _axe_summary:
            terminalreporter.write_line(f"{count:3d} violation(s)  {name}{detail}")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
        ],
    }


@pytest.fixture(autouse=True)
def _serialized_rollback_in_browser_context(browser, django_db_setup):
    """Give the database connection the browser tests use the migrated state to restore.

    Playwright's sync API runs an event loop in this thread, so Django hands these tests a
    different connection object (connections are context-local) from the one that set the
    test database up and holds its serialized contents.
    """
    from django.db import connections

    from tests.conftest import SERIALIZED_DATABASES

    for alias, contents in SERIALIZED_DATABASES.items():
        if not hasattr(connections[alias], "_test_serialized_contents"):
            connections[alias]._test_serialized_contents = contents


@pytest.fixture
def site_url(live_server, django_db_serialized_rollback):
    """The live server with the content `make run` loads.

    The live server needs committed data, so each test's database is flushed afterwards;
    serialized rollback restores what migrations created (Wagtail's root page, locale,
    groups) before the next test.
    """
    call_command("load_initial_data", stdout=io.StringIO())
    return live_server.url


@pytest.fixture
def phone_page(browser):
    context = browser.new_context(
        viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    page.csp_violations = []
    page.on("console", lambda msg: _record_csp(page, msg))
    yield page
    context.close()


@pytest.fixture
def desktop_page(browser):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.csp_violations = []
    page.on("console", lambda msg: _record_csp(page, msg))
    yield page
    context.close()


def _record_csp(page, message):
    if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
        page.csp_violations.append(message.text)


def screenshot(page, name):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    safe = re.sub(r"[^a-z0-9_-]+", "-", name.lower()).strip("-")
    page.screenshot(path=str(ARTIFACTS / f"{safe}.png"), full_page=True)


def assert_accessible(page, name, impacts=None):
    """Run axe-core on the current page; fail on violations (of the given impacts, or any)."""
    results = _axe.run(page, options=AXE_OPTIONS)
    violations = results.response["violations"]
    if impacts is not None:
        violations = [v for v in violations if v.get("impact") in impacts]
    detail = "" if not violations else "  [" + ", ".join(v["id"] for v in violations) + "]"
    _axe_summary.append((name, len(violations), detail))
    screenshot(page, f"axe-{name}")
    assert not violations, f"axe violations on {name}:\n" + json.dumps(
        [
            {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"][:5]]}
            for v in violations
        ],
        indent=2,
    )


# Where the keyboard focus is and whether a reader can see it: an outline or a shadow is
# drawn, the element is on screen, and nothing else covers its centre.
FOCUS_STATE = """() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  const shadow = Boolean(style.boxShadow) && style.boxShadow !== 'none';
  const text = (el.getAttribute('aria-label') || el.textContent || el.value || '').trim();
  const rect = el.getBoundingClientRect();
  const x = Math.min(Math.max(rect.left + rect.width / 2, 0), innerWidth - 1);
  const y = Math.min(Math.max(rect.top + rect.height / 2, 0), innerHeight - 1);
  const top = document.elementFromPoint(x, y);
  return {
    visible: outline || shadow,
    onScreen: rect.bottom > 0 && rect.top < innerHeight && rect.width > 0,
    unobscured: !!top && (el === top || el.contains(top) || top.contains(el)),
    describe: `${el.tagName.toLowerCase()}#${el.id} [${el.name || ''}] "${text.slice(0, 50)}"`,
  };
}"""


def focus_state(page) -> dict | None:
    return page.evaluate(FOCUS_STATE)


def focus_stops(page, limit: int = 240) -> list[dict]:
    """Tab through the whole page once: the state of every focus stop, in order.

    Ends when focus leaves the page (Chromium then focuses its own interface and the
    document reports the body) or comes round to the first stop again.
    """
    stops: list[dict] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        state = focus_state(page)
        if state is None:
            if stops:
                return stops
            continue
        if stops and state["describe"] == stops[0]["describe"]:
            return stops
        stops.append(state)
    pytest.fail("the focus never left the page")
