"""Admin additions for clinical governance: the Clinician snippet and the "review due"
report under Reports."""

import datetime

from django.core.exceptions import PermissionDenied
from django.db.models import F, Q
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from wagtail import hooks
from wagtail.admin.menu import AdminOnlyMenuItem
from wagtail.admin.ui.tables import Column, LiveStatusTagColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.snippets.models import register_snippet

from content.models import REVIEW_WARNING_DAYS, ArticlePage
from content.snippets import ClinicianViewSet

register_snippet(ClinicianViewSet)


def _date(value):
    return date_format(value, "j M Y") if value else "—"


class ReviewDueReportView(ReportView):
    """Articles whose clinical review is overdue or falls due within REVIEW_WARNING_DAYS,
    most urgent first. Articles with no review date at all come first of all."""

    page_title = "Clinical reviews due"
    header_icon = "time"
    index_url_name = "content_review_due_report"
    index_results_url_name = "content_review_due_report_results"
    verbose_name_plural = "articles due for review"
    columns = [
        TitleColumn(
            "title", label="Article", url_name="wagtailadmin_pages:edit", classname="title"
        ),
        Column("review_status", label="Status"),
        Column(
            "next_review_due", label="Next review due", accessor=lambda a: _date(a.next_review_due)
        ),
        Column("last_reviewed", label="Last reviewed", accessor=lambda a: _date(a.last_reviewed)),
        Column("reviewed_by", label="Reviewed by", accessor=lambda a: a.reviewed_by or "—"),
        LiveStatusTagColumn(),
    ]
    list_export = ["title", "review_status", "next_review_due", "last_reviewed", "reviewed_by"]
    export_headings = {
        "title": "Article",
        "review_status": "Status",
        "next_review_due": "Next review due",
        "last_reviewed": "Last reviewed",
        "reviewed_by": "Reviewed by",
    }

    def dispatch(self, request, *args, **kwargs):
        # Clinical governance is the clinic administrators' job, as the menu item says.
        if not request.user.is_superuser:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_filename(self):
        return f"clinical-reviews-due-{timezone.localdate().isoformat()}"

    def get_base_queryset(self):
        cutoff = timezone.localdate() + datetime.timedelta(days=REVIEW_WARNING_DAYS)
        return (
            ArticlePage.objects.filter(Q(next_review_due__lte=cutoff) | Q(next_review_due=None))
            .select_related("reviewed_by")
            .defer_streamfields()
            .order_by(F("next_review_due").asc(nulls_first=True), "title")
        )


@hooks.register("register_admin_urls")
def register_review_due_report_urls():
    view = ReviewDueReportView.as_view()
    results_view = ReviewDueReportView.as_view(results_only=True)
    return [
        path("reports/clinical-reviews-due/", view, name="content_review_due_report"),
        path(
            "reports/clinical-reviews-due/results/",
            results_view,
            name="content_review_due_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_review_due_report_menu_item():
    return AdminOnlyMenuItem(
        "Clinical reviews due",
        reverse("content_review_due_report"),
        name="clinical-reviews-due",
        icon_name="time",
        order=1050,
    )
