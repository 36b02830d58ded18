"""The staff journey in Chromium on a desktop, with two-factor sign-in switched on:
password → authenticator code → dashboard panel → filtered listing → a submission
(assign, note, status) → CSV export of the filtered rows. Our admin screens and the
sign-in screens are scanned with axe-core on the way (no serious or critical issue).
"""

import base64
import csv
import io
import re
from datetime import timedelta
from urllib.parse import unquote, urlparse

import pytest
from axes.models import AccessLog
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect
from wagtail.models import ModelLogEntry

from screening.models import ReviewNote, Status, Submission
from screening.workflow import OPEN_STATUSES
from tests.support.browser import assert_accessible, screenshot
from tests.support.browser_staff import (
    CONTRACT_HEADINGS,
    assert_focus_visible,
    current_code,
    enrol_authenticator,
    listing_references,
    make_reviewer,
    references,
    seed_submissions,
    sign_in_with_password,
)

SERIOUS = {"serious", "critical"}
LISTING = "/admin/screening/submissions/"


@pytest.fixture
def two_factor_and_lockout_on(settings):
    # The live server runs in this process: the middleware and django-axes read these
    # settings on every request.
    settings.ADMIN_REQUIRE_TWO_FACTOR = True
    settings.AXES_ENABLED = True


@pytest.fixture
def journey(site_url, two_factor_and_lockout_on):
    reviewer = make_reviewer("rita", "Rita", "Reviewer")
    return {
        "url": site_url,
        "reviewer": reviewer,
        "device": enrol_authenticator(reviewer),
        "submissions": seed_submissions(),
    }


