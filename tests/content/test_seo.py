"""Titles, descriptions, canonical links, Open Graph, sitemap, robots.txt and JSON-LD."""

import re
import xml.etree.ElementTree as ET

import pytest

from content.models import ArticlePage, HomePage, StandardPage
from content.site_settings import ClinicSettings
from tests.support.content import ARTICLE_SLUGS, PAGE_URLS, STANDARD_SLUGS, json_ld, soup

CLINIC = "Northgate Hair Clinic"


def meta(document, **attrs):
    tag = document.find("meta", attrs=attrs)
    return tag["content"] if tag else None


def test_every_page_has_a_unique_title_and_description(client, site_tree):
    titles, descriptions = set(), set()
    for url in PAGE_URLS:
        document = soup(client.get(url))
        title = document.title.get_text()
        assert title.endswith(f" | {CLINIC}"), title
        description = meta(document, name="description")
        assert description, url
        titles.add(title)
        descriptions.add(description)
    assert len(titles) == len(descriptions) == len(PAGE_URLS)


def test_seo_title_and_search_description_win_over_the_defaults(client, site_tree):
    page = ArticlePage.objects.get(slug="faq")
    page.seo_title = "Stem cell hair treatment FAQ"
    page.search_description = "Answers in brief."
    page.save_revision().publish()
    document = soup(client.get(page.url))
    assert document.title.get_text() == f"Stem cell hair treatment FAQ | {CLINIC}"
    assert meta(document, name="description") == "Answers in brief."
    assert meta(document, property="og:description") == "Answers in brief."


def test_summary_is_the_description_when_none_is_set(client, site_tree):
    page = ArticlePage.objects.get(slug="faq")
    page.search_description = ""
    page.save_revision().publish()
    document = soup(client.get(page.url))
    assert meta(document, name="description") == page.summary


@pytest.mark.parametrize(
    ("url", "og_type"),
    [
        ("/", "website"),
        ("/articles/", "website"),
        ("/articles/faq/", "article"),
        ("/about/", "website"),
    ],
)
def test_canonical_link_and_open_graph_tags(client, site_tree, url, og_type):
    document = soup(client.get(url))
    canonical = document.find("link", rel="canonical")["href"]
    assert canonical == f"http://testserver{url}"
    assert meta(document, property="og:url") == canonical
    assert meta(document, property="og:type") == og_type
    assert meta(document, property="og:title") == document.find("main").h1.get_text(strip=True)
    assert meta(document, property="og:description") == meta(document, name="description")


def test_sitemap_lists_every_live_page_and_no_drafts(client, article_factory):
    article_factory("unfinished-draft", publish=False)
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    tree = ET.fromstring(response.content)  # noqa: S314 - our own sitemap, not untrusted input
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = {loc.text for loc in tree.findall("s:url/s:loc", namespace)}
    for slug in ARTICLE_SLUGS:
        assert f"http://testserver/articles/{slug}/" in locations
    for slug in STANDARD_SLUGS:
        assert f"http://testserver/{slug}/" in locations
    assert "http://testserver/" in locations
    assert not any("unfinished-draft" in location for location in locations)


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_private_areas(client, db):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert "Disallow: /admin/" in lines
    assert "Disallow: /screening/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def types_on(client, url):
    return [item["@type"] for item in json_ld(soup(client.get(url)))]


def test_json_ld_types_per_page_type(client, site_tree):
    assert types_on(client, "/") == ["MedicalClinic"]
    assert types_on(client, "/articles/") == ["MedicalClinic", "BreadcrumbList"]
    assert types_on(client, "/about/") == ["MedicalClinic", "BreadcrumbList"]
    assert types_on(client, "/articles/how-the-procedure-works/") == [
        "MedicalClinic",
        "BreadcrumbList",
        "MedicalWebPage",
    ]
    assert types_on(client, "/articles/faq/") == [
        "MedicalClinic",
        "BreadcrumbList",
        "MedicalWebPage",
        "FAQPage",
    ]


