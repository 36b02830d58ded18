"""The reviewers' panel on the Wagtail admin home page.

Counts come from two aggregate queries, whatever the number of submissions: one for the
"new" and "waiting" counts, one grouping the last 12 weeks by week and outcome. The chart
is an SVG drawn here on the server, with a table of the same numbers as its text
alternative; no script, nothing fetched from elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from urllib.parse import urlencode

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from wagtail.admin.ui.components import Component

from screening.admin.display import REVIEW_CSS, outcome_label
from screening.admin.policy import submission_permission_policy
from screening.criteria import Outcome
from screening.models import Status, Submission
from screening.workflow import OPEN_STATUSES

WEEKS = 12
WAITING_HOURS = 48
# Chart geometry, in SVG user units.
CHART_WIDTH, CHART_HEIGHT = 640, 240
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 44, 8, 12, 36


def week_start(moment: datetime) -> datetime:
    """Monday 00:00 of the moment's week, in the clinic's time zone."""
    local = timezone.localtime(moment)
    monday = local - timedelta(days=local.weekday())
    return monday.replace(hour=0, minute=0, second=0, microsecond=0)


def waiting_filter(now: datetime) -> Q:
    """Open (new or in review) and untouched for more than 48 hours: the status has not
    changed for 48 hours, or, if it never changed, the submission came in more than 48
    hours ago."""
    cutoff = now - timedelta(hours=WAITING_HOURS)
    return Q(status__in=OPEN_STATUSES) & (
        Q(status_changed_at__lt=cutoff) | Q(status_changed_at__isnull=True, created_at__lt=cutoff)
    )


@dataclass
class Week:
    start: datetime
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def label(self) -> str:
        return date_format(self.start, "j M")


@dataclass
class DashboardStats:
    now: datetime
    new: int
    waiting: int
    weeks: list[Week]

    @property
    def this_week(self) -> Week:
        return self.weeks[-1]


def dashboard_stats(now: datetime | None = None) -> DashboardStats:
    now = now or timezone.now()
    current_week = week_start(now)
    starts = [current_week - timedelta(weeks=offset) for offset in range(WEEKS - 1, -1, -1)]

    # Only open submissions can be new or waiting: the status index narrows the scan.
    totals = Submission.objects.filter(status__in=OPEN_STATUSES).aggregate(
        new=Count("pk", filter=Q(status=Status.NEW)),
        waiting=Count("pk", filter=waiting_filter(now)),
    )
    # One row per outcome, one count per week: plain range conditions rather than a
    # per-row date truncation (a Python function on SQLite, slow at 100k rows).
    ends = [*starts[1:], None]
    week_counts = {
        f"week_{index}": Count(
            "pk",
            filter=Q(created_at__gte=start)
            & (Q(created_at__lt=end) if end is not None else Q(created_at__lte=now)),
        )
        for index, (start, end) in enumerate(zip(starts, ends, strict=True))
    }
    rows = (
        Submission.objects.filter(created_at__gte=starts[0], created_at__lte=now)
        .order_by()
        .values("outcome")
        .annotate(**week_counts)
    )
    weeks = [Week(start, dict.fromkeys(Outcome, 0)) for start in starts]
    for row in rows:
        if row["outcome"] not in weeks[0].counts:
            continue
        outcome = Outcome(row["outcome"])
        for index, week in enumerate(weeks):
            week.counts[outcome] = row[f"week_{index}"]
    return DashboardStats(now=now, new=totals["new"], waiting=totals["waiting"], weeks=weeks)


def nice_ceiling(value: int) -> int:
    """The smallest 1, 2 or 5 × 10ⁿ at or above value (at least 1), for the y axis."""
    ceiling = 1
    while True:
        for step in (1, 2, 5):
            if step * ceiling >= value:
                return step * ceiling
        ceiling *= 10


def chart(weeks: list[Week]) -> dict:
    """Geometry of a stacked bar chart: one bar per week, one segment per outcome."""
    plot_width = CHART_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
    plot_height = CHART_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
    top = nice_ceiling(max((week.total for week in weeks), default=0))
    slot = plot_width / len(weeks)
    bar_width = slot * 0.64
    scale = plot_height / top
    baseline = MARGIN_TOP + plot_height

    bars = []
    for index, week in enumerate(weeks):
        x = MARGIN_LEFT + index * slot + (slot - bar_width) / 2
        y = baseline
        segments = []
        for outcome in Outcome:
            count = week.counts[outcome]
            if not count:
                continue
            height = count * scale
            y -= height
            segments.append(
                {
                    "outcome": outcome.value,
                    "x": round(x, 1),
                    "y": round(y, 1),
                    "width": round(bar_width, 1),
                    "height": round(height, 1),
                    "title": f"Week of {week.label}: {count} {outcome_label(outcome)}",
                }
            )
        bars.append(
            {
                "segments": segments,
                "label": week.label,
                "label_x": round(x + bar_width / 2, 1),
                "total": week.total,
                "total_y": round(y - 4, 1),
            }
        )
    gridlines = [
        {"value": value, "y": round(baseline - value * scale, 1)}
        for value in sorted({0, top // 2, top})
    ]
    busiest = max(weeks, key=lambda week: week.total) if weeks else None
    total = sum(week.total for week in weeks)
    summary = f"{total} submission{'' if total == 1 else 's'} in the last {len(weeks)} weeks."
    if busiest is not None and busiest.total:
        summary += f" The busiest week began {busiest.label}, with {busiest.total}."
    return {
        "summary": summary,
        "table": [
            {
                "label": week.label,
                "start": week.start,
                "counts": [week.counts[outcome] for outcome in Outcome],
                "total": week.total,
            }
            for week in weeks
        ],
        "width": CHART_WIDTH,
        "height": CHART_HEIGHT,
        "bars": bars,
        "gridlines": gridlines,
        "plot_left": MARGIN_LEFT,
        "plot_right": CHART_WIDTH - MARGIN_RIGHT,
        "label_y": baseline + 18,
    }


class ScreeningDashboardPanel(Component):
    name = "screening_submissions"
    template_name = "screening/admin/dashboard_panel.html"
    order = 50

    class Media:
        css = {"all": [REVIEW_CSS]}

    def __init__(self, now: datetime | None = None):
        self.now = now

    @staticmethod
    def is_visible_to(user) -> bool:
        return submission_permission_policy.user_has_any_permission(user, ["view", "change"])

    def render_html(self, parent_context=None):
        if not self.is_visible_to(parent_context["request"].user):
            return ""
        return super().render_html(parent_context)

    def get_context_data(self, parent_context=None):
        stats = dashboard_stats(self.now)
        index_url = reverse("screening_submissions:index")
        week_from = stats.this_week.start.date().isoformat()

        def listing(**params):
            return f"{index_url}?{urlencode(params, doseq=True)}"

        return {
            "stats": stats,
            "outcomes": [
                {
                    "code": outcome.value,
                    "label": outcome_label(outcome),
                    "this_week": stats.this_week.counts[outcome],
                    "url": listing(outcome=outcome.value, created_at_from=week_from),
                }
                for outcome in Outcome
            ],
            "week_total": stats.this_week.total,
            "chart": chart(stats.weeks),
            "waiting_hours": WAITING_HOURS,
            "new_url": listing(status=Status.NEW.value),
            "open_url": listing(status=[s.value for s in OPEN_STATUSES], ordering="created_at"),
            "index_url": index_url,
        }


WAITING_PANEL_ROWS = 5


class WaitingForReviewPanel(Component):
    """The dashboard's first panel for reviewers: how many submissions wait for the clinic,
    how many are past the service level, and the first few in "needs attention first"
    order, each linked. Two queries."""

    name = "screening_waiting_for_review"
    template_name = "screening/admin/waiting_panel.html"
    order = 10

    class Media:
        css = {"all": [REVIEW_CSS]}

    is_visible_to = staticmethod(ScreeningDashboardPanel.is_visible_to)

    def render_html(self, parent_context=None):
        if not self.is_visible_to(parent_context["request"].user):
            return ""
        return super().render_html(parent_context)

    def get_context_data(self, parent_context=None):
        from screening.admin.listing import (
            WAITING_STATUSES,
            order_by_attention,
            service_level_days,
            waiting,
        )

        waiting_list = Submission.objects.filter(status__in=WAITING_STATUSES)
        total = waiting_list.count()
        first = list(
            order_by_attention(waiting_list).only(
                "pk", "reference", "name", "created_at", "outcome", "referral", "status"
            )[:WAITING_PANEL_ROWS]
        )
        index_url = reverse("screening_submissions:index")
        rows = []
        for submission in first:
            rows.append(
                {
                    "reference": submission.reference,
                    "name": submission.name,
                    "url": reverse("screening_submissions:inspect", args=(submission.pk,)),
                    "outcome": submission.outcome,
                    "outcome_label": outcome_label(submission.outcome),
                    "waiting": waiting(submission),
                    "status": submission.get_status_display(),
                }
            )
        statuses = urlencode({"status": [s.value for s in WAITING_STATUSES]}, doseq=True)
        return {
            "total": total,
            "rows": rows,
            "service_level_days": service_level_days(),
            "list_url": f"{index_url}?{statuses}",
        }
