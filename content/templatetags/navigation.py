from django import template
from wagtail.models import Site

register = template.Library()


@register.simple_tag(takes_context=True)
def main_menu_pages(context):
    """Live pages under the site root marked 'show in menus', each flagged when the
    current page is it or sits below it (for aria-current)."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return []
    current = context.get("page")
    current_path = getattr(current, "path", "")
    menu = list(
        site.root_page.get_children()
        .live()
        .public()
        .in_menu()
        .only("id", "title", "url_path", "path", "depth")
    )
    for item in menu:
        item.is_current = bool(current_path) and current_path.startswith(item.path)
    return menu