def test_medical_web_page_names_its_reviewer_and_review_date(client, site_tree):
    page = ArticlePage.objects.get(slug="stem-cells-vs-prp")
    data = {item["@type"]: item for item in json_ld(soup(client.get(page.url)))}
    web_page = data["MedicalWebPage"]
    assert web_page["url"] == "http://testserver/articles/stem-cells-vs-prp/"
    assert web_page["name"] == page.title
    assert web_page["description"] == page.get_meta_description()
    assert web_page["lastReviewed"] == page.last_reviewed.isoformat()
    assert web_page["reviewedBy"]["@type"] == "Person"
    assert web_page["reviewedBy"]["name"] == page.reviewed_by.name
    assert web_page["reviewedBy"]["jobTitle"] == page.reviewed_by.role
    assert web_page["medicalAudience"]["audienceType"] == "Patient"
    assert web_page["about"]["@type"] == "MedicalCondition"
    assert len(web_page["citation"]) == len(page.references)
    assert web_page["publisher"]["@id"] == data["MedicalClinic"]["@id"]


def test_faq_page_lists_its_questions_with_answers(client, site_tree):
    document = soup(client.get("/articles/faq/"))
    faq = next(item for item in json_ld(document) if item["@type"] == "FAQPage")
    visible = [q.get_text(strip=True) for q in document.select(".faq-item__question")]
    assert [q["name"] for q in faq["mainEntity"]] == visible
    for question in faq["mainEntity"]:
        assert question["@type"] == "Question"
        answer = question["acceptedAnswer"]["text"]
        assert answer and "<" not in answer


def test_breadcrumb_list_matches_the_visible_breadcrumbs(client, site_tree):
    document = soup(client.get("/articles/faq/"))
    trail = next(item for item in json_ld(document) if item["@type"] == "BreadcrumbList")
    nav = document.find("nav", attrs={"aria-label": "Breadcrumb"})
    assert [item["name"] for item in trail["itemListElement"]] == [
        a.get_text(strip=True) for a in nav.find_all("a")
    ]
    assert [item["position"] for item in trail["itemListElement"]] == [1, 2, 3]
    assert trail["itemListElement"][-1]["item"] == "http://testserver/articles/faq/"


def test_medical_clinic_comes_from_the_clinic_details_setting(client, site_tree):
    details = ClinicSettings.objects.get(site=site_tree)
    details.phone = "+44 161 000 0000"
    details.save()
    clinic = json_ld(soup(client.get("/contact/")))[0]
    assert clinic["@type"] == "MedicalClinic"
    assert clinic["name"] == details.clinic_name
    assert clinic["telephone"] == "+44 161 000 0000"
    assert clinic["email"] == details.email
    assert clinic["address"]["@type"] == "PostalAddress"
    assert clinic["address"]["postalCode"] == details.postal_code
    assert clinic["openingHours"] == details.opening_hours
    assert clinic["url"] == "http://testserver/"


def test_json_ld_cannot_be_broken_out_of_by_page_text(client, site_tree):
    page = ArticlePage.objects.get(slug="faq")
    page.title = "Q&A </script><script>alert(1)</script>"
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert "<script>alert(1)" not in html
    web_page = next(
        item for item in json_ld(soup(client.get(page.url))) if item["@type"] == "MedicalWebPage"
    )
    assert web_page["name"] == page.title


@pytest.mark.parametrize("url", ["/", "/articles/faq/", "/contact/", "/search/?q=PRP"])
def test_only_json_ld_data_blocks_and_no_inline_styles(client, site_tree, url):
    response = client.get(url)
    document = soup(response)
    policy = response["Content-Security-Policy"]
    script_src = re.search(r"script-src ([^;]+)", policy).group(1).split()
    assert "'unsafe-inline'" not in script_src
    # Data blocks never run, so they need no nonce; a nonce would stop the page being cached.
    assert not any(source.startswith("'nonce-") for source in script_src)
    scripts = document.find_all("script")
    assert scripts
    for script in scripts:
        assert not script.has_attr("nonce")
        if script.has_attr("src"):
            # Progressive enhancement from our own static files (the feedback form).
            assert script["src"].startswith("/static/") and not script.string
        else:
            assert script["type"] == "application/ld+json"
    assert not document.find_all(style=True)
    assert not document.find_all("style")


def test_home_page_has_no_breadcrumbs(client, site_tree):
    assert soup(client.get("/")).find("nav", attrs={"aria-label": "Breadcrumb"}) is None
    assert HomePage.objects.get().breadcrumb_pages == []


def test_standard_page_title_uses_seo_title_when_set(client, site_tree):
    page = StandardPage.objects.get(slug="privacy")
    page.seo_title = "How we use your data"
    page.save_revision().publish()
    assert soup(client.get("/privacy/")).title.get_text() == f"How we use your data | {CLINIC}"
