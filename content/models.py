"""Page types of the educational site, and the clinical-governance data they carry.

The tree editors can build: Root → HomePage → (ArticleIndexPage → ArticlePage) | StandardPage.
"""

import datetime
import math
from functools import cached_property

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from clinic_site import illustrations
from content import page_context, site_cache, structured_data
from content.blocks import (
    RICH_TEXT_FEATURES,
    ContentBodyBlock,
    SourceBlock,
    StandardPageBodyBlock,
    section_anchors,
)
from content.feedback import PageFeedback  # noqa: F401  (registers the model)
from content.queries import public
from content.site_settings import ClinicSettings  # noqa: F401  (registers the setting model)
from content.snippets import Clinician, Treatment  # noqa: F401  (Treatment: registers it)

WORDS_PER_MINUTE = 200
# The review report and the page warn this many days before a review falls due.
REVIEW_WARNING_DAYS = 30
META_DESCRIPTION_LENGTH = 160
# A page with at least this many sections gets an "On this page" list of them.
CONTENTS_MIN_SECTIONS = 3


def first_drawing_key(body) -> str:
    """The registry key of the first of our drawings in a body, or ""."""
    for child in body:
        if child.block_type == "illustration":
            drawing = illustrations.by_path(child.value["path"])
            if drawing is not None:
                return drawing.key
    return ""


class CardIllustrationSelect(forms.Select):
    """The registered drawings as choices, read when the form is built (not frozen into a
    migration)."""

    def __init__(self, attrs=None, choices=()):
        super().__init__(attrs, choices)
        self.choices = [("", "The first drawing in the article")] + [
            (key, key.replace("-", " ").capitalize()) for key in sorted(illustrations.ILLUSTRATIONS)
        ]


def reading_minutes(word_count: int) -> int:
    """Minutes an average adult needs to read `word_count` words; never less than one."""
    return max(1, math.ceil(word_count / WORDS_PER_MINUTE))


def describe_review_due(due: datetime.date | None, today: datetime.date) -> str:
    if due is None:
        return "No review date set"
    days = (due - today).days
    if days < 0:
        return f"Overdue by {-days} day{'s' if days != -1 else ''}"
    if days == 0:
        return "Due today"
    return f"Due in {days} day{'s' if days != 1 else ''}"


class SitePage(Page):
    """What every public page shares: <title> and description fallbacks, the Open Graph
    type, breadcrumbs and structured data."""

    og_type = "website"

    class Meta:
        abstract = True

    def get_canonical_url(self, request):
        return structured_data.absolute_url(self, request)

    def get_view_restrictions(self):
        # While this page is served, the restrictions come from the site data cache
        # (content/site_cache.py, set by the on_serve_page hook): no query. Everywhere
        # else (the admin's privacy views) Wagtail's queryset, as usual.
        served = getattr(self, "_served_view_restrictions", None)
        if served is not None:
            return served
        return super().get_view_restrictions()

    @cached_property
    def page_contents(self):
        """(anchor, title) of each section of a long page's body, for "On this page";
        empty for a short page or one without a body."""
        body = getattr(self, "body", None)
        if body is None:
            return []
        sections = [(anchor, text) for _index, anchor, text in section_anchors(body)]
        return sections if len(sections) >= CONTENTS_MIN_SECTIONS else []

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        if request is not None:
            for url in urls:
                url["location"] = self.get_canonical_url(request)
        return urls

    def get_meta_title(self):
        return self.seo_title or self.title

    def get_meta_description(self):
        return self.search_description or self.get_description_fallback()

    def get_description_fallback(self):
        return getattr(self, "summary", "")

    @cached_property
    def breadcrumb_pages(self):
        """The site's pages from its home page (depth 2) down to this page's parent.

        Cached on the instance: the breadcrumb trail and its structured data share it.
        Wagtail's routing leaves each parent on its child (the `_cached_parent_obj` that
        treebeard's get_parent() reads), so a served page usually needs no query here.
        """
        trail = []
        page = self
        while page.depth > 2:
            parent = getattr(page, "_cached_parent_obj", None)
            if parent is None:
                ancestors = Page.objects.ancestor_of(self).filter(depth__gte=2)
                return list(ancestors.order_by("depth"))
            trail.append(parent)
            page = parent
        return trail[::-1]

    def get_structured_data(self, request):
        return [structured_data.breadcrumb_list([*self.breadcrumb_pages, self], request)]


