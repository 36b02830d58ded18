from django import template
from django.templatetags.static import static

from content.blocks import static_file_exists

register = template.Library()


@register.simple_tag
def static_if_present(path):
    """The URL of a static file, or "" when it does not exist (the manifest storage
    would raise an error and take the whole page down with it)."""
    if not static_file_exists(path):
        return ""
    try:
        return static(path)
    except ValueError:
        return ""


@register.simple_tag
def registered_drawing(path):
    """Our registered drawing at this static path (for its width and height), or None."""
    from clinic_site import illustrations

    return illustrations.by_path(path)
