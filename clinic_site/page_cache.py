"""A whole-page cache for anonymous visitors of the public Wagtail pages.

How it fits together:

* Page types opt in with ``cache_anonymous = True``. The ``on_serve_page`` hook in
  ``clinic_site/wagtail_hooks.py`` marks the response of such a page as storable
  (``mark_cacheable``); nothing else is ever stored. Previews are served by the admin
  (``Page.serve_preview``), never through that hook, so they are never stored.
* ``PageCacheMiddleware`` sits right after WhiteNoise, before the session and
  authentication middleware. A hit is answered from the cache alone: no session, no
  user, no database (zero SQL queries). A miss renders as usual and stores the
  response only if it is safe to share (``refusal_reason`` says why not otherwise).
* Invalidation is global: every stored page carries the *generation* it was rendered
  under; publishing, unpublishing, moving or deleting a page, or editing anything that
  appears on every page (clinic details, clinicians, sites, view restrictions, images,
  documents) sets a new random generation, so the next request renders afresh. The
  site has a few dozen pages; re-rendering them all is cheaper than tracking which
  page shows what.
* Pages are stored compressed (Brotli and gzip, once per generation): hits send a
  fraction of the bytes and nothing compresses them again per request.

The generation is a random token rather than a counter: if the cache ever evicted a
counter it would restart at 1 and bring back pages stored under the old 1. A token
that went missing is replaced by a new one, which never matched any stored page.
"""

from __future__ import annotations

import gzip
import hashlib
import logging
import secrets
import time

import brotli
from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import DisallowedHost
from django.db import transaction
from django.http import HttpResponse
from django.http.request import split_domain_port
from django.utils.cache import cc_delim_re, patch_vary_headers

logger = logging.getLogger(__name__)

GENERATION_KEY = "page-cache:generation"
ENTRY_KEY_PREFIX = "page-cache:page:"
CACHEABLE_ATTRIBUTE = "_page_cache_allowed"
# Headers that describe one exchange, not the page: never stored or replayed.
UNSTORED_HEADERS = {"set-cookie", "x-cache", "age", "date", "content-length"}
# Cache-Control directives with which a view says "do not share this".
PRIVATE_DIRECTIVES = {"private", "no-store", "no-cache"}


def accepted_encodings(header: str) -> set[str]:
    """The codings an Accept-Encoding header accepts: "gzip;q=0" refuses gzip (RFC 9110)."""
    accepted, refused, wildcard = set(), set(), False
    for part in header.split(","):
        name, _, params = part.strip().partition(";")
        name = name.strip().lower()
        if not name:
            continue
        quality = 1.0
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if name == "*":
            wildcard = quality > 0
        elif quality > 0:
            accepted.add(name)
        else:
            refused.add(name)
    if wildcard:
        accepted |= {"br", "gzip"} - refused
    return accepted


def is_enabled() -> bool:
    return getattr(settings, "PAGE_CACHE_ENABLED", False)


def page_cache():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


def mark_cacheable(response: HttpResponse) -> HttpResponse:
    """Let the middleware store this response (it still checks it is safe to share)."""
    setattr(response, CACHEABLE_ATTRIBUTE, True)
    return response


def invalidate_all(**_signal_kwargs) -> None:
    """Retire every stored page, now and again when the current transaction commits.

    The second bump closes a race: a request that renders between this call and the
    commit still sees the old rows, and would store them under the new generation.
    """
    _set_new_generation()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(_set_new_generation)


def _set_new_generation() -> None:
    try:
        page_cache().set(GENERATION_KEY, secrets.token_hex(8), timeout=None)
    except Exception:
        # A cache we cannot reach serves nothing either; the pages expire on their own.
        logger.exception("Page cache: could not set a new generation")


def current_generation(cache) -> str:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, secrets.token_hex(8), timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


def entry_key(request) -> str | None:
    """The cache key for a request that may be answered from the cache, else None."""
    if not is_enabled() or request.method not in ("GET", "HEAD"):
        return None
    if getattr(request, "is_dummy", False):
        # Wagtail's previews and moderation views render a page through the middleware
        # with a made-up request for the page's public URL: always render, never store.
        return None
    if request.META.get("QUERY_STRING"):
        # Anything after "?" may change the page (or be used to flood the cache).
        return None
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "HTTP_AUTHORIZATION" in request.META:
        # Signed-in staff, a patient mid-questionnaire, a page password: always fresh.
        return None
    path = request.path
    if path.startswith(tuple(settings.PAGE_CACHE_EXCLUDED_PATH_PREFIXES)):
        return None
    try:
        host = request.get_host()
    except DisallowedHost:
        return None
    # The site's host name only (ALLOWED_HOSTS vetted it), lower-cased and without the
    # port: "clinic.example:443", "Clinic.example" and "clinic.example" are one page.
    domain, _ = split_domain_port(host)
    address = f"{request.scheme}://{domain.lower().rstrip('.')}{path}"
    return ENTRY_KEY_PREFIX + hashlib.sha256(address.encode()).hexdigest()


