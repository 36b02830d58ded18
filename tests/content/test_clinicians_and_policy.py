"""The new pages in the sitemap, search and navigation, and the structured data that
names the reviewer and the clinic's treatment."""

import xml.etree.ElementTree as ET

from content.models import ArticlePage
from content.snippets import Treatment
from tests.support.content import json_ld, soup

NEW_URLS = [
    "/articles/treatments-with-stronger-evidence/",
    "/editorial-policy/",
    "/our-clinicians/",
]


def test_new_pages_are_in_the_sitemap(client, site_tree):
    tree = ET.fromstring(client.get("/sitemap.xml").content)  # noqa: S314 - our own sitemap
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = {loc.text for loc in tree.findall("s:url/s:loc", namespace)}
    for url in NEW_URLS:
        assert f"http://testserver{url}" in locations


def test_new_pages_are_found_by_search(client, site_tree):
    for query, url in [
        ("finasteride", "/articles/treatments-with-stronger-evidence/"),
        ("advertising policy", "/editorial-policy/"),
        ("clinicians registration", "/our-clinicians/"),
    ]:
        links = [
            a["href"]
            for a in soup(client.get("/search/", {"q": query})).select(".search-results__title a")
        ]
        assert url in links, query


def test_new_pages_are_in_the_navigation(client, site_tree):
    document = soup(client.get("/"))
    footer = document.find("footer", class_="site-footer")
    assert footer.find("a", href="/editorial-policy/") is not None
    assert footer.find("a", href="/our-clinicians/") is not None
    articles = [a["href"] for a in soup(client.get("/articles/")).select(".card__title a")]
    assert "/articles/treatments-with-stronger-evidence/" in articles


def test_article_json_ld_points_reviewed_by_at_the_clinicians_profile(client, site_tree):
    page = ArticlePage.objects.select_related("reviewed_by").get(slug="faq")
    data = {item["@type"]: item for item in json_ld(soup(client.get(page.url)))}
    reviewer = data["MedicalWebPage"]["reviewedBy"]
    profile = f"http://testserver/our-clinicians/#{page.reviewed_by.anchor}"
    assert reviewer["@type"] == "Person"
    assert reviewer["@id"] == reviewer["url"] == profile
    assert reviewer["hasCredential"]["name"] == page.reviewed_by.registration
    people = [
        item for item in json_ld(soup(client.get("/our-clinicians/"))) if item["@type"] == "Person"
    ]
    assert profile in [person["@id"] for person in people]


def test_clinic_json_ld_describes_the_treatment_and_its_legal_status(client, site_tree):
    treatment = Treatment.objects.get()
    for url in ["/", "/articles/faq/"]:
        clinic = json_ld(soup(client.get(url)))[0]
        service = clinic["availableService"][0]
        assert service["@type"] == "MedicalProcedure"
        assert service["name"] == treatment.name
        assert treatment.get_classification_display() in service["legalStatus"]
        assert "not an authorised medicine" in service["legalStatus"]
        assert "status" not in service  # not offered within a trial
    assert "availableService" not in json_ld(soup(client.get("/contact/")))[0]


def test_a_trial_treatment_says_so_in_its_status(client, site_tree):
    Treatment.objects.update(
        classification="trial", offered_within_trial=True, trial_registration="ISRCTN00000000"
    )
    service = json_ld(soup(client.get("/")))[0]["availableService"][0]
    assert service["status"] == "https://schema.org/Recruiting"
    assert service["study"]["identifier"] == "ISRCTN00000000"
    assert "ISRCTN00000000" in service["legalStatus"]


def test_article_citations_carry_authors_and_identifiers(client, site_tree):
    page = ArticlePage.objects.get(slug="regenerative-approaches-for-hair")
    web_page = next(
        item for item in json_ld(soup(client.get(page.url))) if item["@type"] == "MedicalWebPage"
    )
    gentile = next(c for c in web_page["citation"] if c.get("author") == "Gentile P")
    assert gentile["@type"] == "ScholarlyArticle"
    assert {"@type": "PropertyValue", "propertyID": "DOI", "value": "10.3390/ijms20143446"} in (
        gentile["identifier"]
    )
    assert gentile["url"] == "https://doi.org/10.3390/ijms20143446"
    sources = soup(client.get(page.url)).find("section", class_="sources").get_text(" ")
    assert "Gentile P." in sources and "DOI: 10.3390/ijms20143446" in sources
    assert "PubMed ID: 31337037" in sources
