"""The site's look in a real browser: nothing wider than a 360px phone, a text alternative
for every image, no axe violations in the light or the dark scheme, and clean printing."""

import pytest

from tests.support.browser import assert_accessible, content_urls, screenshot

SMALL_PHONE = {"width": 360, "height": 800}
QUESTIONNAIRE_URLS = ["/screening/", "/screening/how-we-assess/"]
RESTYLED_URLS = [
    "/",
    "/articles/",
    "/articles/stem-cells-vs-prp/",
    "/privacy/",
    "/search/?q=PRP",
    *QUESTIONNAIRE_URLS,
]

OVERFLOW = """() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
    wide: [...document.querySelectorAll('body *')]
        .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
        .slice(0, 5)
        .map((el) => el.tagName.toLowerCase() + '.' + el.className),
})"""

MISSING_ALTERNATIVES = """() => {
    const missing = [];
    for (const img of document.querySelectorAll('img')) {
        if (!img.hasAttribute('alt')) missing.push('img ' + img.getAttribute('src'));
    }
    for (const svg of document.querySelectorAll('svg[role="img"]')) {
        const titled = svg.querySelector(':scope > title')?.textContent.trim();
        const named = svg.getAttribute('aria-label') || svg.getAttribute('aria-labelledby');
        if (!titled && !named) missing.push('svg ' + svg.outerHTML.slice(0, 80));
    }
    return missing;
}"""


@pytest.fixture
def small_phone(browser):
    context = browser.new_context(viewport=SMALL_PHONE, device_scale_factor=2, is_mobile=True)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def dark_small_phone(browser):
    context = browser.new_context(
        viewport=SMALL_PHONE, device_scale_factor=2, is_mobile=True, color_scheme="dark"
    )
    page = context.new_page()
    yield page
    context.close()


def test_nothing_is_wider_than_a_360px_phone(small_phone, site_url, subtests):
    urls = content_urls() + QUESTIONNAIRE_URLS
    assert len(urls) > 12, urls
    for url in urls:
        with subtests.test(url=url):
            assert small_phone.goto(site_url + url).status == 200
            layout = small_phone.evaluate(OVERFLOW)
            assert layout["scrollWidth"] <= layout["innerWidth"], layout
            assert layout["wide"] == [], layout


def test_every_image_has_a_text_alternative(small_phone, site_url, subtests):
    for url in content_urls() + QUESTIONNAIRE_URLS:
        with subtests.test(url=url):
            small_phone.goto(site_url + url)
            assert small_phone.evaluate(MISSING_ALTERNATIVES) == []
            # The logo is on every page, so every page has at least one image to check.
            assert small_phone.locator("img.site-brand__mark").count() >= 1


def test_the_alternatives_check_can_fail(small_phone, site_url):
    small_phone.goto(site_url + "/")
    small_phone.evaluate(
        """() => {
            document.body.insertAdjacentHTML('beforeend', '<img src="/x.png">');
            document.body.insertAdjacentHTML('beforeend', '<svg role="img"><path d="M0 0"/></svg>');
        }"""
    )
    assert len(small_phone.evaluate(MISSING_ALTERNATIVES)) == 2


def test_restyled_pages_are_accessible_in_the_light_scheme(small_phone, site_url, subtests):
    for url in RESTYLED_URLS:
        with subtests.test(url=url):
            small_phone.goto(site_url + url)
            assert (
                small_phone.evaluate("matchMedia('(prefers-color-scheme: dark)').matches") is False
            )
            assert_accessible(small_phone, f"{url} (360px, light)")


def test_restyled_pages_are_accessible_in_the_dark_scheme(dark_small_phone, site_url, subtests):
    for url in RESTYLED_URLS:
        with subtests.test(url=url):
            dark_small_phone.goto(site_url + url)
            assert dark_small_phone.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")
            background = dark_small_phone.evaluate(
                "getComputedStyle(document.body).backgroundColor"
            )
            assert background == "rgb(16, 24, 29)"  # the dark token, not white
            assert_accessible(dark_small_phone, f"{url} (360px, dark)")


def test_article_on_a_wide_screen_keeps_a_readable_column(desktop_page, site_url):
    desktop_page.set_viewport_size({"width": 1440, "height": 900})
    desktop_page.goto(site_url + "/articles/how-the-procedure-works/")
    paragraph = desktop_page.locator(".article__body p").first
    characters_per_line = paragraph.evaluate(
        """(p) => {
            const style = getComputedStyle(p);
            const canvas = document.createElement('canvas').getContext('2d');
            canvas.font = `${style.fontSize} ${style.fontFamily}`;
            const average = canvas.measureText('abcdefghijklmnopqrstuvwxyz ').width / 27;
            return p.getBoundingClientRect().width / average;
        }"""
    )
    assert 55 <= characters_per_line <= 85, characters_per_line
    header_width = desktop_page.locator(".site-header__inner").evaluate(
        "(el) => el.getBoundingClientRect().width"
    )
    assert header_width > 1100  # the shell uses the wide screen; prose does not


def test_comparison_table_is_never_cut_off_on_a_phone(small_phone, site_url):
    small_phone.goto(site_url + "/articles/stem-cells-vs-prp/")
    region = small_phone.locator(".table-scroll")
    caption_id = region.get_attribute("aria-labelledby")
    assert small_phone.locator(f"caption#{caption_id}").count() == 1
    assert region.get_attribute("tabindex") == "0"
    cells = small_phone.evaluate(
        """() => [...document.querySelectorAll('.comparison-table th, .comparison-table td')]
            .filter((el) => el.getBoundingClientRect().width > 1)
            .map((el) => ({right: el.getBoundingClientRect().right,
                           label: getComputedStyle(el, '::before').content}))"""
    )
    assert cells
    assert max(cell["right"] for cell in cells) <= SMALL_PHONE["width"]
    # Stacked: each cell says which column it belongs to.
    assert any("PRP" in cell["label"] for cell in cells)
    assert region.evaluate("(el) => el.scrollWidth <= el.clientWidth")
    screenshot(small_phone, "prp-table-360")


def test_comparison_table_is_a_table_again_on_a_wide_screen(desktop_page, site_url):
    desktop_page.goto(site_url + "/articles/stem-cells-vs-prp/")
    assert desktop_page.locator(".comparison-table thead").evaluate(
        "(el) => getComputedStyle(el).display"
    ) == ("table-header-group")


def test_article_prints_without_navigation_and_with_link_addresses(desktop_page, site_url):
    desktop_page.goto(site_url + "/articles/stem-cells-vs-prp/")
    # Printed from a phone in dark mode: the paper still gets dark text on white.
    desktop_page.emulate_media(media="print", color_scheme="dark")
    hidden = desktop_page.evaluate(
        """() => ['.site-nav', '.site-header__cta', '.breadcrumbs', '.cta', '.skip-link']
            .filter((selector) => document.querySelector(selector))
            .map((selector) => getComputedStyle(document.querySelector(selector)).display)"""
    )
    assert hidden and set(hidden) == {"none"}
    sources = desktop_page.locator(".sources")
    assert sources.count() == 1
    assert sources.evaluate("(el) => getComputedStyle(el).display") != "none"
    link = desktop_page.locator(".article__body a[href^='/']").first
    after = link.evaluate("(a) => getComputedStyle(a, '::after').content")
    assert link.get_attribute("href") in after
    assert desktop_page.evaluate("getComputedStyle(document.body).color") == "rgb(0, 0, 0)"
    lead = desktop_page.evaluate("getComputedStyle(document.querySelector('.lead')).color")
    assert lead == "rgb(27, 42, 53)", lead  # the light scheme's text colour
