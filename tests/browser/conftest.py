"""Real-browser tests: Playwright driving Debian's Chromium against pytest-django's live server.

Chromium comes from the system (`apt-get install -y chromium`); Playwright never downloads a
browser. Without Chromium every test here is skipped and the run says so at the end.
"""

import io
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.support.browser import CHROMIUM, CHROMIUM_PRESENT, DESKTOP, PHONE, axe_summary
from tests.support.database import SERIALIZED_DATABASES


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
    if axe_summary:
        terminalreporter.write_sep("-", "axe-core accessibility scan, per page")
        for name, count, detail in axe_summary:
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