class ClinicalReviewMixin(models.Model):
    """Who signed off the clinical content and when it must be looked at again.

    Nullable in the database so an editor can save an unfinished draft, but required
    (blank=False) before a page can be published.
    """

    # PROTECT: a published article must always name the clinician who signed it off.
    # Deleting that clinician is refused until their articles are re-reviewed by
    # someone else; SET_NULL would leave live pages claiming a review nobody owns.
    reviewed_by = models.ForeignKey(
        Clinician,
        null=True,
        blank=False,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The clinician who checked this page is accurate.",
    )
    last_reviewed = models.DateField(null=True, blank=False)
    next_review_due = models.DateField(
        null=True, blank=False, help_text="Usually one year after the last review."
    )

    review_panels = [
        MultiFieldPanel(
            [
                FieldPanel("reviewed_by"),
                FieldPanel("last_reviewed"),
                FieldPanel("next_review_due"),
            ],
            heading="Clinical review",
        )
    ]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        errors = {}
        if self.last_reviewed and self.last_reviewed > timezone.localdate():
            errors["last_reviewed"] = "The last review cannot be in the future."
        if (
            self.last_reviewed
            and self.next_review_due
            and self.next_review_due <= self.last_reviewed
        ):
            errors["next_review_due"] = "The next review must fall after the last review."
        if errors:
            raise ValidationError(errors)

    @property
    def review_status(self):
        return describe_review_due(self.next_review_due, timezone.localdate())

    @property
    def review_is_due_soon(self):
        """True when the next review is overdue or falls within the warning period."""
        if self.next_review_due is None:
            return True
        warning_date = timezone.localdate() + datetime.timedelta(days=REVIEW_WARNING_DAYS)
        return self.next_review_due <= warning_date


class HomePage(SitePage):
    """The site root: what the clinic offers, how strong the evidence is, where to start."""

    intro = RichTextField(
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text="What the clinic offers, in two or three plain sentences.",
    )
    evidence_summary = models.CharField(
        max_length=250,
        blank=True,
        help_text="One honest sentence on how strong the evidence is. Shown prominently.",
    )
    cta_title = models.CharField("call to action title", max_length=120, blank=True)
    cta_text = models.TextField("call to action text", max_length=400, blank=True)

    # The clinic's treatments and their regulatory status are shown (and described in
    # the structured data) on the home page and on every article.
    shows_treatments = True
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "content.ArticleIndexPage",
        "content.StandardPage",
        "content.ClinicianIndexPage",
    ]
    template = "content/home_page.html"
    # The same for every anonymous visitor: served from the page cache
    # (clinic_site/page_cache.py) until anything shown on it changes.
    cache_anonymous = True

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("evidence_summary"),
        InlinePanel(
            "featured_articles",
            label="Featured article",
            heading="Featured articles",
            max_num=6,
            help_text="Shown as cards. With none chosen, the first three articles are shown.",
        ),
        MultiFieldPanel(
            [FieldPanel("cta_title"), FieldPanel("cta_text")],
            heading="Call to action (links to the pre-screening questionnaire)",
        ),
    ]

    search_fields = [*Page.search_fields, index.SearchField("intro")]

    def get_description_fallback(self):
        text = self.evidence_summary or strip_tags(self.intro)
        return Truncator(" ".join(text.split())).chars(META_DESCRIPTION_LENGTH)

    @cached_property
    def breadcrumb_pages(self):
        return []

    def get_structured_data(self, request):
        return []

    def route(self, request, path_components):
        # A page this request only passes through (e.g. the articles index on the way to
        # an article) is loaded as its specific type with its own fields deferred: one
        # query instead of two. The page actually served is loaded in full as usual.
        # The site data cache (content/site_cache.py) usually has it: no query at all.
        if len(path_components) > 1:
            child = getattr(request, "_content_children_by_slug", {}).get(path_components[0])
            if child is None or child.path[: len(self.path)] != self.path:
                child = (
                    self.get_children().filter(slug=path_components[0]).specific(defer=True).first()
                )
            if child is None:
                raise Http404
            child._cached_parent_obj = self
            return child.route(request, path_components[1:])
        return super().route(request, path_components)

    def get_article_index(self):
        return public(ArticleIndexPage.objects.child_of(self).live()).order_by("path").first()

    def get_featured_articles(self):
        links = self.featured_articles.select_related("article").defer(
            "article__body", "article__references"
        )
        articles = [link.article for link in links if link.article.live]
        if articles:
            return articles
        articles = ArticlePage.objects.descendant_of(self).live().defer_streamfields()
        return list(public(articles).order_by("path")[:3])


class HomeFeaturedArticle(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_articles")
    article = models.ForeignKey("content.ArticlePage", on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("article")]


class ArticleIndexPage(SitePage):
    """Lists the articles below it, in the order editors arrange them in the tree."""

    summary = models.CharField(
        max_length=250, help_text="One or two plain sentences; used as the meta description."
    )
    intro = RichTextField(features=RICH_TEXT_FEATURES, blank=True)

    parent_page_types = ["content.HomePage"]
    subpage_types = ["content.ArticlePage"]
    template = "content/article_index_page.html"
    cache_anonymous = True

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("intro")]

    def get_articles(self):
        return (
            public(ArticlePage.objects.child_of(self).live()).defer_streamfields().order_by("path")
        )

    def route(self, request, path_components):
        # One query for the article and its reviewer, instead of Wagtail's generic
        # child lookup followed by a second query for the specific page.
        # The article comes from the site data cache (content/site_cache.py) when an
        # earlier request loaded it under the current generation.
        if path_components:
            slug = path_components[0]
            article = site_cache.routed_child(
                request,
                self,
                slug,
                lambda: (
                    ArticlePage.objects.child_of(self)
                    .select_related("reviewed_by")
                    .filter(slug=slug)
                    .first()
                ),
            )
            if article is not None:
                article._cached_parent_obj = self
                return article.route(request, path_components[1:])
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["articles"] = self.get_articles()
        return context


