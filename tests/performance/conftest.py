import pytest

from clinic_site import page_cache


@pytest.fixture
def cache_on(settings):
    """The page cache as production runs it, starting empty (a fresh generation)."""
    settings.PAGE_CACHE_ENABLED = True
    page_cache._set_new_generation()
    return page_cache.page_cache()
