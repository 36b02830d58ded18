import pytest
from django.core.management import call_command


@pytest.fixture
def site_tree(db):
    """The site as `make run` builds it: home page, Wagtail site and clinic details."""
    call_command("load_initial_data", stdout=open("/dev/null", "w"))  # noqa: SIM115
    from wagtail.models import Site

    return Site.objects.get(is_default_site=True)
