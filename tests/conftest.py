import pytest
from django.core.management import call_command

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


@pytest.fixture
def site_tree(db):
    """The site as `make run` builds it: home page, Wagtail site and clinic details."""
    call_command("load_initial_data", stdout=open("/dev/null", "w"))  # noqa: SIM115
    from wagtail.models import Site

    return Site.objects.get(is_default_site=True)
