"""The loaded articles keep the editorial rules: plain language, honest numbers, the
clinic's treatment status, regulation named where it is explained, complete sources,
and a footer that says who checked the page and how we work."""

import re

import pytest

from content.models import ArticlePage
from content.snippets import Treatment
from tests.support import readability
from tests.support.content import ARTICLE_SLUGS, soup, words

REGULATION_ARTICLES = ["safety-and-questions-to-ask", "faq", "regenerative-approaches-for-hair"]
REGULATION_TERMS = [
    "MHRA",
    "FDA",
    "Human Tissue Authority",
    "advanced therapy medicinal product",
]
STRONGER_EVIDENCE_URL = "/articles/treatments-with-stronger-evidence/"


def body_markup(page):
    return str(page.body.render_as_block())


def main_text(client, slug):
    return words(soup(client.get(f"/articles/{slug}/")).find("main").get_text(" "))


@pytest.mark.parametrize("slug", ARTICLE_SLUGS)
def test_article_body_is_plain_language(site_tree, slug):
    markup = body_markup(ArticlePage.objects.get(slug=slug))
    assert readability.flesch(markup) >= readability.MIN_FLESCH
    assert readability.long_sentences(markup) == []


def test_the_readability_measure_can_fail():
    hard = (
        "<p>Notwithstanding considerable methodological heterogeneity, contemporaneous "
        "investigations consistently demonstrate statistically significant improvements "
        "in terminal follicular density following autologous adipose-derived "
        "regenerative cellular administration in androgenetic alopecia populations.</p>"
    )
    assert readability.flesch(hard) < readability.MIN_FLESCH
    long = "<p>" + " ".join(["word"] * 26) + ". Short one.</p>"
    assert [readability.word_count(s) for s in readability.long_sentences(long)] == [26]


@pytest.mark.parametrize("slug", ARTICLE_SLUGS)
def test_no_article_gives_a_percentage_or_unsourced_shedding_claim(client, site_tree, slug):
    text = main_text(client, slug)
    assert "%" not in text and "per cent" not in text.lower()
    assert "less shedding" not in text.lower()


def test_every_mention_of_the_style_trial_keeps_to_its_real_finding(client, site_tree):
    mentioned = 0
    for slug in ARTICLE_SLUGS:
        text = main_text(client, slug)
        if "STYLE" not in text:
            continue
        mentioned += 1
        assert "24 weeks" in text, slug
    assert mentioned >= 2
    text = main_text(client, "regenerative-approaches-for-hair")
    assert "low dose" in text and "Norwood III" in text


@pytest.mark.parametrize("slug", REGULATION_ARTICLES)
def test_regulation_is_explained_with_uk_eu_and_us_regulators(client, site_tree, slug):
    document = soup(client.get(f"/articles/{slug}/"))
    body = words(document.find(class_="article__body").get_text(" "))
    for term in REGULATION_TERMS:
        assert term in body, (slug, term)
    assert "EMA" in body or "European Medicines Agency" in body


@pytest.mark.parametrize("slug", ARTICLE_SLUGS)
def test_every_article_names_the_clinics_treatment_status(client, site_tree, slug):
    treatment = Treatment.objects.get()
    box = soup(client.get(f"/articles/{slug}/")).find("section", class_="treatment-status")
    text = words(box.get_text(" "))
    assert treatment.name in text
    assert treatment.get_classification_display() in text
    assert words(treatment.what_this_is_not) in text
    for registration in treatment.registration_list:
        assert registration["number"] in text
    assert "Demo example" in text  # the loaded treatment is demo data, and says so


def test_the_treatment_status_is_on_the_home_page_in_full(client, site_tree):
    treatment = Treatment.objects.get()
    box = soup(client.get("/")).find(id=treatment.anchor)
    text = words(box.get_text(" "))
    assert treatment.price_range in text and words(treatment.device_or_process) in text


def test_a_real_treatment_loses_the_demo_label(client, site_tree):
    Treatment.objects.update(is_demo=False)
    box = soup(client.get("/articles/faq/")).find("section", class_="treatment-status")
    assert "Demo example" not in box.get_text()


@pytest.mark.parametrize(
    "slug", ["who-may-be-a-candidate", "stem-cells-vs-prp", "benefits-limits-and-expectations"]
)
def test_candidacy_prp_and_expectations_link_to_the_stronger_evidence(client, site_tree, slug):
    body = soup(client.get(f"/articles/{slug}/")).find(class_="article__body")
    assert body.find("a", href=STRONGER_EVIDENCE_URL) is not None


def test_stronger_evidence_article_covers_the_licensed_treatments_and_warnings(client, site_tree):
    text = main_text(client, "treatments-with-stronger-evidence")
    for term in ["Minoxidil", "Finasteride", "Dutasteride", "off-label", "transplant", "GP"]:
        assert term in text, term
    assert "MHRA" in text and "2024" in text
    assert "European Medicines Agency" in text and "2025" in text


@pytest.mark.parametrize("slug", ARTICLE_SLUGS)
def test_every_article_footer_links_the_policy_and_the_reviewers_profile(client, site_tree, slug):
    page = ArticlePage.objects.select_related("reviewed_by").get(slug=slug)
    footer = soup(client.get(page.url)).find("footer", class_="article-footer")
    assert footer.find("a", href="/editorial-policy/") is not None
    profile = footer.find("a", href=f"/our-clinicians/#{page.reviewed_by.anchor}")
    assert profile is not None and profile.get_text(strip=True) == page.reviewed_by.name
    assert page.reviewed_by.registration_number in footer.get_text()
    register = footer.find("a", href=page.reviewed_by.register_url)
    assert register is not None


def test_each_reviewers_profile_exists_with_registration(client, site_tree):
    document = soup(client.get("/our-clinicians/"))
    for page in ArticlePage.objects.select_related("reviewed_by"):
        clinician = page.reviewed_by
        profile = document.find(id=clinician.anchor)
        assert profile is not None, clinician.slug
        text = words(profile.get_text(" "))
        assert clinician.name in text and clinician.registration_number in text
        assert profile.find("a", href=clinician.register_url) is not None


@pytest.mark.parametrize("slug", ARTICLE_SLUGS)
def test_journal_sources_are_complete_citations(site_tree, slug):
    for block in ArticlePage.objects.get(slug=slug).references:
        source = block.value
        assert source["title"] and source["source"] and source["year"]
        if source["authors"]:  # a paper: volume and pages as well
            assert source["volume"] and source["pages"], source["title"]
        if source["doi"]:
            assert re.match(r"^10\.\d{4,9}/\S+$", source["doi"])
