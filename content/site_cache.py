"""What changes only when editors publish, kept in the Django cache between requests.

A page the page cache cannot answer (the first request after a publish, a visitor with
a session cookie, the questionnaire, search) would otherwise ask the database the same
questions on every request: which site this host is, its home page, the clinic
details, the clinic's treatments, the top-level pages for the menus, and the view
restrictions. All of that changes only when someone publishes, moves, deletes or edits
it, so it is kept in the cache:

* ``SiteDataMiddleware`` loads one entry per host and primes the request with it (a warm
  worker keeps the entry in memory while the generation is unchanged: one cache round
  trip for the generation, nothing to unpickle), where Wagtail and our own code look
  first: ``request._wagtail_site`` (``Site.find_for_request``), the ClinicSettings'
  request attribute (``ClinicSettings.for_request``), and the menus' and treatments'
  request attributes (content/page_context.py).
* ``view_restrictions(page)`` answers Wagtail's per-request view-restriction check
  (``SitePage.get_view_restrictions``) from one cached list instead of two queries.
* ``fragment_key(...)`` keys rendered fragments of a live page (its StreamField body
  and the rest of its content, its JSON-LD): content/templatetags/content_blocks.py
  ``{% page_fragment %}``.

Invalidation is explicit and global, like the page cache's: every entry carries the
*generation* it was built under, and every signal that retires cached pages
(publish, unpublish, move, delete, any page save, clinic details, clinicians,
treatments, sites, view restrictions, images, documents: ``connect_invalidation_signals``)
sets a new random generation now and again on commit. An entry from an older generation
is never used, so a stale menu cannot be served. An entry is stored under the generation
read *before* the database was, so a publish racing with a rebuild retires it too.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
import threading
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.http.request import split_domain_port
from django.utils import timezone

logger = logging.getLogger(__name__)

GENERATION_KEY = "site-data:generation"
SITE_KEY_PREFIX = "site-data:site:"
RESTRICTIONS_KEY = "site-data:restrictions"
FRAGMENT_KEY_PREFIX = "site-data:fragment:"
ROUTE_KEY_PREFIX = "site-data:route:"
SEARCH_SUGGESTIONS_KEY_PREFIX = "site-data:search-suggestions:"
# Paths that never show a public page: no lookup at all.
SKIPPED_PATH_PREFIXES = ("/admin/", "/static/", "/media/", "/documents/", "/healthz")
TIMEOUT = 24 * 60 * 60


def data_cache():
    return caches[getattr(settings, "SITE_DATA_CACHE_ALIAS", "default")]


def _template_fingerprint() -> str:
    """Changes when the code that renders a fragment does (a deploy): the templates' and
    block definitions' contents, read once per process."""
    base = Path(settings.BASE_DIR)
    digest = hashlib.sha256()
    for path in sorted([*(base / "templates").rglob("*.html"), base / "content" / "blocks.py"]):
        digest.update(str(path.relative_to(base)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


_FINGERPRINT: str | None = None


def template_fingerprint() -> str:
    global _FINGERPRINT
    if settings.DEBUG:
        # `make run`: template edits show on the next request, without a restart.
        return _template_fingerprint()
    if _FINGERPRINT is None:
        _FINGERPRINT = _template_fingerprint()
    return _FINGERPRINT


def invalidate(**_signal_kwargs) -> None:
    """Retire every cached entry, now and again when the current transaction commits
    (a request rebuilding in between would still read the old rows)."""
    _set_new_generation()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(_set_new_generation)


def _set_new_generation() -> None:
    try:
        data_cache().set(GENERATION_KEY, secrets.token_hex(8), timeout=None)
    except Exception:
        logger.exception("Site data cache: could not set a new generation")


def _generation(found: dict) -> str:
    generation = found.get(GENERATION_KEY)
    if generation is None:
        cache = data_cache()
        cache.add(GENERATION_KEY, secrets.token_hex(8), timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


@dataclass
class SiteData:
    generation: str
    site: object
    clinic_settings: object
    top_level_pages: list = field(default_factory=list)
    treatments: list = field(default_factory=list)
    # The home page's children by slug, as their own types with their fields deferred:
    # what routing passes through on the way to an article (HomePage.route).
    children_by_slug: dict = field(default_factory=dict)


def _host_key(request) -> str | None:
    try:
        hostname = split_domain_port(request.get_host())[0]
        port = request.get_port()
    except Exception:
        return None
    return SITE_KEY_PREFIX + hashlib.sha256(f"{hostname}:{port}".encode()).hexdigest()


def _build(request, generation: str) -> SiteData | None:
    from wagtail.models import Site

    from content import page_context
    from content.site_settings import ClinicSettings

    site = Site._find_for_request(request)
    if site is None:
        return None
    # The home page as its own type, so routing starts without a query.
    site.root_page = site.root_page.specific
    request._wagtail_site = site
    clinic_settings = ClinicSettings.for_site(site)
    return SiteData(
        generation=generation,
        site=site,
        clinic_settings=clinic_settings,
        top_level_pages=page_context.load_top_level_pages(site),
        treatments=page_context.load_treatments(),
        children_by_slug={
            child.slug: child for child in site.root_page.get_children().specific(defer=True)
        },
    )


def is_enabled() -> bool:
    return getattr(settings, "SITE_DATA_CACHE_ENABLED", False)


# The site data a worker last used, per host, kept in the process between requests (per
# thread: the objects get request attributes, and a thread serves one request at a time).
# Used only while the shared cache's generation is the one it was built under, so a publish
# anywhere retires it everywhere on the next request; until then a warm worker reads only
# the generation (a few bytes) instead of fetching and unpickling the whole entry.
_local = threading.local()
MEMO_HOSTS = 8


def _memo() -> dict[str, SiteData]:
    memo = getattr(_local, "site_data", None)
    if memo is None:
        memo = _local.site_data = {}
    return memo


def prime(request) -> SiteData | None:
    """Put this host's cached site data where Wagtail and our templates look for it.
    With the cache off, nothing: every lookup then reads the database as Wagtail does."""
    if not is_enabled():
        return None
    key = _host_key(request)
    if key is None:
        return None
    cache = data_cache()
    memo = _memo()
    try:
        generation = _generation({GENERATION_KEY: cache.get(GENERATION_KEY)})
        data = memo.get(key)
        if data is None or data.generation != generation:
            data = cache.get(key)
    except Exception:
        logger.exception("Site data cache: lookup failed, reading the database")
        return None
    if data is None or data.generation != generation:
        data = _build(request, generation)
        if data is None:
            return None
        try:
            cache.set(key, data, timeout=TIMEOUT)
        except Exception:
            logger.exception("Site data cache: could not store the site data")
    if len(memo) >= MEMO_HOSTS and key not in memo:
        memo.clear()
    memo[key] = data
    from content.site_settings import ClinicSettings

    request._wagtail_site = data.site
    data.clinic_settings._request = request
    setattr(request, ClinicSettings.get_cache_attr_name(), data.clinic_settings)
    request._content_top_level_pages = data.top_level_pages
    request._content_treatments = data.treatments
    request._content_children_by_slug = data.children_by_slug
    request._site_data_generation = generation
    return data


def without_site_data(view):
    """Mark a view that shows no page chrome (health check, benchmark baseline): the
    middleware then does not load the site data for it."""
    view.without_site_data = True
    return view


class SiteDataMiddleware:
    """Primes each public request with the cached site data (see the module docstring),
    just before its view runs: redirects and refusals by earlier middleware, and views
    marked ``without_site_data``, do not pay for it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not (
            getattr(view_func, "without_site_data", False)
            or request.path_info.startswith(SKIPPED_PATH_PREFIXES)
        ):
            prime(request)


def view_restrictions(page) -> list | None:
    """The view restrictions that apply to a page (on it or an ancestor), as Wagtail's
    Page.get_view_restrictions() finds them, from one cached list; None when the caller
    must ask Wagtail (a page under an alias takes its source's restrictions, or the
    cache is unreachable or off)."""
    if not is_enabled():
        return None
    cache = data_cache()
    try:
        found = cache.get_many([GENERATION_KEY, RESTRICTIONS_KEY])
        generation = _generation(found)
    except Exception:
        logger.exception("Site data cache: lookup failed, reading the database")
        return None
    entry = found.get(RESTRICTIONS_KEY)
    if entry is None or entry["generation"] != generation:
        from wagtail.models import Page, PageViewRestriction

        restrictions = list(PageViewRestriction.objects.select_related("page"))
        entry = {
            "generation": generation,
            "restrictions": [(r.page.path, r) for r in restrictions],
            "alias_paths": list(Page.objects.exclude(alias_of=None).values_list("path", flat=True)),
        }
        try:
            cache.set(RESTRICTIONS_KEY, entry, timeout=TIMEOUT)
        except Exception:
            logger.exception("Site data cache: could not store the view restrictions")
    if any(page.path.startswith(alias) for alias in entry["alias_paths"]):
        return None
    return [r for path, r in entry["restrictions"] if page.path.startswith(path)]


def routed_child(request, parent, slug: str, load):
    """The child page `slug` of `parent` that routing passes to, from the cache when the
    request was primed (keyed by the generation, so any page save, publish, move or
    delete, or an edit of what pages show, reloads it), else from `load()`."""
    generation = getattr(request, "_site_data_generation", None)
    if generation is None or not is_enabled():
        return load()
    text = f"{generation}:{parent.path}:{slug}"
    key = ROUTE_KEY_PREFIX + hashlib.sha256(text.encode()).hexdigest()
    cache = data_cache()
    try:
        page = cache.get(key)
    except Exception:
        logger.exception("Site data cache: lookup failed, reading the database")
        return load()
    if page is None:
        page = load()
        if page is not None:
            try:
                cache.set(key, page, timeout=TIMEOUT)
            except Exception:
                logger.exception("Site data cache: could not store a routed page")
    return page


def fragment_key(request, page, name: str) -> str | None:
    """The cache key of a rendered fragment of a page served live, or None when it must
    be rendered afresh: a preview (Wagtail serves those without the on_serve_page hook
    that marks a live page), no page, or a request the site data did not prime."""
    generation = getattr(request, "_site_data_generation", None)
    if (
        generation is None
        or page is None
        or getattr(request, "is_preview", False)
        or getattr(page, "_served_live", None) is not request
        or page.live_revision_id is None
    ):
        return None
    try:
        host = request.get_host()
    except Exception:
        return None
    parts = (
        generation,
        template_fingerprint(),
        timezone.localdate().isoformat(),  # "review due in N days" changes daily
        request.scheme,
        host,
        page.pk,
        page.live_revision_id,
        name,
    )
    text = ":".join(str(part) for part in parts)
    return FRAGMENT_KEY_PREFIX + hashlib.sha256(text.encode()).hexdigest()


def connect_invalidation_signals() -> None:
    """Retire the cached site data on every signal that retires cached pages.

    The same senders as the page cache (clinic_site/page_cache.py): Wagtail's publish,
    unpublish and move signals, and saving or deleting any page or any model in
    PAGE_CACHE_INVALIDATED_BY (clinic details among them). Connected per model, never
    for all senders, so bulk deletes elsewhere stay bulk.
    """
    from django.apps import apps
    from django.db.models.signals import post_delete, post_save
    from wagtail.models import get_page_models
    from wagtail.signals import page_published, page_unpublished, post_page_move

    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(invalidate, dispatch_uid=f"site-data-{id(signal)}")
    models = [*get_page_models()]
    models += [apps.get_model(label) for label in settings.PAGE_CACHE_INVALIDATED_BY]
    for model in models:
        for signal in (post_save, post_delete):
            signal.connect(
                invalidate,
                sender=model,
                weak=False,
                dispatch_uid=f"site-data-{signal is post_save}-{model._meta.label}",
            )
