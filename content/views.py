"""Public views that are not Wagtail pages: site search, robots.txt and page feedback."""

import logging
import re
import unicodedata
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST, require_safe
from wagtail.models import Page, Site

from clinic_site import ratelimit
from content import services, site_cache
from content.feedback import FeedbackForm
from content.models import ArticleIndexPage, ArticlePage
from content.queries import public

logger = logging.getLogger(__name__)

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


def cached_search_suggestions(request, site):
    """search_suggestions(), kept in the site data cache under the generation this
    request was primed with (content/site_cache.py), so a publish retires them: two
    queries fewer for every search that finds nothing. Without the site data cache
    (off, or a request it did not prime), read every time."""
    generation = getattr(request, "_site_data_generation", None)
    if generation is None or site is None:
        return search_suggestions(site)
    key = f"{site_cache.SEARCH_SUGGESTIONS_KEY_PREFIX}{generation}:{site.pk}"
    cache = site_cache.data_cache()
    try:
        suggestions = cache.get(key)
    except Exception:
        logger.exception("Site data cache: lookup failed, reading the database")
        return search_suggestions(site)
    if suggestions is None:
        suggestions = search_suggestions(site)
        try:
            cache.set(key, suggestions, timeout=site_cache.TIMEOUT)
        except Exception:
            logger.exception("Site data cache: could not store the search suggestions")
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
            "suggestions": cached_search_suggestions(request, site) if found_nothing else [],
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
        "Disallow: /feedback/",
        f"Sitemap: {sitemap_url}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


FEEDBACK_THANKS = "Thank you. Your answer helps us improve this page."


def feedback_rate() -> ratelimit.Rate:
    return ratelimit.parse_rate(
        getattr(settings, "PAGE_FEEDBACK_RATE", "20/hour"), "PAGE_FEEDBACK_RATE"
    )


def _feedback_page(request, page_id):
    """The live, public page of this site that takes feedback, or 404."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    pages = Page.objects.live().descendant_of(site.root_page, inclusive=True).filter(pk=page_id)
    page = public(pages).specific().first()
    if page is None or not getattr(page, "accepts_feedback", False):
        raise Http404
    return page


def is_same_origin(request) -> bool:
    """True when the browser says the form was sent from one of this site's own pages.

    The feedback form lives in pages served from the shared page cache, so it cannot
    carry a per-visitor CSRF token. Browsers send Origin (or at least Referer) with a
    form POST and Sec-Fetch-Site where they support it; a request from another site, or
    one that hides where it came from, is refused.
    """
    fetch_site = request.META.get("HTTP_SEC_FETCH_SITE")
    if fetch_site and fetch_site not in ("same-origin", "none"):
        return False
    origin = request.META.get("HTTP_ORIGIN")
    if not origin or origin == "null":
        referer = urlsplit(request.META.get("HTTP_REFERER", ""))
        if not referer.scheme or not referer.netloc:
            return False
        origin = f"{referer.scheme}://{referer.netloc}"
    own = f"{request.scheme}://{request.get_host()}"
    return origin == own or origin in getattr(settings, "CSRF_TRUSTED_ORIGINS", [])


def _wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _feedback_problem(request, page, status, message, retry_after=None):
    if _wants_json(request):
        response = JsonResponse({"message": message}, status=status)
    else:
        response = render(
            request,
            "content/feedback_problem.html",
            {"feedback_page": page, "message": message},
            status=status,
        )
    if retry_after:
        response["Retry-After"] = str(retry_after)
    return response


# No CSRF token (the form is in a cached page): is_same_origin() and the rate limit guard
# it instead. Nothing it stores is personal, and it changes nothing else.
@csrf_exempt
@require_POST
def page_feedback(request, page_id):
    page = _feedback_page(request, page_id)
    if not is_same_origin(request):
        return _feedback_problem(
            request, page, 403, "We could not accept this answer: it did not come from our site."
        )
    try:
        rate = feedback_rate()
    except ImproperlyConfigured:
        rate = ratelimit.Rate(20, 3600)
    verdict = ratelimit.hit(request, "page-feedback", rate)
    if not verdict.allowed:
        return _feedback_problem(
            request,
            page,
            429,
            "We have had a lot of answers from your connection. Please try again later.",
            retry_after=verdict.retry_after,
        )
    form = FeedbackForm(request.POST)
    if not form.is_valid():
        message = " ".join(error for errors in form.errors.values() for error in errors)
        return _feedback_problem(request, page, 400, message)
    services.record_feedback(page, **form.cleaned_data)
    if _wants_json(request):
        return JsonResponse({"message": FEEDBACK_THANKS})
    return redirect("page_feedback_thanks", page_id=page.pk)


@require_safe
def page_feedback_thanks(request, page_id):
    page = _feedback_page(request, page_id)
    return render(
        request, "content/feedback_thanks.html", {"feedback_page": page, "message": FEEDBACK_THANKS}
    )
