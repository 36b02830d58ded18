"""The real content pages in the page cache: every public page type is served from it
with zero SQL queries, and every editorial change shows on the next request."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from content.models import ArticleIndexPage, ArticlePage, StandardPage

pytestmark = pytest.mark.django_db

CACHED_URLS = [
    "/",
    "/articles/",
    "/articles/stem-cells-vs-prp/",
    "/articles/faq/",
    "/contact/",
    "/privacy/",
]
NEVER_CACHED_URLS = ["/search/?q=PRP", "/search/", "/screening/", "/sitemap.xml", "/robots.txt"]


def cached(client, url):
    client.get(url)
    response = client.get(url)
    assert response["X-Cache"] == "hit", f"precondition: {url} is cached"
    return response


@pytest.mark.parametrize("url", CACHED_URLS)
def test_every_public_page_type_is_a_zero_query_hit(
    client, site_tree, cache_on, url, django_assert_num_queries
):
    first = client.get(url)
    assert first.status_code == 200
    assert first["X-Cache"] == "miss"
    with django_assert_num_queries(0):
        hit = client.get(url)
    assert hit["X-Cache"] == "hit"
    assert hit.content == first.content
    assert "nonce-" not in hit["Content-Security-Policy"]


@pytest.mark.parametrize("url", NEVER_CACHED_URLS)
def test_search_questionnaire_and_feeds_are_never_cached(client, site_tree, cache_on, url):
    client.get(url)
    response = client.get(url)
    assert response.status_code == 200
    assert response.get("X-Cache") != "hit"


def test_the_questionnaire_is_never_stored_even_without_the_path_exclusion(
    client, site_tree, cache_on, settings
):
    # Defence in depth: its views are not Wagtail pages that opt in, and its forms use
    # the CSRF token, so the middleware would refuse them on its own.
    settings.PAGE_CACHE_EXCLUDED_PATH_PREFIXES = []
    for _ in range(2):
        response = type(client)().get("/screening/consent/", follow=True)
        assert response.status_code == 200
        assert response.get("X-Cache") != "hit"


def test_publishing_an_article_shows_on_the_article_and_its_index(client, site_tree, cache_on):
    cached(client, "/articles/faq/")
    cached(client, "/articles/")
    article = ArticlePage.objects.get(slug="faq")
    article.title = "Questions patients ask most"
    article.save_revision().publish()
    assert b"Questions patients ask most" in client.get("/articles/faq/").content
    assert b"Questions patients ask most" in client.get("/articles/").content


def test_unpublishing_an_article_removes_it_everywhere(client, site_tree, cache_on):
    cached(client, "/articles/faq/")
    cached(client, "/articles/")
    ArticlePage.objects.get(slug="faq").unpublish()
    assert client.get("/articles/faq/").status_code == 404
    assert b'href="/articles/faq/"' not in client.get("/articles/").content


def test_moving_a_page_serves_it_at_its_new_address_only(client, site_tree, cache_on):
    cached(client, "/contact/")
    contact = StandardPage.objects.get(slug="contact")
    contact.slug = "contact-us"
    contact.save_revision().publish()
    assert client.get("/contact/").status_code in (301, 302, 404)
    assert client.get("/contact-us/").status_code == 200


def test_moving_an_article_under_another_parent(client, site_tree, cache_on):
    cached(client, "/articles/faq/")
    index = ArticleIndexPage.objects.get()
    second_index = index.get_parent().add_child(
        instance=ArticleIndexPage(title="More reading", slug="more", summary="More.")
    )
    ArticlePage.objects.get(slug="faq").move(second_index, pos="last-child")
    response = client.get("/articles/faq/")
    # Wagtail's automatic redirect from the old address, never the cached old page.
    assert response.status_code in (301, 302, 404)
    assert response.get("X-Cache") != "hit"
    assert client.get("/more/faq/").status_code == 200


def test_deleting_an_article_makes_it_gone(client, site_tree, cache_on):
    cached(client, "/articles/faq/")
    ArticlePage.objects.get(slug="faq").delete()
    response = client.get("/articles/faq/")
    assert response.get("X-Cache") != "hit"
    assert response.status_code in (301, 302, 404, 410)


def test_editing_a_clinician_updates_the_articles_they_reviewed(client, site_tree, cache_on):
    article = ArticlePage.objects.select_related("reviewed_by").get(slug="faq")
    clinician = article.reviewed_by
    assert clinician.name.encode() in cached(client, "/articles/faq/").content
    clinician.name = "Dr Renamed Reviewer"
    clinician.save()
    assert b"Dr Renamed Reviewer" in client.get("/articles/faq/").content


def test_an_uncached_article_stays_within_its_query_budget(client, site_tree, cache_on, settings):
    # The content app's budget (tests/content/test_performance.py) holds with the page
    # cache in the stack too: a miss costs no more than a page without it.
    settings.PAGE_CACHE_ENABLED = True
    client.get("/articles/stem-cells-vs-prp/")
    client.get("/articles/faq/")
    from clinic_site import page_cache

    page_cache._set_new_generation()
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/articles/stem-cells-vs-prp/")
    assert response["X-Cache"] == "miss"
    assert len(queries) <= 10, [q["sql"][:80] for q in queries]
