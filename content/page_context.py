"""What several parts of one response need, loaded once per request.

The header, the footer, the article footer and the structured data all look at the
pages directly under the home page and at the clinic's treatments. Each is loaded at
most once per request and kept on the request object.
"""

from wagtail.models import Site

from content.queries import public

EDITORIAL_POLICY_SLUG = "editorial-policy"


def top_level_pages(request):
    """Live, public pages directly under the site root (once per request at most; from
    the site data cache, content/site_cache.py, when it primed the request)."""
    if not hasattr(request, "_content_top_level_pages"):
        request._content_top_level_pages = load_top_level_pages(Site.find_for_request(request))
    return request._content_top_level_pages


def load_top_level_pages(site):
    if site is None:
        return []
    children = site.root_page.get_children().live()
    return list(
        public(children).only(
            "id",
            "title",
            "slug",
            "url_path",
            "path",
            "depth",
            "show_in_menus",
            "content_type",
        )
    )


def clinicians_page(request):
    from content.models import ClinicianIndexPage

    return next(
        (page for page in top_level_pages(request) if page.specific_class is ClinicianIndexPage),
        None,
    )


def editorial_policy_page(request):
    """The editorial and advertising policy: the standard page with its agreed slug."""
    return next(
        (page for page in top_level_pages(request) if page.slug == EDITORIAL_POLICY_SLUG), None
    )


def clinician_profile_url(clinician, request, absolute=False) -> str:
    """Where a clinician's profile is: their anchor on the “Our clinicians” page."""
    page = clinicians_page(request)
    if clinician is None or page is None:
        return ""
    url = page.get_url(request)
    if absolute:
        url = request.build_absolute_uri(url)
    return f"{url}#{clinician.anchor}"


def treatments(request):
    """The clinic's treatments with their regulators (one query per request)."""
    if request is None:
        return []
    if not hasattr(request, "_content_treatments"):
        request._content_treatments = load_treatments()
    return request._content_treatments


def load_treatments():
    from content.snippets import Treatment

    return list(Treatment.objects.all())
