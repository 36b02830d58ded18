"""Managers' report "Questionnaire funnel" (issue 18, item 4): how many questionnaire runs
reached each point, and how many were lost between one step and the next, for a date
range and a criteria version. Read from the aggregate counters of ``screening.funnel``:
no patient appears in it."""

from __future__ import annotations

import datetime
from collections import defaultdict

from django import forms
from django.db.models import Sum
from django.utils import timezone
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from screening import flow
from screening.admin.policy import submission_permission_policy
from screening.criteria import CRITERIA_VERSION
from screening.funnel import PHOTOS_STEP, Event, step_event
from screening.models import FunnelCount
from screening.rules import RULE_SETS, rule_set

DEFAULT_DAYS = 30
MAX_DAYS = 366
# Chart geometry, in SVG user units: one horizontal bar per stage.
CHART_WIDTH = 640
LABEL_WIDTH = 230
BAR_HEIGHT, BAR_GAP, CHART_PADDING = 18, 8, 6

REFUSALS = (
    (Event.REFUSED_UNDER_18.value, "Refused: under 18"),
    (Event.REFUSED_TOO_QUICK.value, "Refused: sent too quickly"),
)


def stages(version: str) -> list[dict]:
    """The funnel's stages for a criteria version, in the order a patient meets them:
    {"event", "label", "branch"}. A branch is a step shown only for some answers (one
    pattern scale's pictures): it is not on every patient's path."""
    if version == CRITERIA_VERSION:
        steps = [(s.slug, s.title, s.group) for s in flow.STEPS if s.slug != "consent"]
        steps.append((PHOTOS_STEP, "Photos (optional)", None))
    else:
        try:
            groups = rule_set(version).steps
        except ValueError:
            groups = ()
        steps = [(g.slug, g.title, g) for g in groups] + [("contact", "Contact details", None)]
    result = [{"event": Event.STARTED.value, "label": "Started (consent given)", "branch": False}]
    seen = set()
    for slug, title, group in steps:
        if slug in seen:
            continue
        seen.add(slug)
        result.append(
            {
                "event": step_event(slug),
                "label": _step_label(slug, title, group),
                "branch": group is not None and group.shown_when is not None,
            }
        )
    result += [
        {"event": Event.CHECK_YOUR_ANSWERS.value, "label": "Check your answers", "branch": False},
        {"event": Event.SUBMITTED.value, "label": "Submitted", "branch": False},
    ]
    return result


def _step_label(slug: str, title: str, group) -> str:
    if slug == "contact":
        return "Step: contact details"
    if group is not None and group.shown_when is not None:
        # Steps shown for some answers share a title ("Your hair loss pattern"): say which.
        return f"Step: {title} ({', '.join(sorted(group.shown_when[1]))})"
    return f"Step: {title}"


def with_drop_off(rows: list[dict]) -> list[dict]:
    """Add to each stage the runs lost since the previous stage on every path (count and
    percent of that stage). A branch gets its share of the previous stage instead."""
    previous = None
    for row in rows:
        row["dropped"] = row["percent_lost"] = row["share"] = None
        if previous is not None:
            if row["branch"]:
                row["share"] = round(100 * row["count"] / previous, 1) if previous else 0.0
                continue
            row["dropped"] = previous - row["count"]
            row["percent_lost"] = round(100 * row["dropped"] / previous, 1) if previous else 0.0
        if not row["branch"]:
            previous = row["count"]
    return rows


