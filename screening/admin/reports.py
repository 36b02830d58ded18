"""Managers' report "Score and clinician agreement" (issue 18): how the questionnaire's
outcome compares with what the clinician decided after the consultation, per criteria
version, as counts and percentages, with a CSV download. The evidence for changing the
rules. Counts only: no patient appears in the report."""

from __future__ import annotations

import csv
from collections import defaultdict

from django.db.models import Count
from django.http import HttpResponse
from django.utils import timezone
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from screening.admin.policy import submission_permission_policy
from screening.criteria import Outcome
from screening.models import ClinicianDecision, Submission

OUTCOME_ORDER = [outcome.value for outcome in Outcome]
DECISION_ORDER = [decision.value for decision in ClinicianDecision]


def percent(part: int, whole: int) -> float:
    return round(100 * part / whole, 1) if whole else 0.0


def agreement_tables() -> list[dict]:
    """One table per criteria version (newest first): a row per outcome, a cell per
    decision with its count and share of that outcome's decisions. One query."""
    counts = defaultdict(lambda: defaultdict(dict))
    rows = (
        Submission.objects.exclude(clinician_decision="")
        .values_list("criteria_version", "outcome", "clinician_decision")
        .annotate(count=Count("pk"))
        .order_by()
    )
    for version, outcome, decision, count in rows:
        counts[version][outcome][decision] = count
    tables = []
    for version in sorted(counts, reverse=True):
        by_outcome = counts[version]
        outcomes = [o for o in OUTCOME_ORDER if o in by_outcome] + sorted(
            o for o in by_outcome if o not in OUTCOME_ORDER
        )
        table_rows = []
        for outcome in outcomes:
            total = sum(by_outcome[outcome].values())
            table_rows.append(
                {
                    "outcome": outcome,
                    "label": Submission(outcome=outcome).get_outcome_display(),
                    "total": total,
                    "cells": [
                        {
                            "decision": decision,
                            "count": by_outcome[outcome].get(decision, 0),
                            "percent": percent(by_outcome[outcome].get(decision, 0), total),
                        }
                        for decision in DECISION_ORDER
                    ],
                }
            )
        tables.append(
            {
                "version": version,
                "rows": table_rows,
                "total": sum(row["total"] for row in table_rows),
            }
        )
    return tables


class AgreementReportView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    permission_policy = submission_permission_policy
    permission_required = "report"
    template_name = "screening/admin/agreement_report.html"
    page_title = "Score and clinician agreement"
    header_icon = "table"

    def get(self, request, *args, **kwargs):
        if request.GET.get("format") == "csv":
            return self.csv_response()
        return super().get(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["tables"] = agreement_tables()
        context["decisions"] = ClinicianDecision.choices
        context["csv_url"] = f"{self.request.path}?format=csv"
        return context

    def csv_response(self):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        filename = f"screening-agreement-{timezone.localdate():%Y-%m-%d}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        writer = csv.writer(response)
        writer.writerow(
            ["criteria_version", "outcome", "clinician_decision", "count", "percent_of_outcome"]
        )
        for table in agreement_tables():
            for row in table["rows"]:
                for cell in row["cells"]:
                    writer.writerow(
                        [
                            table["version"],
                            row["outcome"],
                            cell["decision"],
                            cell["count"],
                            cell["percent"],
                        ]
                    )
        return response
