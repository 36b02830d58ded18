"""load_initial_data with the writer's real content: complete, idempotent, non-destructive.

These tests check structure and the data contract, never the writer's wording.
"""

import pytest
from wagtail.models import Page, Revision, Site

from content import markdown_content
from content.management.commands.load_initial_data import CONTENT_DIRECTORY
from content.models import (
    ArticleIndexPage,
    ArticlePage,
    ClinicianIndexPage,
    HomePage,
    RelatedArticle,
    StandardPage,
)
from content.site_settings import ClinicSettings
from content.snippets import Clinician, Treatment
from tests.support.content import ARTICLE_SLUGS, STANDARD_SLUGS, counts, run_loader, soup

initial_content = markdown_content.load_directory(CONTENT_DIRECTORY)


def snapshot():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "clinicians": Clinician.objects.count(),
        "treatments": Treatment.objects.count(),
        "related": RelatedArticle.objects.count(),
        "settings": ClinicSettings.objects.count(),
        "sites": Site.objects.count(),
    }


def test_loader_builds_home_index_every_topic_and_the_standard_pages(site_tree):
    home = HomePage.objects.get()
    assert site_tree.root_page_id == home.pk
    index = ArticleIndexPage.objects.child_of(home).get()
    assert index.url == "/articles/"
    articles = ArticlePage.objects.child_of(index).order_by("path")
    assert [a.slug for a in articles] == ARTICLE_SLUGS
    standard = StandardPage.objects.child_of(home)
    assert sorted(p.slug for p in standard) == sorted(STANDARD_SLUGS)
    clinicians_page = ClinicianIndexPage.objects.child_of(home).get()
    assert clinicians_page.url == "/our-clinicians/"
    for page in [home, index, *articles, *standard, clinicians_page]:
        assert page.live and not page.has_unpublished_changes, page.slug
        assert Revision.page_revisions.filter(object_id=str(page.pk)).count() == 1, page.slug
    assert ClinicSettings.objects.get(site=site_tree).phone


def test_every_article_carries_its_review_data_and_sources(site_tree):
    by_slug = {article["slug"]: article for article in initial_content.ARTICLES}
    for page in ArticlePage.objects.select_related("reviewed_by"):
        data = by_slug[page.slug]
        clinician = next(c for c in initial_content.CLINICIANS if c["key"] == data["reviewed_by"])
        assert page.reviewed_by.name == clinician["name"]
        assert page.reviewed_by.slug == data["reviewer"]
        assert page.reviewed_by.registration_number
        assert page.last_reviewed.isoformat() == data["last_reviewed"]
        assert page.next_review_due.isoformat() == data["next_review_due"]
        assert len(page.references) == len(data["references"])
        assert page.reading_time >= 1


def test_related_and_featured_articles_follow_the_data(site_tree):
    for data in initial_content.ARTICLES:
        page = ArticlePage.objects.get(slug=data["slug"])
        assert [link.article.slug for link in page.related_articles.all()] == data["related"]
    home = HomePage.objects.get()
    featured = [link.article.slug for link in home.featured_articles.all()]
    assert featured == initial_content.HOME["featured"]


def test_faq_article_has_the_five_questions_of_the_brief(site_tree):
    faq = ArticlePage.objects.get(slug="faq")
    assert len([block for block in faq.body if block.block_type == "faq"]) == 5


def test_running_the_loader_again_changes_nothing(site_tree):
    before = snapshot()
    output = run_loader()
    assert snapshot() == before
    assert counts(output)[0] == 0


def test_what_the_loader_creates_is_marked_as_demo_data(site_tree):
    assert Clinician.objects.exists() and not Clinician.objects.filter(is_demo=False).exists()
    assert Treatment.objects.exists() and not Treatment.objects.filter(is_demo=False).exists()
    clinic = ClinicSettings.objects.get(site=site_tree)
    assert clinic.notification_email.endswith(".example")


def test_an_edited_clinician_is_left_alone_and_a_deleted_one_not_brought_back(site_tree):
    edited = Clinician.objects.get(slug="helen-marsh")
    edited.name = "Dr Helen Marsh-Jones"
    edited.save()
    unused = Clinician.objects.create(
        name="Spare",
        slug="spare",
        qualifications="MD",
        registration_body="GMC",
        registration_number="1",
        register_url="https://www.gmc-uk.org/",
    )
    nurse = Clinician.objects.get(slug="sarah-lindqvist")
    ArticlePage.objects.filter(reviewed_by=nurse).update(reviewed_by=unused)
    nurse.delete()

    output = run_loader()

    assert Clinician.objects.get(slug="helen-marsh").name == "Dr Helen Marsh-Jones"
    assert not Clinician.objects.filter(slug="sarah-lindqvist").exists()
    assert "skipped: clinician sarah-lindqvist" in output


def test_treatments_are_not_added_to_a_site_that_has_its_own(site_tree):
    Treatment.objects.update(slug="our-real-treatment", is_demo=False)
    output = run_loader()
    assert list(Treatment.objects.values_list("slug", flat=True)) == ["our-real-treatment"]
    assert "skipped: treatment scalp-micrografts" in output


def test_loader_never_overwrites_an_edited_page(site_tree):
    page = ArticlePage.objects.get(slug="what-is-a-stem-cell")
    page.title = "Edited by the clinic"
    page.body = [{"type": "paragraph", "value": "<p>Our editor rewrote this.</p>"}]
    page.save_revision().publish()
    revisions = Revision.objects.count()

    run_loader()

    page.refresh_from_db()
    assert page.title == "Edited by the clinic"
    assert [block.value.source for block in page.body] == ["<p>Our editor rewrote this.</p>"]
    assert Revision.objects.count() == revisions


def test_loader_restores_a_deleted_article_and_leaves_the_rest_alone(site_tree):
    ArticlePage.objects.get(slug="faq").delete()
    before = snapshot()
    output = run_loader()
    assert "created: article faq" in output
    assert ArticlePage.objects.filter(slug="faq", live=True).exists()
    after = snapshot()
    assert after["pages"] == before["pages"] + 1
    assert after["revisions"] == before["revisions"] + 1


def test_internal_links_in_the_loaded_content_lead_somewhere(client, site_tree):
    links = set()
    for page in Page.objects.live().type(HomePage, ArticleIndexPage, ArticlePage, StandardPage):
        main = soup(client.get(page.url)).find("main")
        links |= {a["href"] for a in main.find_all("a") if a["href"].startswith("/")}
    # The questionnaire is another app; its URL is checked by its own tests.
    links.discard("/screening/")
    assert links
    broken = [href for href in sorted(links) if client.get(href).status_code != 200]
    assert not broken


@pytest.mark.parametrize("slug", [*ARTICLE_SLUGS, *STANDARD_SLUGS])
def test_pages_have_their_own_search_description(site_tree, slug):
    page = Page.objects.get(slug=slug).specific
    assert 0 < len(page.search_description) <= 160
