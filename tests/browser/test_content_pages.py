"""The content pages in a real browser: no CSP violations (JSON-LD needs no nonce)
and no axe-core accessibility violations, on a phone and on a desktop."""

from tests.support.browser import assert_accessible, content_urls, screenshot


def test_content_pages_are_accessible_on_a_phone(phone_page, site_url, subtests):
    # One test (one content load) for all pages; each page still reports on its own.
    urls = content_urls()
    assert {"/", "/articles/", "/articles/faq/", "/privacy/"} <= set(urls)
    for url in urls:
        with subtests.test(url=url):
            response = phone_page.goto(site_url + url)
            assert response.status == 200
            assert phone_page.csp_violations == []
            assert phone_page.locator("h1").count() == 1
            assert_accessible(phone_page, f"{url} (phone)")


def test_article_is_accessible_on_a_desktop(desktop_page, site_url):
    response = desktop_page.goto(site_url + "/articles/stem-cells-vs-prp/")
    assert response.status == 200
    assert desktop_page.csp_violations == []
    assert_accessible(desktop_page, "/articles/stem-cells-vs-prp/ (desktop)")


def test_json_ld_is_allowed_by_the_policy_and_parses(phone_page, site_url):
    phone_page.goto(site_url + "/articles/faq/")
    types = phone_page.evaluate(
        """() => [...document.querySelectorAll('script[type="application/ld+json"]')]
                .map((script) => JSON.parse(script.textContent)['@type'])"""
    )
    assert types == ["MedicalClinic", "BreadcrumbList", "MedicalWebPage", "FAQPage"]
    assert phone_page.csp_violations == []


def test_comparison_table_region_scrolls_by_keyboard_when_it_must(desktop_page, site_url):
    """At 40rem and up the table is a table, in a focusable region that scrolls sideways
    when the table is wider than the column (phones stack the rows instead)."""
    desktop_page.set_viewport_size({"width": 660, "height": 900})
    desktop_page.goto(site_url + "/articles/stem-cells-vs-prp/")
    region = desktop_page.locator(".table-scroll")
    region.evaluate("(el) => { el.style.maxWidth = '20rem'; }")
    region.focus()
    assert desktop_page.evaluate("document.activeElement.classList.contains('table-scroll')")
    before = region.evaluate("(el) => el.scrollLeft")
    desktop_page.keyboard.press("ArrowRight")
    desktop_page.wait_for_function(
        "(before) => document.querySelector('.table-scroll').scrollLeft > before", arg=before
    )
    screenshot(desktop_page, "prp-table-scroll-region")
