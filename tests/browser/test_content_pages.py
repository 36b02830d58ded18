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


def test_wide_comparison_table_scrolls_by_keyboard_on_a_phone(phone_page, site_url):
    phone_page.goto(site_url + "/articles/stem-cells-vs-prp/")
    region = phone_page.locator(".table-scroll")
    region.focus()
    assert phone_page.evaluate("document.activeElement.classList.contains('table-scroll')")
    before = region.evaluate("(el) => el.scrollLeft")
    phone_page.keyboard.press("ArrowRight")
    phone_page.wait_for_function(
        "(before) => document.querySelector('.table-scroll').scrollLeft > before", arg=before
    )
    screenshot(phone_page, "prp-table-phone")
