"""The photo step and the follow-up pages (issue 16) in Chromium: axe-core with and
without errors, with JavaScript (previews) and without it (a plain upload)."""

from __future__ import annotations

import pytest

from screening import follow_up
from screening.models import PhotoStatus, Submission
from tests.support import photos as files
from tests.support.browser import PHONE, assert_accessible
from tests.support.browser_patient import (
    CONTINUE,
    ERROR_SUMMARY,
    active_matches,
    assert_every_focus_visible,
    fill_step,
    screening_settings,  # noqa: F401 (a fixture, used by every test below)
)
from tests.support.screening import PROFILES, step_data

pytestmark = pytest.mark.usefixtures("screening_settings")


def to_photo_step(page, site_url: str) -> None:
    page.goto(site_url + "/screening/")
    with page.expect_navigation():
        page.locator(".screening-start-button").click()
    for _slug, data in step_data(PROFILES["likely"]):
        fill_step(page, data)
    assert page.url.endswith("/screening/photos/")


def choose(page, view: str, name: str, data: bytes, mime: str = "image/jpeg") -> None:
    page.set_input_files(
        f"#id_photo_{view}", files=[{"name": name, "mimeType": mime, "buffer": data}]
    )


def press_continue(page) -> None:
    with page.expect_navigation():
        page.locator(CONTINUE).click()


def scan(page, name: str) -> None:
    assert_accessible(page, name)
    assert assert_every_focus_visible(page) > 0


def test_photo_step_and_follow_up_pages_with_javascript(phone_page, site_url, subtests):
    page = phone_page
    to_photo_step(page, site_url)
    with subtests.test(page="photo step, empty"):
        scan(page, "photos: step, empty (phone)")

    choose(page, "crown", "scalp.jpg", b"plain text, not a photo\n" * 40)
    page.locator("#id_consent_photos").check()
    press_continue(page)
    assert active_matches(page, ERROR_SUMMARY)
    assert "not a photo we can open" in page.locator(ERROR_SUMMARY).inner_text()
    with subtests.test(page="photo step, bad file"):
        scan(page, "photos: step, bad file (phone)")

    choose(page, "front", "front.jpg", files.jpeg_with_gps(600, 450))
    # The script shows a preview of the chosen photo before it is sent.
    page.locator("#id_photo_front_preview img").wait_for()
    page.locator("#id_consent_photos").uncheck()
    press_continue(page)
    assert "Tick the box" in page.locator(ERROR_SUMMARY).inner_text()
    with subtests.test(page="photo step, consent missing"):
        scan(page, "photos: step, consent missing (phone)")

    choose(page, "front", "front.jpg", files.jpeg_with_gps(600, 450))
    page.locator("#id_consent_photos").check()
    press_continue(page)
    assert page.url.endswith("/screening/check/")
    assert "Front hairline" in page.locator("#answer-photos").inner_text()
    assert page.csp_violations == []
    with page.expect_navigation():
        page.locator("button[data-prevent-double-submit]").click()
    assert page.url.endswith("/screening/result/")

    submission = Submission.objects.get()
    assert list(submission.photos.values_list("view", "status")) == [("front", PhotoStatus.READY)]
    page.goto(follow_up.link_for(submission).replace("http://127.0.0.1:8000", site_url))
    assert page.url == site_url + "/screening/follow-up/"
    with subtests.test(page="follow-up"):
        scan(page, "photos: follow-up (phone)")
    press_send = page.locator(".screening-actions button[type=submit]")
    choose(page, "top", "top.txt", b"\x89PNG but not really")
    with page.expect_navigation():
        press_send.click()
    with subtests.test(page="follow-up, bad file"):
        scan(page, "photos: follow-up, bad file (phone)")
    page.goto(site_url + "/screening/follow-up/withdraw/")
    with subtests.test(page="withdraw"):
        scan(page, "photos: withdraw, confirm (phone)")
    with page.expect_navigation():
        page.locator("button.btn-danger").click()
    assert page.locator("h1").inner_text() == "Your questionnaire has been deleted"
    with subtests.test(page="withdrawn"):
        scan(page, "photos: withdrawn (phone)")
    assert not Submission.objects.exists()
    page.goto(site_url + "/screening/follow-up/")
    assert page.locator("h1").inner_text() == "This link does not work"
    with subtests.test(page="link does not work"):
        scan(page, "photos: link does not work (phone)")


def test_photo_step_works_without_javascript(browser, site_url, subtests):
    # axe needs a script engine, so our own scripts are refused instead (as in
    # tests/support/browser.py's assert_accessible_without_javascript).
    context = browser.new_context(viewport=PHONE)
    context.route("**/*.js", lambda route: route.abort())
    page = context.new_page()
    try:
        to_photo_step(page, site_url)
        with subtests.test(page="photo step, no JavaScript"):
            scan(page, "photos: step, no JavaScript (phone)")
        choose(page, "top", "top.png", files.truncated_jpeg())
        page.locator("#id_consent_photos").check()
        press_continue(page)
        assert "cut short or damaged" in page.locator(ERROR_SUMMARY).inner_text()
        with subtests.test(page="photo step, error, no JavaScript"):
            scan(page, "photos: step, error, no JavaScript (phone)")
        choose(page, "top", "top.png", files.png(), "image/png")
        assert page.locator("#id_photo_top_preview").is_hidden()  # no script, no preview
        page.locator("#id_consent_photos").check()
        press_continue(page)
        assert page.url.endswith("/screening/check/")
        assert "Top of the head" in page.locator("#answer-photos").inner_text()
    finally:
        context.close()


def test_the_staff_photo_grid_is_accessible_and_its_views_are_logged(desktop_page, site_url):
    from wagtail.models import ModelLogEntry

    from screening import photos
    from tests.support.browser_staff import make_reviewer, seed_submissions, sign_in_with_password

    reviewer = make_reviewer("petra", "Petra", "Photo")
    submission = next(iter(seed_submissions().values()))
    for view in ("crown", "front"):
        checked = photos.check_upload(files.upload(f"{view}.jpg", files.jpeg_with_gps(600, 450)))
        photos.store_upload(checked, view=view, submission=submission)  # processed on commit
    assert set(submission.photos.values_list("status", flat=True)) == {PhotoStatus.READY}

    page = desktop_page
    page.goto(site_url + "/admin/login/")
    sign_in_with_password(page, reviewer.username)
    page.goto(f"{site_url}/admin/screening/submissions/inspect/{submission.pk}/")
    thumbnails = page.locator(".screening-photo-grid img")
    assert thumbnails.count() == 2
    assert [thumbnails.nth(i).get_attribute("alt") for i in range(2)] == [
        "Front hairline photo (open the full size)",
        "Crown photo (open the full size)",
    ]
    page.wait_for_load_state("networkidle")
    assert all(
        thumbnails.nth(i).evaluate("img => img.complete && img.naturalWidth > 0") for i in range(2)
    )
    assert_accessible(page, "photos: staff inspect with photos (desktop)")
    logged = ModelLogEntry.objects.filter(action="screening.photo_viewed", user=reviewer)
    assert logged.count() >= 2
    assert {entry.data["kind"] for entry in logged} == {"thumbnail"}
