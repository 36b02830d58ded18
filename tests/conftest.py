import io

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction

# Migrated database state (Wagtail's root page, locale, groups), per alias, captured once
# so transactional tests can restore it after a flush (see tests/browser/conftest.py).
SERIALIZED_DATABASES: dict[str, str] = {}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup):
    from django.db import connections

    for alias in connections:
        contents = getattr(connections[alias], "_test_serialized_contents", None)
        if contents:
            SERIALIZED_DATABASES[alias] = contents


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
