"""What several parts of one response need, loaded once per request.

The header, the footer, the article footer and the structured data all look at the
pages directly under the home page and at the clinic's treatments. Each is loaded at
most once per request and kept on the request object.
"""

from wagtail.models import Site

from content.queries import public

EDITORIAL_POLICY_SLUG = "editorial-policy"


def top_level_pages(request):
    """Live, public pages directly under the site root (one query per request)."""
    if not hasattr(request, "_content_top_level_pages"):
        site = Site.find_for_request(request)
        pages = []
        if site is not None:
            children = site.root_page.get_children().live()
            pages = list(
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
        request._content_top_level_pages = pages
    return request._content_top_level_pages


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
        from content.snippets import Treatment

        request._content_treatments = list(Treatment.objects.all())
    return request._content_treatments
