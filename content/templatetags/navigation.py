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