def test_reviewer_signs_in_with_two_factor_reviews_a_submission_and_exports(
    desktop_page, journey, caplog
):
    page, url, reviewer = desktop_page, journey["url"], journey["reviewer"]
    seeded = journey["submissions"]
    target = seeded["refer_new"]
    refer = references([seeded["refer_new"], seeded["refer_contacted"]])
    requested = []
    page.on("request", lambda request: requested.append(request.url))

    # --- Sign in: password, then the authenticator code ---------------------------------
    page.goto(url + "/admin/")
    page.wait_for_load_state("networkidle")
    assert "/admin/login/" in page.url
    screenshot(page, "staff-01-login")
    assert_accessible(page, "admin login", impacts=SERIOUS)
    assert_focus_visible(page, page.get_by_role("button", name="Sign in"))

    sign_in_with_password(page, reviewer.username)
    assert "/admin/two-factor/verify/" in page.url
    assert AccessLog.objects.filter(username=reviewer.username).exists(), "django-axes is on"
    expect(page.get_by_role("heading", level=1)).to_have_text("Enter your sign-in code")
    screenshot(page, "staff-02-verify")
    assert_accessible(page, "two-factor: verify", impacts=SERIOUS)

    # Half signed in, no admin page is reachable: each leads back to the code step (which
    # remembers the last one asked for, the dashboard).
    for path in (f"{LISTING}inspect/{target.pk}/", LISTING, "/admin/"):
        response = page.goto(url + path)
        assert response.status == 200
        assert "/admin/two-factor/verify/" in page.url, path
        assert target.reference not in page.content()

    page.get_by_role("link", name="Use a backup code instead").click()
    page.wait_for_load_state("networkidle")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in with a backup code")
    assert_accessible(page, "two-factor: backup code", impacts=SERIOUS)
    page.get_by_role("link", name="Use the code from your authenticator app instead").click()
    page.wait_for_load_state("networkidle")

    field = page.get_by_label("6-digit code from your authenticator app")
    assert_focus_visible(page, field)
    field.fill(current_code(journey["device"]))
    page.get_by_role("button", name="Continue").click()
    page.wait_for_load_state("networkidle")

    # --- Dashboard panel ----------------------------------------------------------------
    assert urlparse(page.url).path == "/admin/", page.url
    panel = page.get_by_role("region", name="Screening submissions")
    expect(panel).to_be_visible()
    new = references(s for s in seeded.values() if s.status == Status.NEW)
    two_days_ago = timezone.now() - timedelta(hours=48)
    waiting = [
        s for s in seeded.values() if s.status in OPEN_STATUSES and s.created_at < two_days_ago
    ]
    new_link = panel.get_by_role("link", name=f"{len(new)} new", exact=True)
    expect(new_link).to_be_visible()
    expect(
        panel.get_by_role("link", name=f"{len(waiting)} waiting longer than 48 hours")
    ).to_be_visible()
    screenshot(page, "staff-03-dashboard")
    assert_accessible_in_both_themes(page, "admin dashboard with the screening panel")
    assert_focus_visible(page, new_link)
    new_link.click()
    page.wait_for_load_state("networkidle")
    assert listing_references(page) == new

    # --- Listing, then a filter that changes the rows ------------------------------------
    page.goto(url + "/admin/")
    all_link = page.get_by_role("region", name="Screening submissions").get_by_role(
        "link", name="All submissions"
    )
    assert_focus_visible(page, all_link)
    all_link.click()
    page.wait_for_load_state("networkidle")
    assert listing_references(page) == references(seeded.values())
    screenshot(page, "staff-04-listing")
    assert_accessible(page, "screening listing", impacts=SERIOUS)

    page.get_by_role("button", name="Show filters").click()
    page.get_by_role("button", name="Outcome").click()
    page.get_by_role("checkbox", name="Refer: medical review needed").check()
    page.wait_for_url("**outcome=refer**")
    page.wait_for_load_state("networkidle")
    expect(page.locator("table.listing tbody tr")).to_have_count(len(refer))
    assert listing_references(page) == refer
    filtered_url = page.url
    screenshot(page, "staff-05-listing-filtered")
    assert_accessible_in_both_themes(page, "screening listing, filtered")
    page.keyboard.press("Escape")
    # The filter drawer closes with an animation and hands focus back when it is gone:
    # wait for that, or it can take the focus back from the row link reached below.
    expect(page.get_by_role("checkbox", name="Refer: medical review needed")).to_be_hidden()

    # --- A submission: assign, note, status ----------------------------------------------
    link = page.get_by_role("link", name=target.reference, exact=True)
    assert_focus_visible(page, link)
    link.click()
    page.wait_for_load_state("networkidle")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Submission")
    screenshot(page, "staff-06-inspect")
    assert_accessible(page, "screening inspect", impacts=SERIOUS)

    # One review panel: assignee, note and status saved together in one POST.
    review = page.get_by_role("region", name="Review", exact=True)
    review.get_by_label("Assigned reviewer").select_option(label="Rita Reviewer")
    note = "Called back: wants a consultation after checking the blood-thinner with the GP."
    review.get_by_label("Add an internal note").fill(note)
    status = review.get_by_label("Status", exact=True)
    assert_focus_visible(page, status)
    status.select_option(label="In review")
    review.get_by_role("button", name="Save review").click()
    expect(page.get_by_text("Saved: status, assignment, note.")).to_be_visible()
    page.wait_for_load_state("networkidle")
    screenshot(page, "staff-07-inspect-reviewed")
    assert_accessible_in_both_themes(page, "screening inspect, after review actions")

    target.refresh_from_db()
    assert target.assigned_to_id == reviewer.pk
    assert target.status == Status.IN_REVIEW
    assert list(ReviewNote.objects.filter(submission=target).values_list("text", "author")) == [
        (note, reviewer.pk)
    ]
    actions = list(
        ModelLogEntry.objects.for_instance(target)
        .exclude(action="screening.viewed")
        .order_by("timestamp", "pk")
        .values_list("action", "user_id")
    )
    # Every load of the page (the first, then after each action) is audited too.
    viewed = ModelLogEntry.objects.for_instance(target).filter(action="screening.viewed")
    assert viewed.count() >= 2 and set(viewed.values_list("user_id", flat=True)) == {reviewer.pk}
    assert actions == [
        ("screening.status", reviewer.pk),
        ("screening.assign", reviewer.pk),
        ("screening.note", reviewer.pk),
    ]
    history = page.get_by_role("region", name="Recent history")
    for entry in ("Assigned to Rita Reviewer", "Internal note added", "to “In review”"):
        expect(history.get_by_text(entry)).to_be_visible()
    expect(page.locator(".screening-note__text")).to_have_text(note)
    # The admin scrolls inside its own container, so a full-page shot stops at the fold.
    history.scroll_into_view_if_needed()
    screenshot(page, "staff-08-history")

    # --- Export the filtered list as CSV ------------------------------------------------
    page.goto(filtered_url)
    page.wait_for_load_state("networkidle")
    assert listing_references(page) == refer
    page.get_by_role("navigation", name="Actions").get_by_role("button", name="Actions").click()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download CSV").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".csv")
    rows = list(csv.reader(io.StringIO(open(download.path(), encoding="utf-8").read())))  # noqa: SIM115
    assert rows[0] == CONTRACT_HEADINGS
    exported = {row[0]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}
    assert set(exported) == refer
    assert exported[target.reference]["status"] == Status.IN_REVIEW
    assert exported[target.reference]["assigned_to"] == reviewer.username
    assert all(row["outcome"] == "refer" for row in exported.values())
    assert Submission.objects.count() > len(refer), "other rows existed and were left out"

    # Nothing the patient typed, nor the note, went into a URL or a log line.
    private = [note, target.name, target.email]
    assert not [text for text in private for address in requested if text in unquote(address)]
    logged = [record.getMessage() for record in caplog.records]
    assert logged, "the sign-in was logged"
    assert not [text for text in private for line in logged if text in line]


