"""The anonymous page cache: what it serves, what it refuses, and that a hit costs no SQL."""

from unittest import mock

import pytest
from django.middleware.csrf import get_token
from wagtail.models import Page

from clinic_site import page_cache
from content.models import HomePage

pytestmark = pytest.mark.django_db


def get_twice(client, url="/", **extra):
    return client.get(url, **extra), client.get(url, **extra)


def test_second_anonymous_request_is_a_hit_with_zero_queries(
    client, site_tree, cache_on, django_assert_num_queries
):
    first = client.get("/")
    assert first.status_code == 200
    assert first["X-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get("/")
    assert second.status_code == 200
    assert second["X-Cache"] == "hit"
    assert second.content == first.content


def test_a_hit_keeps_the_security_headers_and_sets_no_cookie(client, site_tree, cache_on):
    first, second = get_twice(client)
    assert second["X-Cache"] == "hit"
    for header in ("Content-Security-Policy", "Permissions-Policy", "X-Frame-Options"):
        assert second[header] == first[header], header
    assert second["Content-Type"] == first["Content-Type"]
    assert not second.cookies
    assert not second.has_header("Set-Cookie")


@pytest.mark.parametrize("encoding", ["br", "gzip"])
def test_hits_are_sent_compressed_to_clients_that_accept_it(client, site_tree, cache_on, encoding):
    import gzip

    import brotli

    first = client.get("/")
    hit = client.get("/", HTTP_ACCEPT_ENCODING=f"{encoding}, deflate")
    assert hit["X-Cache"] == "hit"
    assert hit["Content-Encoding"] == encoding
    assert "Accept-Encoding" in hit["Vary"]
    decompress = brotli.decompress if encoding == "br" else gzip.decompress
    assert decompress(hit.content) == first.content
    assert int(hit["Content-Length"]) == len(hit.content) < len(first.content)


def test_head_is_answered_from_the_page_stored_by_get(client, site_tree, cache_on):
    client.get("/")
    response = client.head("/")
    assert response.status_code == 200
    assert response["X-Cache"] == "hit"


def test_nothing_is_cached_when_the_setting_is_off(client, site_tree, cache_on, settings):
    settings.PAGE_CACHE_ENABLED = False
    first, second = get_twice(client)
    assert second.status_code == 200
    assert "X-Cache" not in first
    assert "X-Cache" not in second


def test_query_strings_bypass_the_cache(client, site_tree, cache_on):
    first, second = get_twice(client, "/?utm_source=newsletter")
    assert "X-Cache" not in first
    assert "X-Cache" not in second
    # ...and never fill the entry for the plain path.
    assert client.get("/")["X-Cache"] == "miss"


def test_signed_in_staff_never_get_or_populate_a_cached_page(
    client, site_tree, cache_on, django_user_model
):
    client.get("/")
    assert client.get("/")["X-Cache"] == "hit"
    editor = django_user_model.objects.create_superuser("editor", "e@example.com", "x" * 16)
    page_cache._set_new_generation()
    client.force_login(editor)
    first, second = get_twice(client)
    assert "X-Cache" not in first
    assert "X-Cache" not in second
    # The editor's visits stored nothing: an anonymous visitor still misses first.
    anonymous = type(client)()
    assert anonymous.get("/")["X-Cache"] == "miss"


def test_any_session_cookie_bypasses_the_cache(client, site_tree, cache_on, settings):
    client.get("/")
    client.cookies[settings.SESSION_COOKIE_NAME] = "a-patient-mid-questionnaire"
    response = client.get("/")
    assert response.status_code == 200
    assert "X-Cache" not in response


def test_excluded_paths_are_never_looked_up(client, db, cache_on):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert "X-Cache" not in response


def test_not_found_is_not_stored(client, site_tree, cache_on):
    first, second = get_twice(client, "/no-such-page/")
    assert second.status_code == 404
    assert first["X-Cache"] == second["X-Cache"] == "miss"


def test_page_types_that_do_not_opt_in_are_not_stored(client, site_tree, cache_on, monkeypatch):
    monkeypatch.setattr(HomePage, "cache_anonymous", False)
    _, second = get_twice(client)
    assert second["X-Cache"] == "miss"


def _serve_and_then(extra_work):
    original_serve = HomePage.serve

    def serve(self, request, *args, **kwargs):
        response = original_serve(self, request, *args, **kwargs)
        extra_work(request, response)
        return response

    return serve


@pytest.mark.parametrize(
    "extra_work",
    [
        pytest.param(lambda request, response: get_token(request), id="csrf-token"),
        pytest.param(lambda request, response: str(request.csp_nonce), id="csp-nonce"),
        pytest.param(lambda request, response: response.set_cookie("seen", "1"), id="set-cookie"),
        pytest.param(
            lambda request, response: request.session.__setitem__("step", 1), id="session-write"
        ),
        pytest.param(
            lambda request, response: response.__setitem__("Vary", "Accept-Language"),
            id="vary-header",
        ),
        pytest.param(
            lambda request, response: response.__setitem__("Cache-Control", "private"),
            id="cache-control-private",
        ),
    ],
)
def test_personal_or_per_request_responses_are_never_stored(
    client, site_tree, cache_on, monkeypatch, extra_work
):
    monkeypatch.setattr(HomePage, "serve", _serve_and_then(extra_work))
    first = client.get("/")
    assert first.status_code == 200
    # A new visitor with no cookies from the first response is not served that page.
    second = type(client)().get("/")
    assert second.status_code == 200
    assert second["X-Cache"] == "miss"


def test_a_stored_page_never_carries_a_cookie_even_if_the_first_render_set_one():
    """Unit check of the refusal rules on a hand-made response."""
    from django.http import HttpResponse
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    response = page_cache.mark_cacheable(HttpResponse("page"))
    assert page_cache.refusal_reason(request, response) is None
    response.set_cookie("csrftoken", "x")
    assert page_cache.refusal_reason(request, response) == "sets a cookie"


def test_a_preview_is_never_answered_from_the_cache(client, site_tree, cache_on):
    home = HomePage.objects.get()
    client.get("/")
    assert client.get("/")["X-Cache"] == "hit"
    home.title = "A draft title nobody has published"
    home.save_revision()
    client.get("/")
    assert client.get("/")["X-Cache"] == "hit", "the published page is in the cache again"
    # Wagtail renders previews through the middleware with a made-up request for the
    # page's own URL; it must show the draft, not the published page from the cache.
    preview = home.get_latest_revision_as_object().make_preview_request()
    assert b"A draft title nobody has published" in preview.content
    assert "X-Cache" not in preview
    # ...and the draft never reaches the public.
    public = client.get("/")
    assert b"A draft title nobody has published" not in public.content


def test_the_site_still_works_when_the_cache_is_unreachable(client, site_tree, cache_on):
    with mock.patch.object(type(cache_on), "get_many", side_effect=ConnectionError("down")):
        response = client.get("/")
    assert response.status_code == 200


def test_hosts_are_cached_separately(client, site_tree, cache_on, settings):
    settings.ALLOWED_HOSTS = ["testserver", "localhost"]
    client.get("/", HTTP_HOST="testserver")
    assert client.get("/", HTTP_HOST="localhost")["X-Cache"] == "miss"
    assert client.get("/", HTTP_HOST="testserver")["X-Cache"] == "hit"


def test_only_page_types_that_say_so_are_cacheable():
    assert HomePage.cache_anonymous is True
    assert not getattr(Page, "cache_anonymous", False)


def test_the_benchmark_baseline_view_is_not_exposed_outside_the_bench_settings(client, db):
    # clinic_site.settings.bench (make bench only) adds it; every other setting lacks it.
    assert client.get("/bench/baseline", follow=True).status_code == 404
