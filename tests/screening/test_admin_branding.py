"""Admin branding and the dashboard's first panels (issue 18, item 6): the clinic's name
and mark instead of Wagtail's, and a home page that opens with "Waiting for review" and
"Overdue content reviews"."""

import datetime
import re

import pytest
from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from content.models import ArticlePage
from screening.demo import OUTCOME_PROFILES
from tests.support.staff import client_for

CLINIC = settings.WAGTAIL_SITE_NAME
LOGO = "img/logo/northgate-mark.svg"


def panel_order(html: str) -> list[str]:
    return re.findall(r'<section[^>]*id="([\w-]+)-section"', html)


def test_the_sign_in_page_carries_the_clinics_name_and_mark(db):
    html = client_for().get("/admin/login/").content.decode()
    assert f"Sign in to {CLINIC}" in html
    assert "Sign in to Wagtail" not in html
    assert LOGO in html
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert CLINIC in title and "Wagtail" not in title
    # The staff_auth form (no "Remember me") is still the one shown.
    assert 'name="remember"' not in html


def test_every_admin_page_has_the_clinics_title_logo_and_welcome(reviewer):
    html = client_for(reviewer).get("/admin/").content.decode()
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert CLINIC in title and "Wagtail" not in title
    sidebar_logo = re.search(
        r"<template data-wagtail-sidebar-branding-logo>(.*?)</template>", html, re.S
    ).group(1)
    assert LOGO in sidebar_logo and f'alt="{CLINIC}"' in sidebar_logo
    assert f"{CLINIC}: staff area" in html
    assert f'href="/static/{LOGO}"' in html or LOGO in html  # the favicon


@pytest.fixture
def waiting(make_submission):
    now = timezone.now()
    return {
        "old_likely": make_submission(
            answers=OUTCOME_PROFILES["likely"],
            status="new",
            created_at=now - datetime.timedelta(days=9),
        ),
        "new_refer": make_submission(
            answers=OUTCOME_PROFILES["refer"], status="in_review", referral="safety"
        ),
        "diagnosis": make_submission(
            answers=OUTCOME_PROFILES["refer"], status="new", referral="diagnosis", outcome="refer"
        ),
        "closed": make_submission(answers=OUTCOME_PROFILES["likely"], status="closed"),
    }


def test_reviewers_open_on_waiting_for_review_needs_attention_first(reviewer, waiting):
    html = client_for(reviewer).get("/admin/").content.decode()
    order = panel_order(html)
    assert order[0] == "waiting-for-review"
    assert order.index("waiting-for-review") < order.index("screening-dashboard")
    panel = re.search(r'id="waiting-for-review-section".*?</section>', html, re.S).group(0)
    count = re.search(r'screening-stats__value">(\d+)</span> submissions waiting', panel)
    assert count.group(1) == "3"  # new or in review
    references = re.findall(r">(HS-[A-Z0-9-]+)<", panel)
    assert references == [
        waiting["diagnosis"].reference,
        waiting["new_refer"].reference,
        waiting["old_likely"].reference,
    ]
    assert waiting["closed"].reference not in panel
    assert "Overdue" in panel  # nine days is past the service level


@pytest.fixture
def articles(site_tree):
    today = timezone.localdate()
    pages = list(ArticlePage.objects.order_by("pk")[:3])
    assert len(pages) == 3
    ArticlePage.objects.filter(pk=pages[0].pk).update(
        next_review_due=today - datetime.timedelta(days=40)
    )
    ArticlePage.objects.filter(pk=pages[1].pk).update(
        next_review_due=today - datetime.timedelta(days=1)
    )
    ArticlePage.objects.filter(pk=pages[2].pk).update(next_review_due=today)  # due, not overdue
    return pages


def test_editors_open_on_overdue_content_reviews(editor, articles):
    today = timezone.localdate()
    expected = ArticlePage.objects.filter(Q(next_review_due__lt=today) | Q(next_review_due=None))
    html = client_for(editor).get("/admin/").content.decode()
    assert panel_order(html)[0] == "overdue-content-reviews"
    assert "waiting-for-review" not in panel_order(html)  # no screening access
    panel = re.search(r'id="overdue-content-reviews-section".*?</section>', html, re.S).group(0)
    assert f"<strong>{expected.count()}</strong> clinical page" in panel
    assert articles[0].title in panel and "Overdue by 40 days" in panel
    assert articles[1].title in panel and "Overdue by 1 day<" in panel
    assert articles[2].title not in panel
    assert f"/admin/pages/{articles[0].pk}/edit/" in panel


def test_superusers_see_both_panels_first(superuser, articles, waiting):
    html = client_for(superuser).get("/admin/").content.decode()
    assert panel_order(html)[:2] == ["waiting-for-review", "overdue-content-reviews"]
    assert "/admin/reports/clinical-reviews-due/" in html


def test_reviewers_without_page_rights_do_not_get_the_content_panel(reviewer, articles):
    html = client_for(reviewer).get("/admin/").content.decode()
    assert "overdue-content-reviews" not in panel_order(html)
