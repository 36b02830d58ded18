"""The content pages in a real browser: no CSP violations (JSON-LD needs no nonce)
and no axe-core accessibility violations, on a phone and on a desktop."""

from tests.support.browser import (
    assert_accessible,
    assert_accessible_without_javascript,
    content_urls,
    screenshot,
)


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


def test_page_feedback_with_javascript_thanks_in_place(desktop_page, site_url):
    from content.feedback import PageFeedback

    desktop_page.goto(site_url + "/articles/treatments-with-stronger-evidence/")
    desktop_page.get_by_label("What was missing or unclear? (optional)").fill("More on laser.")
    feedback = desktop_page.get_by_role("group", name="Was this page helpful?")
    feedback.get_by_role("button", name="No", exact=True).click()
    message = desktop_page.locator("[data-page-feedback-message]")
    message.wait_for(state="visible")
    assert "Thank you" in message.inner_text()
    assert desktop_page.url.endswith("/articles/treatments-with-stronger-evidence/")
    assert desktop_page.locator("form[data-page-feedback]").is_hidden()
    assert desktop_page.csp_violations == []
    assert_accessible(desktop_page, "feedback sent (desktop)")
    feedback = PageFeedback.objects.get()
    assert (feedback.helpful, feedback.comment) == (False, "More on laser.")


def test_page_feedback_without_javascript_goes_to_a_thank_you_page(browser, site_url):
    from content.feedback import PageFeedback

    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    page = context.new_page()
    try:
        page.goto(site_url + "/editorial-policy/")
        feedback = page.get_by_role("group", name="Was this page helpful?")
        feedback.get_by_role("button", name="Yes", exact=True).click()
        page.wait_for_url("**/thanks/")
        assert page.locator("h1").inner_text() == "Thank you for your feedback"
        screenshot(page, "feedback-thanks-no-js")
        thanks_url = page.url
    finally:
        context.close()
    assert_accessible_without_javascript(
        browser,
        thanks_url,
        "feedback thank-you page (no JavaScript)",
        {"width": 360, "height": 740},
    )
    assert PageFeedback.objects.get().helpful is True
