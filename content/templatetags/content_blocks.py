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


@register.simple_tag(takes_context=True)
def body_fragment(context, page):
    """The page's rendered StreamField body, as ``{% include_block page.body %}`` renders
    it, kept in the cache keyed by the page, its live revision and the site data
    generation (content/site_cache.py): the next publish of anything, or a deploy that
    changes a template, renders it afresh. Previews always render afresh."""
    from django.utils.safestring import mark_safe

    from content import site_cache

    def render():
        return page.body.render_as_block(context=context.flatten())

    key = site_cache.fragment_key(context.get("request"), "body", page.pk, page.live_revision_id)
    if key is None or page.live_revision_id is None:
        return render()
    cache = site_cache.data_cache()
    html = cache.get(key)
    if html is None:
        html = render()
        cache.set(key, str(html), timeout=site_cache.TIMEOUT)
    return mark_safe(html)  # noqa: S308 - rendered by our own block templates above