def funnel(date_from: datetime.date, date_to: datetime.date, version: str) -> dict:
    """Totals per stage and per day for the range. One query."""
    rows = (
        FunnelCount.objects.filter(criteria_version=version, day__gte=date_from, day__lte=date_to)
        .values_list("day", "event")
        .annotate(total=Sum("count"))
        .order_by()
    )
    totals: dict[str, int] = defaultdict(int)
    per_day: dict[datetime.date, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for day, event, total in rows:
        totals[event] += total
        per_day[day][event] += total
    stage_rows = [{**stage, "count": totals.get(stage["event"], 0)} for stage in stages(version)]
    known = {row["event"] for row in stage_rows} | {code for code, _ in REFUSALS}
    # A step this code no longer lists (renamed or removed): shown, not lost.
    for event in sorted(set(totals) - known):
        stage_rows.insert(
            -2, {"event": event, "label": f"Step: {event}", "branch": True, "count": totals[event]}
        )
    day_columns = [Event.STARTED.value, Event.CHECK_YOUR_ANSWERS.value, Event.SUBMITTED.value]
    day_columns += [code for code, _ in REFUSALS]
    return {
        "stages": with_drop_off(stage_rows),
        "refusals": [
            {"event": code, "label": label, "count": totals.get(code, 0)}
            for code, label in REFUSALS
        ],
        "days": [
            {"day": day, "counts": [per_day[day].get(column, 0) for column in day_columns]}
            for day in sorted(per_day)
        ],
        "total": sum(totals.values()),
    }


def chart(stage_rows: list[dict]) -> dict:
    """Geometry of a horizontal bar chart: one bar per stage."""
    top = max((row["count"] for row in stage_rows), default=0) or 1
    plot_width = CHART_WIDTH - LABEL_WIDTH - 60
    bars = []
    for index, row in enumerate(stage_rows):
        y = CHART_PADDING + index * (BAR_HEIGHT + BAR_GAP)
        width = round(plot_width * row["count"] / top, 1)
        bars.append(
            {
                "label": row["label"],
                "count": row["count"],
                "branch": row["branch"],
                "y": y,
                "text_y": y + BAR_HEIGHT / 2,
                "width": width,
                "count_x": round(LABEL_WIDTH + width + 6, 1),
            }
        )
    return {
        "width": CHART_WIDTH,
        "height": CHART_PADDING * 2 + len(stage_rows) * (BAR_HEIGHT + BAR_GAP),
        "bar_height": BAR_HEIGHT,
        "label_x": LABEL_WIDTH - 8,
        "plot_left": LABEL_WIDTH,
        "bars": bars,
    }


def version_choices() -> list[tuple[str, str]]:
    versions = set(RULE_SETS) | set(
        FunnelCount.objects.order_by().values_list("criteria_version", flat=True).distinct()
    )
    ordered = sorted(versions, reverse=True)
    return [(v, f"{v} (current)" if v == CRITERIA_VERSION else v) for v in ordered]


class FunnelFilterForm(forms.Form):
    date_from = forms.DateField(
        label="From", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label="To", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    version = forms.ChoiceField(label="Criteria version", required=False)

    def __init__(self, *args, versions, today: datetime.date, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today
        self.fields["version"].choices = versions

    def clean(self):
        data = super().clean()
        date_to = data.get("date_to") or self.today
        date_from = data.get("date_from") or date_to - datetime.timedelta(days=DEFAULT_DAYS - 1)
        if date_from > date_to:
            raise forms.ValidationError("“From” must be on or before “To”.")
        if (date_to - date_from).days >= MAX_DAYS:
            raise forms.ValidationError(f"Choose a range of at most {MAX_DAYS} days.")
        data["date_from"], data["date_to"] = date_from, date_to
        data["version"] = data.get("version") or CRITERIA_VERSION
        return data


class FunnelReportView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    permission_policy = submission_permission_policy
    permission_required = "report"
    template_name = "screening/admin/funnel_report.html"
    page_title = "Questionnaire funnel"
    header_icon = "table"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        form = FunnelFilterForm(self.request.GET or {}, versions=version_choices(), today=today)
        context["form"] = form
        if form.is_valid():
            data = form.cleaned_data
            result = funnel(data["date_from"], data["date_to"], data["version"])
            context.update(
                {
                    "funnel": result,
                    "chart": chart(result["stages"]),
                    "date_from": data["date_from"],
                    "date_to": data["date_to"],
                    "version": data["version"],
                }
            )
        return context
