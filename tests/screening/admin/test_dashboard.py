"""The reviewers' panel on the admin home: counts, the weekly chart and its text version."""

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from screening.admin.dashboard import ScreeningDashboardPanel, dashboard_stats
from screening.demo import OUTCOME_PROFILES

LONDON = ZoneInfo("Europe/London")
# A Wednesday afternoon; the week began on Monday 9 November 2026.
NOW = datetime(2026, 11, 11, 15, 0, tzinfo=LONDON)


@pytest.fixture
def scenario(make_submission):
    def make(outcome, status, created, changed=None):
        return make_submission(
            answers=OUTCOME_PROFILES[outcome],
            status=status,
            created_at=created,
            status_changed_at=changed,
        )

    return [
        # This week.
        make("likely", "new", NOW - timedelta(hours=2)),
        make("likely", "new", NOW - timedelta(hours=50)),  # Monday: new and waiting
        make("refer", "in_review", NOW - timedelta(hours=30), NOW - timedelta(hours=1)),
        # Last week.
        make("possible", "in_review", NOW - timedelta(days=6), NOW - timedelta(days=5)),  # waiting
        make("unlikely", "closed", NOW - timedelta(days=8), NOW - timedelta(days=7)),
        # Eleven weeks before this one: the oldest bar.
        make("refer", "contacted", NOW - timedelta(weeks=11)),
        # Twelve weeks before: outside the chart, still counted as waiting.
        make("possible", "new", NOW - timedelta(weeks=12, days=1)),
    ]


def test_counts(scenario):
    stats = dashboard_stats(NOW)
    assert stats.new == 3
    assert stats.waiting == 3  # two "new" older than 48 h, one "in review" unchanged for 5 days
    this_week = stats.this_week
    assert this_week.start == datetime(2026, 11, 9, tzinfo=LONDON)
    assert dict(this_week.counts) == {"likely": 2, "possible": 0, "unlikely": 0, "refer": 1}
    assert len(stats.weeks) == 12
    assert stats.weeks[0].start == datetime(2026, 8, 24, tzinfo=LONDON)
    assert stats.weeks[0].total == 1
    assert stats.weeks[-2].counts["possible"] == 1 and stats.weeks[-2].counts["unlikely"] == 1
    assert sum(week.total for week in stats.weeks) == 6


def test_waiting_uses_the_last_status_change(make_submission):
    make_submission(  # never stamped: counts from receipt
        status="in_review", created_at=NOW - timedelta(days=10), status_changed_at=None
    )
    make_submission(
        status="in_review",
        created_at=NOW - timedelta(days=10),
        status_changed_at=NOW - timedelta(hours=47),
    )
    make_submission(status="contacted", created_at=NOW - timedelta(days=10))  # not open
    assert dashboard_stats(NOW).waiting == 1


def render(rf, user):
    request = rf.get("/admin/")
    request.user = user
    return ScreeningDashboardPanel(now=NOW).render_html({"request": request})


def test_panel_renders_numbers_chart_and_table(rf, reviewer, scenario):
    html = render(rf, reviewer)
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    assert "3 new" in text and "3 waiting longer than 48 hours" in text
    assert "3 received this week" in text
    assert "Likely candidate: 2" in text and "Refer: 1" in text
    # The chart: an SVG image with a title and description, no script.
    svg = re.search(r'<svg class="screening-chart".*?</svg>', html, re.S).group(0)
    assert 'role="img"' in svg
    assert 'aria-labelledby="screening-chart-title screening-chart-desc"' in svg
    assert '<title id="screening-chart-title">' in svg
    assert "6 submissions in the last 12 weeks." in svg
    # One segment per week and outcome with submissions: 2 this week, 2 last, 1 oldest.
    assert svg.count("screening-bar--") == 5
    assert "<script" not in html and "http" not in svg.replace("http://www.w3.org/2000/svg", "")
    # The text alternative: every week's numbers in a table.
    table = re.search(r"<table.*?</table>", html, re.S).group(0)
    assert table.count('<th scope="row">') == 12
    assert "9 Nov" in table and "24 Aug" in table


def test_panel_renders_nothing_for_users_without_access(rf, editor, scenario):
    assert render(rf, editor) == ""


def test_dashboard_shows_the_panel_on_the_admin_home(reviewer_client, scenario):
    html = reviewer_client.get("/admin/").content.decode()
    assert 'id="screening-dashboard-section"' in html
    assert "screening/admin/review.css" in html


def test_empty_chart_still_renders(rf, reviewer, db):
    html = render(rf, reviewer)
    assert "0 submissions in the last 12 weeks." in html
    assert "0 new" in re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