def test_first_sign_in_sets_up_the_authenticator_from_the_key_on_the_page(
    desktop_page, site_url, two_factor_and_lockout_on
):
    page = desktop_page
    newcomer = make_reviewer("sam", "Sam", "Newcomer")
    page.goto(site_url + "/admin/")
    sign_in_with_password(page, newcomer.username)

    assert "/admin/two-factor/setup/" in page.url
    expect(page.get_by_role("heading", level=1)).to_have_text("Set up two-factor sign-in")
    expect(page.get_by_role("img", name=re.compile("QR code"))).to_be_visible()
    screenshot(page, "staff-setup-01-qr")
    assert_accessible(page, "two-factor: set up", impacts=SERIOUS)
    response = page.goto(site_url + "/admin/")
    assert response.ok and "/admin/two-factor/setup/" in page.url, "no admin before set-up"

    field = page.get_by_label("6-digit code from your authenticator app")
    field.fill("12ab")
    page.get_by_role("button", name="Turn on two-factor sign-in").click()
    page.wait_for_load_state("networkidle")
    expect(page.get_by_text("numbers only")).to_be_visible()
    error_id = field.get_attribute("aria-describedby") or ""
    assert "numbers only" in page.locator(f"#{error_id.split()[0]}").inner_text()
    screenshot(page, "staff-setup-02-error")
    assert_accessible(page, "two-factor: set up, with an error", impacts=SERIOUS)

    # What someone without a camera does: type the key shown on the page into the app.
    key = page.locator("main code").first.inner_text()
    field.fill(code_from_key(key))
    page.get_by_role("button", name="Turn on two-factor sign-in").click()
    page.wait_for_load_state("networkidle")

    expect(page.get_by_role("heading", level=1)).to_have_text("Save your backup codes")
    codes = page.get_by_role("list", name="Backup codes").get_by_role("listitem")
    expect(codes).to_have_count(10)
    screenshot(page, "staff-setup-03-backup-codes")
    assert_accessible(page, "two-factor: backup codes issued", impacts=SERIOUS)
    assert TOTPDevice.objects.get(user=newcomer).confirmed
    assert StaticToken.objects.filter(device__user=newcomer).count() == 10

    page.get_by_role("link", name="I have saved my codes, continue").click()
    page.wait_for_load_state("networkidle")
    assert urlparse(page.url).path == "/admin/"
    expect(page.get_by_role("region", name="Screening submissions")).to_be_visible()


def assert_accessible_in_both_themes(page, name):
    """Wagtail follows the system's colour scheme: our colours must hold in both themes."""
    assert_accessible(page, name, impacts=SERIOUS)
    light = page.evaluate("getComputedStyle(document.body).color")
    page.emulate_media(color_scheme="dark")
    try:
        dark = page.evaluate("getComputedStyle(document.body).color")
        assert dark != light, "the admin switched to its dark theme"
        assert_accessible(page, f"{name} (dark theme)", impacts=SERIOUS)
    finally:
        page.emulate_media(color_scheme="light")


def code_from_key(key: str) -> str:
    """The 6-digit code an authenticator app computes from a typed base32 key, right now."""
    secret = key.replace(" ", "")
    secret += "=" * (-len(secret) % 8)
    return f"{totp(base64.b32decode(secret)):06d}"