class ArticlePage(ClinicalReviewMixin, SitePage):  # noqa: DJ008 (Page.__str__ is the title)
    """One patient-information article, signed off by a clinician, with its sources.

    Every article shows the clinic's treatments and their regulatory status (from the
    Treatment snippets), the reviewer's registration and a link to their profile, the
    editorial policy, and the “Was this page helpful?” form.
    """

    accepts_feedback = True
    shows_treatments = True

    summary = models.CharField(
        max_length=250,
        help_text="Plain text, up to 250 characters: shown under the title, on cards, "
        "and as the meta description unless one is set under Promote.",
    )
    body = StreamField(ContentBodyBlock())
    references = StreamField(
        [("source", SourceBlock())],
        min_num=1,
        help_text="The evidence this article relies on, listed under “Sources”.",
    )
    card_illustration = models.CharField(
        "card drawing",
        max_length=80,
        blank=True,
        help_text="One of our drawings, shown on this article's card in lists. Leave empty "
        "to use the first drawing in the article.",
    )
    reading_time = models.PositiveSmallIntegerField(
        "reading time (minutes)",
        default=1,
        editable=False,
        help_text="Worked out from the body when the page is saved.",
    )

    og_type = "article"
    parent_page_types = ["content.ArticleIndexPage"]
    subpage_types = []
    template = "content/article_page.html"
    cache_anonymous = True

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("card_illustration", widget=CardIllustrationSelect),
        FieldPanel("references"),
        *ClinicalReviewMixin.review_panels,
        InlinePanel(
            "related_articles",
            label="Related article",
            heading="Related articles",
            max_num=4,
            help_text="With none chosen, other articles from the same section are shown.",
        ),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = "article"

    def save(self, *args, **kwargs):
        self.reading_time = reading_minutes(len(self.body.stream_block.words(self.body)))
        if not self.card_illustration:
            self.card_illustration = first_drawing_key(self.body)
        return super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.card_illustration and self.card_illustration not in illustrations.ILLUSTRATIONS:
            raise ValidationError({"card_illustration": "Choose one of the listed drawings."})

    @property
    def card_drawing(self):
        """The registered drawing for this article's card, or None."""
        return illustrations.ILLUSTRATIONS.get(self.card_illustration)

    def get_related_articles(self):
        links = self.related_articles.select_related("article").defer(
            "article__body", "article__references"
        )
        articles = [link.article for link in links if link.article.live]
        if articles:
            return articles
        siblings = ArticlePage.objects.sibling_of(self, inclusive=False).live()
        return list(public(siblings).defer_streamfields().order_by("path")[:3])

    @cached_property
    def faq_items(self):
        return [block.value for block in self.body if block.block_type == "faq"]

    def get_structured_data(self, request):
        reviewer_url = page_context.clinician_profile_url(self.reviewed_by, request, absolute=True)
        data = [
            *super().get_structured_data(request),
            structured_data.medical_web_page(self, request, reviewer_url),
        ]
        if self.faq_items:
            data.append(structured_data.faq_page(self, self.faq_items, request))
        return data


class RelatedArticle(Orderable):
    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="related_articles")
    article = models.ForeignKey(ArticlePage, on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("article")]

    def clean(self):
        super().clean()
        if self.article_id and self.article_id == self.page_id:
            raise ValidationError({"article": "An article cannot be related to itself."})


class StandardPage(SitePage):
    """Privacy notice, about the clinic, contact, editorial policy: plain pages under the
    home page."""

    accepts_feedback = True

    summary = models.CharField(
        max_length=250, help_text="One or two plain sentences; used as the meta description."
    )
    body = StreamField(StandardPageBodyBlock())

    parent_page_types = ["content.HomePage"]
    subpage_types = []
    template = "content/standard_page.html"
    cache_anonymous = True

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("body")]


class ClinicianIndexPage(SitePage):
    """“Our clinicians”: everyone in the Clinician snippets, with their registration.

    Each person has an anchor (``#clinician-<slug>``) that articles link to from their
    “Reviewed by” line and that the articles' structured data uses as the reviewer's @id.
    """

    summary = models.CharField(
        max_length=250, help_text="One or two plain sentences; used as the meta description."
    )
    intro = RichTextField(features=RICH_TEXT_FEATURES, blank=True)

    max_count = 1
    parent_page_types = ["content.HomePage"]
    subpage_types = []
    template = "content/clinician_index_page.html"
    cache_anonymous = True

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("intro")]

    class Meta:
        verbose_name = "clinicians page"

    def get_clinicians(self):
        return Clinician.objects.select_related("photo").order_by("name")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["clinicians"] = self.get_clinicians()
        return context

    def get_structured_data(self, request):
        url = self.get_canonical_url(request)
        people = [
            {
                "@context": structured_data.SCHEMA_CONTEXT,
                **structured_data.person(clinician, f"{url}#{clinician.anchor}"),
            }
            for clinician in self.get_clinicians()
        ]
        return [*super().get_structured_data(request), *people]
