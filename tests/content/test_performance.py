"""Query budgets: a warm article request stays within 10 queries, and nothing grows with
the number of menu items, breadcrumbs, related articles or listed articles (no N+1)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from content.models import ArticlePage, RelatedArticle, StandardPage

ARTICLE_BUDGET = 10


def warm_query_count(client, url):
    client.get(url)  # fills Wagtail's site-root-path cache, as any earlier visitor would
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "url", ["/articles/stem-cells-vs-prp/", "/articles/faq/", "/articles/how-the-procedure-works/"]
)
def test_article_page_renders_within_ten_queries(
    client, site_tree, url, django_assert_max_num_queries
):
    client.get(url)
    with django_assert_max_num_queries(ARTICLE_BUDGET):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize(
    ("url", "budget"), [("/", 10), ("/articles/", 10), ("/contact/", 10), ("/search/?q=PRP", 10)]
)
def test_other_pages_stay_within_budget(client, site_tree, url, budget):
    assert warm_query_count(client, url) <= budget


def test_related_articles_cost_the_same_however_many_there_are(client, site_tree):
    page = ArticlePage.objects.get(slug="faq")
    others = list(ArticlePage.objects.exclude(pk=page.pk).order_by("path"))

    def with_related(count):
        page.related_articles = [RelatedArticle(article=article) for article in others[:count]]
        page.save_revision().publish()
        return warm_query_count(client, page.url)

    assert with_related(1) == with_related(4)


def test_menu_and_footer_cost_the_same_however_many_pages_they_list(client, site_tree):
    url = "/articles/faq/"
    before = warm_query_count(client, url)
    home = site_tree.root_page
    for number in range(4):
        page = StandardPage(
            title=f"Extra {number}", slug=f"extra-{number}", summary="s", show_in_menus=True
        )
        home.add_child(instance=page)
    assert warm_query_count(client, url) == before


def test_breadcrumbs_of_a_served_page_need_no_query(rf, site_tree, django_assert_num_queries):
    request = rf.get("/articles/faq/", HTTP_HOST="localhost")
    page = Page.find_for_request(request, "/articles/faq/")
    with django_assert_num_queries(0):
        trail = page.breadcrumb_pages
    assert [crumb.url for crumb in trail] == ["/", "/articles/"]


def test_breadcrumbs_of_a_page_loaded_directly_take_one_query(site_tree, django_assert_num_queries):
    page = ArticlePage.objects.get(slug="faq")
    with django_assert_num_queries(1):
        trail = page.breadcrumb_pages
    assert [crumb.url for crumb in trail] == ["/", "/articles/"]


def test_article_index_costs_the_same_however_many_articles_it_lists(client, article_factory):
    before = warm_query_count(client, "/articles/")
    for number in range(5):
        article_factory(f"extra-article-{number}")
    assert warm_query_count(client, "/articles/") == before


def test_search_results_cost_the_same_however_many_match(client, article_factory):
    article_factory("one-match", summary="Quillwort.")
    one = warm_query_count(client, "/search/?q=quillwort")
    for number in range(6):
        article_factory(f"more-matches-{number}", summary="Quillwort.")
    assert warm_query_count(client, "/search/?q=quillwort") == one
