from wagtail.models import Page

from content.site_settings import ClinicSettings  # noqa: F401  (registers the setting model)


class HomePage(Page):
    """The site root: what the clinic offers and where to start."""

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    template = "content/home_page.html"
    # Same for every anonymous visitor: served from the page cache (clinic_site/page_cache.py).
    cache_anonymous = True
