import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import mark_safe

from content import page_context
from content import structured_data as schema
from content.site_settings import ClinicSettings

register = template.Library()

# The same escapes as Django's json_script: nothing in the data can close the <script>.
_SCRIPT_SAFE = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.filter
def json_ld(data):
    """Serialise a dict for a <script type="application/ld+json"> element."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":"))
    return mark_safe(text.translate(_SCRIPT_SAFE))  # noqa: S308 - escaped above


@register.simple_tag(takes_context=True)
def canonical_url(context, page):
    return schema.absolute_url(page, context["request"])


@register.simple_tag(takes_context=True)
def structured_data(context):
    """The JSON-LD objects for this response: the clinic on every page, plus whatever the
    current page describes (breadcrumbs, the article, its FAQ)."""
    request = context.get("request")
    if request is None:
        return []
    # for_request() is cached on the request, shared with the header and footer.
    page = context.get("page")
    treatments = (
        page_context.treatments(request) if getattr(page, "shows_treatments", False) else []
    )
    items = [schema.medical_clinic(ClinicSettings.for_request(request), request, treatments)]
    if hasattr(page, "get_structured_data"):
        items.extend(page.get_structured_data(request))
    return items


@register.simple_tag
def source_link(source):
    """Where a reader can follow a source: its link, its DOI or its PubMed entry."""
    return schema.source_link(source)
