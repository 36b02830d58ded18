import io

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction

from clinic_site import page_cache
from tests.support.auth import STAFF_PASSWORD
from tests.support.database import SERIALIZED_DATABASES, copy_migrated_sqlite_database

# Fixtures through which a test reaches the test database that DATABASE_URL names.
DATABASE_FIXTURES = frozenset(
    {
        "db",
        "transactional_db",
        "django_db_reset_sequences",
        "django_db_serialized_rollback",
        "live_server",
        "_module_site_tree",
    }
)


def pytest_addoption(parser):
    parser.addoption(
        "--database-tests-only",
        action="store_true",
        help=(
            "Run only the tests that use the test database (CI's PostgreSQL job: the others "
            "never touch DATABASE_URL's database, so running them again proves nothing)."
        ),
    )


def uses_test_database(item):
    from django.test import TransactionTestCase

    if item.get_closest_marker("django_db") is not None:
        return True
    if DATABASE_FIXTURES & set(getattr(item, "fixturenames", ())):
        return True
    test_class = getattr(item, "cls", None)
    return test_class is not None and issubclass(test_class, TransactionTestCase)


def pytest_collection_modifyitems(config, items):
    if not config.getoption("--database-tests-only"):
        return
    kept = [item for item in items if uses_test_database(item)]
    if len(kept) != len(items):
        config.hook.pytest_deselected(items=[item for item in items if item not in kept])
        items[:] = kept


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    from django.db import connections

    for alias in connections:
        contents = getattr(connections[alias], "_test_serialized_contents", None)
        if contents:
            SERIALIZED_DATABASES[alias] = contents
        with django_db_blocker.unblock():
            copy_migrated_sqlite_database(connections[alias])


@pytest.fixture(autouse=True)
def _empty_cache():
    """Every test starts with an empty cache. Tests roll their database changes back,
    which sends no signal: the site data cache (content/site_cache.py) and Wagtail's
    site root paths would otherwise carry one test's pages into the next."""
    cache.clear()
    yield


@pytest.fixture(scope="module")
def _module_site_tree(django_db_setup, django_db_blocker):
    """Build the site once per test module, inside a transaction rolled back at its end.

    Loading every page takes most of a second; each test still runs in its own
    savepoint within this transaction (pytest-django's `db`), so tests cannot see each
    other's changes.
    """
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            call_command("load_initial_data", stdout=io.StringIO(), stderr=io.StringIO())
        except BaseException:
            outer.__exit__(None, None, None)
            raise
    yield
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)


@pytest.fixture
def site_tree(_module_site_tree, db):
    """The site as `make run` builds it: pages, Wagtail site and clinic details."""
    from wagtail.models import Site

    # Wagtail caches site root paths; ids differ between modules on PostgreSQL.
    cache.clear()
    yield Site.objects.get(is_default_site=True)
    cache.clear()


@pytest.fixture
def staff_password():
    return STAFF_PASSWORD


@pytest.fixture
def superuser(db):
    """A superuser who signs in with a password (the staff-review tests override this)."""
    from django.contrib.auth import get_user_model

    return get_user_model().objects.create_superuser(
        username="dr.reviewer", email="reviewer@clinic.example", password=STAFF_PASSWORD
    )


@pytest.fixture
def cache_on(settings):
    """The page cache as production runs it, starting empty (a fresh generation)."""
    settings.PAGE_CACHE_ENABLED = True
    page_cache._set_new_generation()
    return page_cache.page_cache()
