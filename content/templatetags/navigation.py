from django import template

from content import page_context
from content.page_context import top_level_pages as _top_level_pages

register = template.Library()


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
    contact, editorial policy, our clinicians), whether or not editors put them in the
    main menu."""
    from content.models import ClinicianIndexPage, StandardPage

    request = context.get("request")
    if request is None:
        return []
    return [
        page
        for page in _top_level_pages(request)
        if page.specific_class in (StandardPage, ClinicianIndexPage)
    ]


@register.simple_tag(takes_context=True)
def editorial_policy_page(context):
    request = context.get("request")
    return page_context.editorial_policy_page(request) if request else None


@register.simple_tag(takes_context=True)
def clinician_profile_url(context, clinician):
    request = context.get("request")
    return page_context.clinician_profile_url(clinician, request) if request else ""


@register.simple_tag(takes_context=True)
def clinic_treatments(context):
    return page_context.treatments(context.get("request"))


# Policy pages the footer links to by slug, in this order. They are looked up among the
# top-level pages already loaded for the menus, so the footer adds no query; a policy
# that does not exist (yet) is simply not linked.
POLICY_PAGE_SLUGS = ("privacy", page_context.EDITORIAL_POLICY_SLUG)


@register.simple_tag(takes_context=True)
def footer_link_groups(context):
    """The footer's links in two groups: `policies` (the POLICY_PAGE_SLUGS pages that
    exist) and `pages` (the other plain pages: about, contact, clinicians, …)."""
    request = context.get("request")
    if request is None:
        return {"policies": [], "pages": []}
    pages = footer_pages(context)
    by_slug = {page.slug: page for page in _top_level_pages(request)}
    policies = [by_slug[slug] for slug in POLICY_PAGE_SLUGS if slug in by_slug]
    others = [page for page in pages if page.slug not in POLICY_PAGE_SLUGS]
    return {"policies": policies, "pages": others}
