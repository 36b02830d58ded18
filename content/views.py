"""Public views that are not Wagtail pages: site search and robots.txt."""

import re
import unicodedata
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe
from wagtail.models import Page, Site

from content.models import ArticleIndexPage, ArticlePage
from content.queries import public

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10


def clean_query(raw: str) -> str:
    """The search terms as typed, minus anything a search backend should never see:
    control characters (PostgreSQL rejects NUL outright), runs of whitespace, and
    anything past MAX_QUERY_LENGTH characters."""
    printable = "".join(
        char if unicodedata.category(char)[0] != "C" else " "
        for char in raw[: MAX_QUERY_LENGTH * 2]
    )
    return " ".join(printable.split())[:MAX_QUERY_LENGTH].strip()


def search_terms(query: str) -> str:
    """The words of a query, without punctuation a full-text backend could read as syntax.

    Wagtail's SQLite backend puts each term in double quotes without escaping them, so an
    unbalanced quote is an SQL error (wagtail/wagtail#13227). Words are all we need.
    """
    return " ".join(re.sub(r"[^\w\s'’-]", " ", query).split())


def search_suggestions(site):
    """Where to go when a search finds nothing: the article list and the FAQ."""
    if site is None:
        return []
    indexes = ArticleIndexPage.objects.descendant_of(site.root_page).live()
    faqs = ArticlePage.objects.descendant_of(site.root_page).live().filter(slug="faq")
    suggestions = list(public(indexes).order_by("path")[:1])
    suggestions += list(public(faqs).defer_streamfields()[:1])
    return suggestions


@require_safe
def search(request):
    query = clean_query(request.GET.get("q", ""))
    site = Site.find_for_request(request)
    results_page = None
    terms = search_terms(query)
    if terms and site is not None:
        # Wagtail's own public() here: search backends only understand plain lookups.
        pages = (
            Page.objects.live()
            .public()
            .descendant_of(site.root_page, inclusive=True)
            .defer_streamfields()
            .specific()
        )
        paginator = Paginator(pages.search(terms), RESULTS_PER_PAGE)
        results_page = paginator.get_page(request.GET.get("page"))

    found_nothing = results_page is None or not results_page.object_list
    return render(
        request,
        "content/search.html",
        {
            "query": query,
            "results_page": results_page,
            "pagination_query": urlencode({"q": query}) + "&",
            "suggestions": search_suggestions(site) if found_nothing else [],
        },
    )


@require_safe
def robots_txt(request):
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        # The questionnaire's start page may be found; its steps and results may not.
        "Allow: /screening/$",
        "Disallow: /screening/",
        "Disallow: /search/",
        f"Sitemap: {sitemap_url}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
