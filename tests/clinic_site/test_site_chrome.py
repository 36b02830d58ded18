"""The shell every public page shares: logo and header (full and reduced), footer with
the clinic's details and policy links, favicons and the web app manifest."""

import json

import pytest
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.test import Client, RequestFactory
from wagtail.models import Page

from content.site_settings import ClinicSettings
from tests.support.content import soup


@pytest.fixture
def client():
    return Client()


def test_header_shows_the_logo_beside_the_clinic_name(client, site_tree):
    page = soup(client.get("/"))
    brand = page.select_one(".site-header .site-brand")
    assert brand["href"] == "/"
    assert brand.get_text(strip=True) == "Northgate Hair Clinic"
    mark = brand.find("img")
    # The name is the link's text; the mark beside it says nothing more.
    assert mark["alt"] == ""
    assert (mark["width"], mark["height"]) == ("40", "40")
    assert finders.find("img/logo/northgate-mark.svg")
    assert page.select_one(".site-header nav[aria-label=Main]")


def test_the_header_follows_the_clinic_name_in_settings(client, site_tree):
    settings_row = ClinicSettings.for_site(site_tree)
    settings_row.clinic_name = "Northgate Hair Clinic Leeds"
    settings_row.save()
    page = soup(client.get("/about/"))
    assert page.select_one(".site-header .site-brand").get_text(strip=True).endswith("Leeds")


def render_base(site_tree, **context):
    request = RequestFactory().get("/screening/")
    request.site = site_tree
    return render_to_string("base.html", context, request=request)


def test_reduced_header_has_the_logo_and_a_way_out_but_no_menu(site_tree):
    from bs4 import BeautifulSoup

    full = BeautifulSoup(render_base(site_tree), "html.parser")
    reduced = BeautifulSoup(
        render_base(
            site_tree, reduced_header=True, exit_url="/screening/leave/", exit_label="Stop"
        ),
        "html.parser",
    )
    assert full.select_one(".site-header nav") is not None
    header = reduced.select_one("header.site-header--reduced")
    assert header is not None
    assert header.select_one("nav") is None
    assert header.select_one(".site-brand")["href"] == "/"
    exit_link = header.select_one(".site-header__exit")
    assert (exit_link["href"], exit_link.get_text(strip=True)) == ("/screening/leave/", "Stop")
    # The footer (address, privacy notice) stays on every page.
    assert reduced.select_one("footer.site-footer") is not None


def test_reduced_header_way_out_defaults_to_the_home_page(site_tree):
    from bs4 import BeautifulSoup

    html = BeautifulSoup(render_base(site_tree, reduced_header=True), "html.parser")
    assert html.select_one(".site-header__exit")["href"] == "/"


def test_footer_shows_the_clinic_details_from_settings(client, site_tree):
    clinic = ClinicSettings.for_site(site_tree)
    footer = soup(client.get("/")).select_one("footer.site-footer")
    text = footer.get_text(" ", strip=True)
    for value in (clinic.street_address, clinic.locality, clinic.postal_code, clinic.phone):
        assert value and value in text
    assert footer.select_one(f'a[href="mailto:{clinic.email}"]')
    assert footer.select_one(".site-brand")


def footer_links(client, url="/"):
    footer = soup(client.get(url)).select_one("footer.site-footer")
    policies = footer.select_one(".site-footer__policies")
    return footer, [(a.get_text(strip=True), a["href"]) for a in policies.select("a")]


def test_footer_links_the_privacy_notice_by_page_lookup(client, site_tree):
    _footer, policies = footer_links(client)
    privacy = Page.objects.get(slug="privacy")
    assert policies[0] == (privacy.title, privacy.url)


def test_footer_links_the_editorial_policy_only_while_it_is_published(client, site_tree):
    policy = Page.objects.get(slug="editorial-policy")
    footer, policies = footer_links(client, "/articles/")
    assert [href for _title, href in policies] == ["/privacy/", "/editorial-policy/"]
    # Listed once: under policies, not again with the other pages.
    assert len(footer.select('a[href="/editorial-policy/"]')) == 1
    policy.unpublish()
    _footer, policies = footer_links(client, "/articles/")
    assert [href for _title, href in policies] == ["/privacy/"]


def test_a_renamed_privacy_page_is_still_found(client, site_tree):
    privacy = Page.objects.get(slug="privacy").specific
    privacy.title = "Your data and privacy"
    privacy.save_revision().publish()
    _footer, policies = footer_links(client)
    assert policies[0] == ("Your data and privacy", "/privacy/")


def test_footer_policy_links_cost_no_extra_query(client, site_tree):
    """The policy pages come from the top-level pages the menus load anyway."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get("/about/")
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/about/").status_code == 200
    slug_lookups = [q["sql"] for q in captured.captured_queries if "privacy" in q["sql"]]
    assert slug_lookups == []


def test_pages_link_the_favicons_and_the_manifest(client, site_tree):
    head = soup(client.get("/")).head
    icons = {link["href"] for link in head.select("link[rel=icon]")}
    assert "/favicon.ico" in icons
    assert any(href.endswith(".svg") for href in icons)
    assert head.select_one("link[rel=apple-touch-icon]")
    assert head.select_one("link[rel=manifest]")["href"] == "/manifest.webmanifest"


def test_the_manifest_names_the_clinic_and_lists_icons_that_exist(client, site_tree):
    response = client.get("/manifest.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    assert "max-age" in response["Cache-Control"]
    manifest = json.loads(response.content)
    assert manifest["name"] == "Northgate Hair Clinic"
    assert manifest["start_url"] == "/"
    sizes = {icon["sizes"] for icon in manifest["icons"]}
    assert {"192x192", "512x512"} <= sizes
    assert any(icon["purpose"] == "maskable" for icon in manifest["icons"])
    for icon in manifest["icons"]:
        path = icon["src"].removeprefix("/static/")
        assert finders.find(path), icon["src"]


def test_the_manifest_refuses_a_post(client, site_tree):
    assert client.post("/manifest.webmanifest").status_code == 405


@pytest.mark.parametrize(
    ("path", "size"),
    [
        ("img/icons/icon-32.png", (32, 32)),
        ("img/icons/apple-touch-icon.png", (180, 180)),
        ("img/icons/icon-192.png", (192, 192)),
        ("img/icons/icon-512.png", (512, 512)),
        ("img/icons/icon-maskable-512.png", (512, 512)),
    ],
)
def test_png_icons_have_their_stated_size(path, size):
    from PIL import Image

    with Image.open(finders.find(path)) as image:
        assert image.format == "PNG"
        assert image.size == size


def test_favicon_ico_holds_small_sizes_and_the_root_has_a_touch_icon(client, db):
    from pathlib import Path

    from django.conf import settings
    from PIL import Image

    with Image.open(Path(settings.WHITENOISE_ROOT) / "favicon.ico") as ico:
        assert {(16, 16), (32, 32)} <= set(ico.ico.sizes())
    response = client.get("/apple-touch-icon.png")
    assert response.status_code == 200
    assert b"".join(response.streaming_content)[:8] == b"\x89PNG\r\n\x1a\n"
