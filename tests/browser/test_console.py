"""Chromium's console stays silent on the site's pages: no warnings, no errors (a header
it does not understand, such as a Permissions-Policy feature it does not know, shows up
there on every page)."""

from tests.support.content import ARTICLE_SLUGS

PAGES = [
    "/",
    "/articles/",
    f"/articles/{ARTICLE_SLUGS[0]}/",
    "/search/?q=hair",
    "/screening/",
    "/screening/how-we-assess/",
    "/admin/login/",
]


def test_no_page_logs_a_console_warning_or_error(desktop_page, site_url):
    messages = []
    desktop_page.on(
        "console",
        lambda message: (
            message.type in ("warning", "error")
            and messages.append(f"{desktop_page.url}: {message.type}: {message.text}")
        ),
    )
    desktop_page.on("pageerror", lambda error: messages.append(f"{desktop_page.url}: {error}"))
    for path in PAGES:
        response = desktop_page.goto(site_url + path)
        assert response.status == 200, path
        desktop_page.wait_for_load_state("load")
    assert messages == []
