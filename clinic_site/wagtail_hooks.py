from wagtail import hooks

from clinic_site.page_cache import mark_cacheable
from content import site_cache


@hooks.register("on_serve_page")
def offer_anonymous_pages_to_the_page_cache(serve_page):
    """Mark the responses of page types with ``cache_anonymous = True`` as storable.

    Registered before Wagtail's own view-restriction hook, so it wraps it: a private
    page's password form or login redirect comes back through here too, and the
    middleware refuses it (Wagtail marks those responses never-cache).
    """

    def serve(page, request, serve_args, serve_kwargs):
        # Wagtail's view-restriction check (inside this hook) reads them from the
        # cached site data instead of two queries (content/site_cache.py).
        page._served_view_restrictions = site_cache.view_restrictions(page)
        # Served live (previews never pass here): its fragments may come from the cache.
        page._served_live = request
        response = serve_page(page, request, serve_args, serve_kwargs)
        if getattr(page, "cache_anonymous", False):
            mark_cacheable(response)
        return response

    return serve
