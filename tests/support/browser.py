"""Browser-test helpers: where Chromium is, screenshots, axe-core scans and keyboard focus."""

import json
import os
import re
import shutil
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_PRESENT = Path(CHROMIUM).exists()
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "browser"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}

_axe = Axe()
# axe-core ships WCAG 2.2's target-size check (2.5.8, level AA) switched off; we are held to AA.
AXE_OPTIONS = {"resultTypes": ["violations"], "rules": {"target-size": {"enabled": True}}}
axe_summary: list[tuple[str, int, str]] = []


def screenshot(page, name):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    safe = re.sub(r"[^a-z0-9_-]+", "-", name.lower()).strip("-")
    page.screenshot(path=str(ARTIFACTS / f"{safe}.png"), full_page=True)


def assert_accessible(page, name, impacts=None):
    """Run axe-core on the current page; fail on violations (of the given impacts, or any).

    Not for a page whose context has JavaScript switched off: use
    ``assert_accessible_without_javascript``.
    """
    results = _axe.run(page, options=AXE_OPTIONS)
    violations = results.response["violations"]
    if impacts is not None:
        violations = [v for v in violations if v.get("impact") in impacts]
    detail = "" if not violations else "  [" + ", ".join(v["id"] for v in violations) + "]"
    axe_summary.append((name, len(violations), detail))
    screenshot(page, f"axe-{name}")
    assert not violations, f"axe violations on {name}:\n" + json.dumps(
        [
            {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"][:5]]}
            for v in violations
        ],
        indent=2,
    )


def assert_accessible_without_javascript(browser, url, name, viewport=PHONE):
    """axe-core on a page as a browser without JavaScript renders it.

    axe itself is a script, and Playwright's evaluate() never returns in a context made
    with ``java_script_enabled=False`` (the test hangs). So the page is opened again in a
    context where our own scripts are refused instead: what axe sees is the no-JavaScript
    page, the only difference being that axe can run.
    """
    context = browser.new_context(viewport=viewport)
    try:
        context.route("**/*.js", lambda route: route.abort())
        page = context.new_page()
        page.goto(url)
        assert_accessible(page, name)
    finally:
        context.close()


# Where the keyboard focus is and whether a reader can see it: an outline or a shadow is
# drawn, the element is on screen, and nothing else covers its centre.
FOCUS_STATE = """() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  const shadow = Boolean(style.boxShadow) && style.boxShadow !== 'none';
  const text = (el.getAttribute('aria-label') || el.textContent || el.value || '').trim();
  const rect = el.getBoundingClientRect();
  const x = Math.min(Math.max(rect.left + rect.width / 2, 0), innerWidth - 1);
  const y = Math.min(Math.max(rect.top + rect.height / 2, 0), innerHeight - 1);
  const top = document.elementFromPoint(x, y);
  return {
    visible: outline || shadow,
    onScreen: rect.bottom > 0 && rect.top < innerHeight && rect.width > 0,
    unobscured: !!top && (el === top || el.contains(top) || top.contains(el)),
    describe: `${el.tagName.toLowerCase()}#${el.id} [${el.name || ''}] "${text.slice(0, 50)}"`,
  };
}"""


def focus_state(page) -> dict | None:
    return page.evaluate(FOCUS_STATE)


def focus_stops(page, limit: int = 240) -> list[dict]:
    """Tab through the whole page once: the state of every focus stop, in order.

    Ends when focus leaves the page (Chromium then focuses its own interface and the
    document reports the body) or comes round to the first stop again.
    """
    stops: list[dict] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        state = focus_state(page)
        if state is None:
            if stops:
                return stops
            continue
        if stops and state["describe"] == stops[0]["describe"]:
            return stops
        stops.append(state)
    pytest.fail("the focus never left the page")


SEARCH_URLS = ["/search/", "/search/?q=PRP", "/search/?q=nothing-matches-this"]


def content_urls():
    """Every published page of the loaded site (each page type, every article) and search."""
    from wagtail.models import Page

    pages = Page.objects.live().public().filter(depth__gt=1).specific()
    return sorted(page.url for page in pages) + SEARCH_URLS
