from django import template
from wagtail.models import Site

from content.queries import public

register = template.Library()


def _top_level_pages(request):
    """Live, public pages directly under the site root: one query per request, shared by
    the main navigation in the header and the links in the footer."""
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


@register.simple_tag(takes_context=True)
def main_menu_pages(context):
    """Live pages under the site root marked 'show in menus', each flagged when the
    current page is it or sits below it (for aria-current)."""
    request = context.get("request")
    if request is None:
        return []
    current = context.get("page")
    current_path = getattr(current, "path", "")
    menu = [page for page in _top_level_pages(request) if page.show_in_menus]
    for item in menu:
        item.is_current = bool(current_path) and current_path.startswith(item.path)
    return menu


@register.simple_tag(takes_context=True)
def footer_pages(context):
    """The plain pages every visitor must be able to reach (privacy notice, about,
    contact), whether or not editors put them in the main menu."""
    from content.models import StandardPage

    request = context.get("request")
    if request is None:
        return []
    return [page for page in _top_level_pages(request) if page.specific_class is StandardPage]


# Policy pages the footer links to by slug, in this order. They are looked up among the
# top-level pages already loaded for the menus, so the footer adds no query; a policy
# that does not exist (yet) is simply not linked.
POLICY_PAGE_SLUGS = ("privacy", "editorial-policy")


@register.simple_tag(takes_context=True)
def footer_link_groups(context):
    """The footer's links in two groups: `policies` (the POLICY_PAGE_SLUGS pages that
    exist) and `pages` (the other plain pages: about, contact, …)."""
    request = context.get("request")
    if request is None:
        return {"policies": [], "pages": []}
    pages = footer_pages(context)
    by_slug = {page.slug: page for page in _top_level_pages(request)}
    policies = [by_slug[slug] for slug in POLICY_PAGE_SLUGS if slug in by_slug]
    others = [page for page in pages if page.slug not in POLICY_PAGE_SLUGS]
    return {"policies": policies, "pages": others}
