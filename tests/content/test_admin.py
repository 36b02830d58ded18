"""Editors' side: every page type opens in the editor, previews render unsaved changes,
and the clinician snippet is managed under Snippets."""

import re

import pytest
from wagtail.models import Page, PageViewRestriction
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from content.models import (
    ArticleIndexPage,
    ArticlePage,
    ClinicianIndexPage,
    HomePage,
    RelatedArticle,
    StandardPage,
)
from content.snippets import Clinician
from tests.support.content import ARTICLE_SLUGS, soup


@pytest.mark.parametrize(
    "model", [HomePage, ArticleIndexPage, ArticlePage, StandardPage, ClinicianIndexPage]
)
def test_every_page_type_opens_in_the_editor(admin_client, site_tree, model):
    page = model.objects.first()
    response = admin_client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    assert b"Clinical review" in response.content or model is not ArticlePage


def test_new_article_form_offers_the_governance_fields(admin_client, site_tree):
    index = ArticleIndexPage.objects.get()
    html = admin_client.get(f"/admin/pages/add/content/articlepage/{index.pk}/").content.decode()
    for field in ["reviewed_by", "last_reviewed", "next_review_due", "references", "body"]:
        assert re.search(rf'(name|id)="(id_)?{field}"', html), field
    assert 'name="reading_time"' not in html


def test_clinicians_are_listed_under_snippets(admin_client, site_tree):
    html = admin_client.get("/admin/snippets/content/clinician/").content.decode()
    for clinician in Clinician.objects.all():
        assert clinician.name in html


def test_preview_shows_unsaved_related_articles(site_tree):
    page = ArticlePage.objects.get(slug="faq")
    chosen = ArticlePage.objects.get(slug="history-of-stem-cell-therapy")
    page.related_articles = [RelatedArticle(article=chosen)]
    page.title = "Unsaved title"
    response = page.make_preview_request()
    document = soup(response)
    assert document.find("main").h1.get_text(strip=True) == "Unsaved title"
    related = document.find("section", class_="related")
    assert [a["href"] for a in related.select(".card__title a")] == [chosen.url]


def test_private_pages_stay_out_of_menus_and_listings(client, site_tree):
    about = StandardPage.objects.get(slug="about")
    about.show_in_menus = True
    about.save_revision().publish()
    faq = ArticlePage.objects.get(slug="faq")
    for page in (about, faq):
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    home_html = client.get("/").content.decode()
    nav = soup(client.get("/")).find("nav", attrs={"aria-label": "Main"})
    assert "/about/" not in [a["href"] for a in nav.find_all("a")]
    assert 'href="/about/"' not in home_html
    listed = [a["href"] for a in soup(client.get("/articles/")).select(".card__title a")]
    assert "/articles/faq/" not in listed and len(listed) == len(ARTICLE_SLUGS) - 1
    assert client.get("/articles/faq/").status_code == 302  # to the login page
    assert Page.objects.get(pk=faq.pk).live


def article_form(clinician, **overrides):
    data = {
        "title": "Written in the admin",
        "slug": "written-in-the-admin",
        "summary": "A summary typed by an editor.",
        "body": streamfield(
            [
                ("heading", {"text": "A section", "level": "h2"}),
                ("paragraph", rich_text("<p>" + "word " * 300 + "</p>")),
            ]
        ),
        "references": streamfield(
            [("source", {"title": "A study", "source": "A journal", "year": "2021", "url": ""})]
        ),
        "reviewed_by": str(clinician.pk),
        "last_reviewed": "2026-01-05",
        "next_review_due": "2027-01-05",
        "related_articles": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def create_article(admin_client, data, action="action-publish"):
    index = ArticleIndexPage.objects.get()
    return admin_client.post(
        f"/admin/pages/add/content/articlepage/{index.pk}/", {**data, action: action}
    )


def test_an_editor_can_publish_an_article_and_reading_time_is_worked_out(
    admin_client, site_tree, clinician
):
    response = create_article(admin_client, article_form(clinician))
    assert response.status_code == 302, response.content.decode()[:2000]
    page = ArticlePage.objects.get(slug="written-in-the-admin")
    assert page.live
    assert page.reading_time == 2  # 300 words plus the heading, at 200 a minute
    assert page.reviewed_by == clinician


def test_publishing_refuses_a_next_review_before_the_last(admin_client, site_tree, clinician):
    data = article_form(clinician, next_review_due="2025-12-01")
    response = create_article(admin_client, data)
    assert response.status_code == 200
    assert "The next review must fall after the last review." in response.content.decode()
    assert not ArticlePage.objects.filter(slug="written-in-the-admin").exists()


def test_a_draft_may_wait_for_its_reviewer_but_publishing_may_not(
    admin_client, site_tree, clinician
):
    data = article_form(clinician, reviewed_by="", last_reviewed="", next_review_due="")
    assert create_article(admin_client, data, action="action-publish").status_code == 200
    assert not ArticlePage.objects.filter(slug="written-in-the-admin").exists()
    response = create_article(admin_client, data, action="action-save")
    assert response.status_code == 302
    draft = ArticlePage.objects.get(slug="written-in-the-admin")
    assert not draft.live and draft.reviewed_by is None


def test_a_clinician_with_articles_cannot_be_deleted_from_the_admin(admin_client, site_tree):
    reviewer = ArticlePage.objects.get(slug="faq").reviewed_by
    url = f"/admin/snippets/content/clinician/delete/{reviewer.pk}/"
    page = admin_client.get(url).content.decode()
    # Wagtail sees the PROTECT reference and offers no delete button.
    assert "Yes, delete" not in page
    admin_client.post(url)
    assert Clinician.objects.filter(pk=reviewer.pk).exists()


def test_an_unused_clinician_can_be_deleted_from_the_admin(admin_client, clinician):
    url = f"/admin/snippets/content/clinician/delete/{clinician.pk}/"
    assert "Yes, delete" in admin_client.get(url).content.decode()
    admin_client.post(url)
    assert not Clinician.objects.filter(pk=clinician.pk).exists()
