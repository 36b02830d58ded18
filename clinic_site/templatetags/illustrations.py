"""Template tags for our own drawings (the registry is clinic_site/illustrations.py).

{% load illustrations %}
{% figure "hair-growth-cycle" %}                    a <figure> with the caption
{% figure "results-over-time" caption="…" %}        the same, with a caption for its context
{% figure "procedure-step-1-assessment" loading="eager" %}   above the fold: no lazy loading
{% illustration "hair-pattern-norwood_3" decorative=True %}  the bare <img>, alt=""
"""

from django import template
from django.templatetags.static import static

from clinic_site import illustrations

register = template.Library()

LOADING = {"lazy", "eager"}


def _loading(value):
    if value not in LOADING:
        raise template.TemplateSyntaxError(
            f"loading must be one of {sorted(LOADING)}, not {value!r}"
        )
    return value


@register.inclusion_tag("components/figure.html")
def figure(key, caption=None, loading="lazy", css_class=""):
    drawing = illustrations.get(key)
    return {
        "illustration": drawing,
        "src": static(drawing.path),
        "caption": caption or drawing.caption,
        "loading": _loading(loading),
        "css_class": css_class,
    }


@register.inclusion_tag("components/illustration.html")
def illustration(key, decorative=False, loading="lazy", css_class=""):
    """The <img> alone. `decorative=True` when text beside it already says what it shows
    (a questionnaire option's label), so a screen reader does not hear it twice."""
    drawing = illustrations.get(key)
    return {
        "illustration": drawing,
        "src": static(drawing.path),
        "alt": "" if decorative else drawing.alt,
        "loading": _loading(loading),
        "css_class": css_class,
    }