def refusal_reason(request, response) -> str | None:
    """Why this response must not be shared with other visitors, or None if it may be."""
    if not getattr(response, CACHEABLE_ATTRIBUTE, False):
        return "not a page type that opts in"
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return "not a complete 200 response to GET"
    if response.has_header("Content-Encoding"):
        return "already compressed"
    if response.cookies or response.has_header("Set-Cookie"):
        return "sets a cookie"
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return "uses the CSRF token"
    if getattr(request, "_csp_nonce", None):
        return "uses a CSP nonce"
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return "rendered for a signed-in user"
    session = getattr(request, "session", None)
    if session is not None and (session.modified or not session.is_empty()):
        return "uses the session"
    cache_control = {
        directive.split("=")[0].strip().lower()
        for directive in cc_delim_re.split(response.get("Cache-Control", ""))
    }
    if cache_control & PRIVATE_DIRECTIVES:
        return "Cache-Control forbids sharing"
    varies = {header.strip().lower() for header in cc_delim_re.split(response.get("Vary", ""))}
    # "Vary: Cookie" is added whenever the (empty) session was read, e.g. by the
    # Wagtail user bar asking whether this anonymous visitor is an editor. With no
    # session cookie, no CSRF token and an empty session, the page is the same for
    # every cookie-less visitor, which is all we serve it to. Any other Vary is refused.
    if varies - {"", "cookie"}:
        return "varies on request headers"
    return None


class PageCacheMiddleware:
    """Serves stored pages to anonymous visitors and stores the pages that opt in."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = entry_key(request)
        if key is None:
            return self.get_response(request)
        cache = page_cache()
        try:
            found = cache.get_many([GENERATION_KEY, key])
            generation = found.get(GENERATION_KEY) or current_generation(cache)
        except Exception:
            logger.exception("Page cache: lookup failed, serving uncached")
            return self.get_response(request)
        entry = found.get(key)
        if entry is not None and entry["generation"] == generation:
            return self.replay(entry, request.META.get("HTTP_ACCEPT_ENCODING", ""))

        response = self.get_response(request)
        reason = refusal_reason(request, response)
        if reason is None:
            self.store(cache, key, generation, response)
        response["X-Cache"] = "miss"
        return response

    def replay(self, entry, accept_encoding: str) -> HttpResponse:
        # Pages are stored compressed, once per generation, so hits send fewer bytes
        # and the proxy need not compress them again. Cached pages hold no secrets
        # and no request input (no query strings), so compression leaks nothing (BREACH).
        accepted = accepted_encodings(accept_encoding)
        if "br" in accepted:
            encoding, content = "br", entry["br"]
        elif "gzip" in accepted:
            encoding, content = "gzip", entry["gzip"]
        else:
            encoding, content = None, gzip.decompress(entry["gzip"])
        response = HttpResponse(content, status=entry["status"])
        for header, value in entry["headers"]:
            response[header] = value
        if encoding:
            response["Content-Encoding"] = encoding
        response["Content-Length"] = str(len(content))
        patch_vary_headers(response, ["Accept-Encoding"])
        response["X-Cache"] = "hit"
        response["Age"] = str(max(0, int(time.time() - entry["stored_at"])))
        return response

    def store(self, cache, key, generation, response) -> None:
        entry = {
            "generation": generation,
            "status": response.status_code,
            "gzip": gzip.compress(response.content, compresslevel=9),
            "br": brotli.compress(response.content, quality=11),
            "headers": [
                (header, value)
                for header, value in response.items()
                if header.lower() not in UNSTORED_HEADERS
            ],
            "stored_at": time.time(),
        }
        try:
            cache.set(key, entry, timeout=settings.PAGE_CACHE_SECONDS)
        except Exception:
            logger.exception("Page cache: could not store a page")


def connect_invalidation_signals() -> None:
    """Retire every stored page whenever something a page shows may have changed.

    Called from ClinicSiteConfig.ready(). Receivers are connected per model, never for
    all senders: a delete receiver for every model would stop Django from bulk-deleting
    rows (e.g. purging screening submissions) without loading each one.
    """
    from django.apps import apps
    from django.db.models.signals import post_delete, post_save
    from wagtail.models import get_page_models
    from wagtail.signals import page_published, page_unpublished, post_page_move

    # The publishing workflow, as Wagtail announces it.
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(invalidate_all, dispatch_uid=f"page-cache-{id(signal)}")
    # Any saved or deleted page (drafts too: cheap, and it also covers pages added in
    # code with add_child, which sends no publish signal), and the models shown on
    # pages beside them.
    models = [*get_page_models()]
    models += [apps.get_model(label) for label in settings.PAGE_CACHE_INVALIDATED_BY]
    for model in models:
        for signal in (post_save, post_delete):
            signal.connect(
                invalidate_all,
                sender=model,
                weak=False,
                dispatch_uid=f"page-cache-{signal is post_save}-{model._meta.label}",
            )
