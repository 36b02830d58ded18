"""How the public pages respond to the reader's own settings and tools.

- 200% zoom on a 1280px window: the layout reflows into 640 CSS pixels with nothing to
  scroll sideways (WCAG 1.4.10). Wide data tables may scroll inside their own region.
- `prefers-reduced-motion: reduce`: nothing animates or glides.
- Keyboard: every element that takes focus shows it, and is not hidden behind anything
  (WCAG 2.4.7, 2.4.11).
"""

import pytest

from tests.support.browser import content_urls, focus_stops, screenshot

# A 1280x900 window at 200% zoom: half as many CSS pixels, each drawn twice as large.
ZOOMED_200 = {"width": 640, "height": 450}

QUESTIONNAIRE_URLS = ["/screening/", "/screening/how-we-assess/"]

PAGE_OVERFLOW = """() => {
    const root = document.documentElement;
    const wide = [...document.querySelectorAll('body *')].filter((el) => {
        if (el.closest('.table-scroll')) return false;
        const rect = el.getBoundingClientRect();
        return rect.width > 0 && (rect.right > root.clientWidth + 1 || rect.left < -1);
    }).slice(0, 5).map((el) => el.tagName.toLowerCase() + '.' + el.className);
    return {scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, wide};
}"""


@pytest.fixture
def zoomed_page(browser):
    context = browser.new_context(viewport=ZOOMED_200, device_scale_factor=2)
    page = context.new_page()
    yield page
    context.close()


def test_every_public_page_reflows_at_200_percent_zoom(zoomed_page, site_url, subtests):
    urls = content_urls() + QUESTIONNAIRE_URLS
    assert len(urls) > 12, urls  # every article, index, standard page and more
    for url in urls:
        with subtests.test(url=url):
            assert zoomed_page.goto(site_url + url).status == 200
            layout = zoomed_page.evaluate(PAGE_OVERFLOW)
            assert layout["scrollWidth"] <= layout["clientWidth"], layout
            assert layout["wide"] == [], layout
    screenshot(zoomed_page, "zoom-200-last-page")


def test_nothing_moves_when_the_reader_asks_for_reduced_motion(phone_page, site_url, subtests):
    phone_page.emulate_media(reduced_motion="reduce")
    for url in ["/", "/articles/how-the-procedure-works/", "/screening/"]:
        with subtests.test(url=url):
            phone_page.goto(site_url + url)
            assert phone_page.evaluate("matchMedia('(prefers-reduced-motion: reduce)').matches")
            # Move through the page so that hover and focus styles get their chance to run.
            for _ in range(6):
                phone_page.keyboard.press("Tab")
            moving = phone_page.evaluate(
                """() => [...document.querySelectorAll('*')].filter((el) => {
                    const s = getComputedStyle(el);
                    const longest = (v) => Math.max(...v.split(',').map(parseFloat));
                    return longest(s.transitionDuration) > 0.001
                        || longest(s.animationDuration) > 0.001
                        || s.scrollBehavior === 'smooth';
                }).map((el) => el.tagName.toLowerCase() + '.' + el.className)"""
            )
            assert moving == []
            assert phone_page.evaluate("document.getAnimations().length") == 0


@pytest.mark.parametrize(
    "url", ["/", "/articles/stem-cells-vs-prp/", "/articles/faq/", "/search/?q=PRP"]
)
def test_every_focus_stop_is_visible_and_unobscured(desktop_page, site_url, url):
    desktop_page.goto(site_url + url)
    seen = focus_stops(desktop_page)
    assert len(seen) >= 3, seen
    hidden = [s for s in seen if not (s["visible"] and s["onScreen"] and s["unobscured"])]
    assert hidden == [], hidden
    screenshot(desktop_page, f"focus-{url}")
