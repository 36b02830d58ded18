"""Real-browser tests: Playwright driving Debian's Chromium against pytest-django's live server.

Chromium comes from the system (`apt-get install -y chromium`); Playwright never downloads a
browser. Without Chromium every test here is skipped and the run says so at the end.
"""

import io
import sqlite3
import time
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.support.browser import CHROMIUM, CHROMIUM_PRESENT, DESKTOP, PHONE, axe_summary
from tests.support.database import MIGRATED_SQLITE_DATABASES, SERIALIZED_DATABASES


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)
            if not _uses_in_memory_sqlite():
                item.add_marker(pytest.mark.django_db(transaction=True, serialized_rollback=True))
            if not CHROMIUM_PRESENT:
                item.add_marker(
                    pytest.mark.skip(
                        reason=f"Chromium not found at {CHROMIUM}: browser tests skipped"
                    )
                )


def _uses_in_memory_sqlite():
    from django.conf import settings

    database = settings.DATABASES["default"]
    return database["ENGINE"].endswith("sqlite3") and not database.get("TEST", {}).get("NAME")


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


# The in-memory SQLite database as `load_initial_data` leaves it, copied once per session.
_loaded_site_snapshot: list[sqlite3.Connection] = []


@pytest.fixture
def site_url(live_server, django_db_blocker):
    """The live server with the content `make run` loads.

    The live server needs committed data. On the in-memory SQLite test database, the
    content is loaded once and each test gets a copy of that database through SQLite's
    backup API, then the database as it was before the test is copied back: a few
    milliseconds instead of a flush, a deserialisation and a fresh load per test.
    Elsewhere (PostgreSQL) each test's data is flushed afterwards and serialized
    rollback restores what migrations created before the content is loaded again.
    """
    from django.db import connection

    if not _uses_in_memory_sqlite():
        # The django_db(transaction=True, serialized_rollback=True) mark that
        # pytest_collection_modifyitems adds flushes and restores around each test.
        call_command("load_initial_data", stdout=io.StringIO())
        yield live_server.url
        return

    with django_db_blocker.unblock():
        connection.ensure_connection()
        database = connection.connection
        before = sqlite3.connect(":memory:")
        database.backup(before)
        if _loaded_site_snapshot:
            _copy_when_idle(_loaded_site_snapshot[0], database)
        else:
            _load_site_from_migrated_state(connection)
            snapshot = sqlite3.connect(":memory:", check_same_thread=False)
            database.backup(snapshot)
            _loaded_site_snapshot.append(snapshot)
        try:
            yield live_server.url
        finally:
            _copy_when_idle(before, database)
            before.close()


def _copy_when_idle(source, destination):
    """The live server may still be answering the test's last request (an image the page
    asked for): SQLite refuses to overwrite a database in use, so wait for it, briefly."""
    for _ in range(100):
        try:
            source.backup(destination)
            return
        except sqlite3.OperationalError as error:
            if "in use" not in str(error):
                raise
            time.sleep(0.05)
    source.backup(destination)


def _load_site_from_migrated_state(connection):
    MIGRATED_SQLITE_DATABASES[connection.alias].backup(connection.connection)
    call_command("load_initial_data", stdout=io.StringIO())


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
