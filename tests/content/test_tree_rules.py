"""Editors can only build a sensible tree: Root > Home > (Index > Article | Standard page)."""

import pytest
from wagtail.models import Page

from content.models import ArticleIndexPage, ArticlePage, HomePage, StandardPage

ALLOWED = {
    (HomePage, "root"),
    (ArticleIndexPage, "home"),
    (StandardPage, "home"),
    (ArticlePage, "index"),
}
PAGE_TYPES = [HomePage, ArticleIndexPage, ArticlePage, StandardPage]


@pytest.fixture
def parents(site_tree):
    home = HomePage.objects.get()
    return {
        "root": Page.get_first_root_node(),
        "home": home,
        "index": ArticleIndexPage.objects.get(),
        "article": ArticlePage.objects.get(slug="faq"),
        "standard": StandardPage.objects.get(slug="about"),
    }


@pytest.mark.parametrize("model", PAGE_TYPES)
@pytest.mark.parametrize("parent_name", ["root", "home", "index", "article", "standard"])
def test_each_page_type_can_only_exist_under_its_intended_parent(parents, model, parent_name):
    parent = parents[parent_name]
    assert model.can_exist_under(parent) is ((model, parent_name) in ALLOWED)


def test_wrong_parents_are_refused_for_new_pages(parents):
    assert not ArticlePage.can_create_at(parents["home"])
    assert not ArticlePage.can_create_at(parents["standard"])
    assert not StandardPage.can_create_at(parents["index"])
    assert not ArticleIndexPage.can_create_at(parents["article"])
    assert ArticlePage.can_create_at(parents["index"])
    assert StandardPage.can_create_at(parents["home"])


def test_a_second_home_page_is_refused(parents):
    assert not HomePage.can_create_at(parents["root"])


def test_admin_refuses_to_add_an_article_under_the_home_page(admin_client, parents):
    home = parents["home"]
    response = admin_client.get(f"/admin/pages/add/content/articlepage/{home.pk}/")
    # Wagtail turns the refusal into a redirect to the dashboard with an error message.
    assert response.status_code == 302 and response["Location"] == "/admin/"
    response = admin_client.get(f"/admin/pages/add/content/articlepage/{parents['index'].pk}/")
    assert response.status_code == 200
