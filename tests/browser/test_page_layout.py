"""Layout in a real browser: the home page's first screen, and "On this page" beside the
text on a wide screen (sticky) and as a list above it on a phone, working without any
JavaScript of ours."""

import pytest

from tests.support.browser import assert_accessible

ARTICLE = "/articles/regenerative-approaches-for-hair/"


@pytest.fixture
def small_phone(browser):
    context = browser.new_context(viewport={"width": 360, "height": 800}, is_mobile=True)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def wide_screen(browser):
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def box(page, selector):
    return page.locator(selector).first.bounding_box()


def test_home_says_the_offer_the_evidence_and_both_next_steps_in_one_phone_screen(
    small_phone, site_url
):
    small_phone.goto(site_url + "/")
    for selector in [
        ".home-hero h1",
        ".home-hero__intro",
        ".home-hero .evidence-summary",
        ".home-hero__actions a[href='/articles/']",
        ".home-hero__actions a[href='/screening/']",
    ]:
        found = box(small_phone, selector)
        assert found is not None, selector
        assert found["y"] + found["height"] <= 800, (selector, found)


def test_contents_stay_beside_the_text_while_a_long_article_scrolls(wide_screen, site_url):
    wide_screen.goto(site_url + ARTICLE)
    contents, body = box(wide_screen, ".page-contents"), box(wide_screen, ".article__body")
    assert contents["x"] >= body["x"] + body["width"]  # a column of its own, to the right
    wide_screen.evaluate("window.scrollTo(0, 3000)")
    assert wide_screen.evaluate("window.scrollY") > 2000
    contents = box(wide_screen, ".page-contents")
    assert 0 <= contents["y"] <= 100, contents  # still in view: sticky
    # A link in the contents takes the reader to its section (a plain fragment link).
    wide_screen.locator(".page-contents a").nth(2).click()
    target = wide_screen.evaluate("location.hash").removeprefix("#")
    heading = box(wide_screen, f"[id='{target}']")
    assert 0 <= heading["y"] <= 100, heading


def test_contents_are_a_plain_list_above_the_text_on_a_phone(small_phone, site_url):
    small_phone.goto(site_url + ARTICLE)
    contents, body = box(small_phone, ".page-contents"), box(small_phone, ".article__body")
    assert contents["y"] + contents["height"] <= body["y"]
    position = small_phone.locator(".page-contents").evaluate(
        "(el) => getComputedStyle(el).position"
    )
    assert position == "static"


def test_contents_links_work_with_javascript_off(browser, site_url):
    context = browser.new_context(viewport={"width": 360, "height": 800}, java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + ARTICLE)
    page.locator(".page-contents a").first.click()
    heading = box(page, ".article__body h2")
    assert 0 <= heading["y"] <= 100, heading
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_wide_layouts_are_accessible(browser, site_url, scheme):
    context = browser.new_context(viewport={"width": 1440, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    for url in ["/", ARTICLE, "/articles/"]:
        page.goto(site_url + url)
        assert_accessible(page, f"{url} (1440px, {scheme})")
    context.close()
