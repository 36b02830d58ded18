"""Query helpers shared by page listings, navigation and search."""

from django.db.models import Exists, F, OuterRef
from django.db.models.functions import Length, Substr
from wagtail.models import PageViewRestriction


def public(pages):
    """Only pages outside private sections, as Wagtail's PageQuerySet.public() does.

    Wagtail's version first loads every view restriction in a query of its own; this one
    asks the same question inside the listing's own query: a page is private when a
    restricted page's tree path is a prefix of its path (the page itself or an ancestor).
    """
    restricted_ancestor = PageViewRestriction.objects.annotate(
        restricted_path_length=Length("page__path")
    ).filter(page__path=Substr(OuterRef("path"), 1, F("restricted_path_length")))
    return pages.exclude(Exists(restricted_ancestor))
