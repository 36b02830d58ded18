from tests.support.browser import assert_accessible, screenshot


def test_home_page_renders_under_the_real_csp_and_is_accessible(phone_page, site_url):
    response = phone_page.goto(site_url + "/")
    assert response.status == 200
    assert "default-src 'self'" in response.headers["content-security-policy"]
    screenshot(phone_page, "home-phone")
    assert phone_page.locator("h1").count() == 1
    assert phone_page.csp_violations == []
    assert_accessible(phone_page, "home (phone)")


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(phone_page, site_url):
    phone_page.goto(site_url + "/")
    phone_page.keyboard.press("Tab")
    focused = phone_page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to main content"
    phone_page.keyboard.press("Enter")
    assert phone_page.evaluate("document.activeElement.id") == "main-content"


def test_404_page_is_accessible(phone_page, site_url):
    response = phone_page.goto(site_url + "/no-such-page/")
    assert response.status == 404
    assert_accessible(phone_page, "404 (phone)")
