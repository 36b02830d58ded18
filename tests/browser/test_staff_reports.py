"""The pages issue 18 adds for staff, in Chromium: the questionnaire funnel report (a
manager, keyboard only) and a submission's print view (screen and print media). Both are
scanned with axe-core; the print view is entirely ours, so it must have no violation."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from wagtail.models import ModelLogEntry

from screening.criteria import CRITERIA_VERSION
from screening.flow import STEPS
from screening.models import FunnelCount
from tests.support.browser import assert_accessible, screenshot
from tests.support.browser_staff import (
    PASSWORD,
    assert_focus_visible,
    seed_submissions,
    sign_in_with_password,
)
from tests.support.staff import make_user

SERIOUS = {"serious", "critical"}
FUNNEL = "/admin/reports/screening-funnel/"


@pytest.fixture
def manager(site_url):
    user = make_user("manny", "Screening managers", first_name="Manny", last_name="Manager")
    user.set_password(PASSWORD)
    user.save(update_fields=["password"])
    return user


@pytest.fixture
def funnel_counts(site_url):
    today = timezone.localdate()
    events = {
        "started": 40,
        "step:warning-signs": 38,
        "step:about-you": 35,
        "step:pattern-scale": 33,
        "step:hair-pattern-a": 20,
        "step:hair-pattern-b": 12,
        "step:contact": 25,
        "check_your_answers": 24,
        "submitted": 22,
        "refused_under_18": 2,
        "refused_too_quick": 1,
    }
    for offset in (0, 3):
        FunnelCount.objects.bulk_create(
            FunnelCount(
                day=today - datetime.timedelta(days=offset),
                criteria_version=CRITERIA_VERSION,
                event=event,
                count=count,
            )
            for event, count in events.items()
        )
    return events


def test_a_manager_reads_the_funnel_with_the_keyboard(
    desktop_page, site_url, manager, funnel_counts
):
    page = desktop_page
    page.goto(site_url + FUNNEL)
    sign_in_with_password(page, manager.username)
    assert page.url.endswith(FUNNEL)
    expect(page.get_by_role("heading", name="Questionnaire funnel")).to_be_visible()
    # One bar per stage: started, each step the questionnaire has, the optional photo
    # step, check, submitted.
    steps = [step for step in STEPS if step.slug != "consent"]
    expect(page.locator("svg.screening-funnel-chart rect")).to_have_count(len(steps) + 4)
    started = page.locator('#funnel-table tr[data-event="started"] td[data-count]')
    expect(started).to_have_text(str(2 * funnel_counts["started"]))
    screenshot(page, "staff-reports-funnel")
    assert_accessible(page, "questionnaire funnel report", impacts=SERIOUS)

    # Narrow the dates to today with the keyboard only: type, Tab to "Show", Enter.
    today = timezone.localdate()
    page.get_by_label("From").focus()
    page.keyboard.type(today.strftime("%m%d%Y"))
    assert_focus_visible(page, page.get_by_role("button", name="Show"))
    page.get_by_role("button", name="Show").focus()
    page.keyboard.press("Enter")
    page.wait_for_load_state("networkidle")
    expect(started).to_have_text(str(funnel_counts["started"]))
    assert "date_from=" + today.isoformat() in page.url

    # A range that cannot be: a clear message, not an error page.
    page.goto(site_url + FUNNEL + "?date_from=2026-05-10&date_to=2026-05-01")
    expect(page.get_by_role("alert")).to_contain_text("on or before")
    assert_accessible(page, "questionnaire funnel report, invalid dates", impacts=SERIOUS)


def test_the_print_view_is_accessible_and_prints_cleanly(desktop_page, site_url, manager):
    seeded = seed_submissions()
    submission = next(iter(seeded.values()))
    page = desktop_page
    url = f"{site_url}/admin/screening/submissions/print/{submission.pk}/"
    page.goto(url)
    sign_in_with_password(page, manager.username)
    assert page.url == url
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Submission {submission.reference}")
    expect(page.get_by_role("heading", name="Answers")).to_be_visible()
    assert_accessible(page, "submission print view")
    screenshot(page, "staff-reports-print-screen")

    page.emulate_media(media="print")
    expect(page.locator(".print-actions")).to_be_hidden()
    screenshot(page, "staff-reports-print-media")
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
    assert ModelLogEntry.objects.filter(
        action="screening.printed", object_id=str(submission.pk), user=manager
    ).exists()


def test_the_dashboard_opens_with_the_two_new_panels(desktop_page, site_url):
    admin = make_user("ada", is_superuser=True, is_staff=True, first_name="Ada")
    admin.set_password(PASSWORD)
    admin.save(update_fields=["password"])
    seed_submissions()
    page = desktop_page
    page.goto(site_url + "/admin/")
    sign_in_with_password(page, admin.username)
    headings = page.locator("section.w-panel h2").all_inner_texts()
    assert [h.strip() for h in headings[:2]] == ["Waiting for review", "Overdue content reviews"]
    expect(page.get_by_role("img", name="Northgate Hair Clinic").first).to_be_attached()
    screenshot(page, "staff-reports-dashboard")
    assert_accessible(page, "admin dashboard, waiting and overdue panels", impacts=SERIOUS)
