from django import template
from django.templatetags.static import static
from django.utils.safestring import mark_safe

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


class PageFragmentNode(template.Node):
    def __init__(self, name, nodelist):
        self.name = name
        self.nodelist = nodelist

    def render(self, context):
        from content import site_cache

        key = site_cache.fragment_key(context.get("request"), context.get("page"), self.name)
        if key is None:
            return self.nodelist.render(context)
        cache = site_cache.data_cache()
        html = cache.get(key)
        if html is None:
            html = self.nodelist.render(context)
            cache.set(key, str(html), timeout=site_cache.TIMEOUT)
        return mark_safe(html)  # noqa: S308 - rendered by our own templates just now


@register.tag
def page_fragment(parser, token):
    """``{% page_fragment "name" %}…{% endpage_fragment %}``: what is inside, rendered once
    and kept in the cache, for a page served live (never a preview), keyed by the page,
    its live revision, the site data generation (any publish, page save or edit of what
    pages show retires it), the host, today's date and the templates' fingerprint
    (content/site_cache.py ``fragment_key``). Only for what depends on nothing else: no
    CSRF token, no CSP nonce, no session, no user."""
    bits = token.split_contents()
    if len(bits) != 2 or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError(f"{bits[0]} takes one quoted fragment name")
    nodelist = parser.parse(("endpage_fragment",))
    parser.delete_first_token()
    return PageFragmentNode(bits[1][1:-1], nodelist)
