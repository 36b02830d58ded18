"""Admin additions for clinical governance: the Clinician and Treatment snippets, the
"review due" report and the page feedback reports under Reports."""

import datetime

from django.core.exceptions import PermissionDenied
from django.db.models import Count, F, Q
from django.http import Http404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from wagtail import hooks
from wagtail.admin.menu import AdminOnlyMenuItem, MenuItem
from wagtail.admin.ui.tables import Column, LiveStatusTagColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page
from wagtail.snippets.models import register_snippet

from content.dashboard import OverdueContentReviewsPanel
from content.feedback import PageFeedback, describe_counts, with_feedback_counts
from content.models import REVIEW_WARNING_DAYS, ArticlePage
from content.snippets import ClinicianViewSet, TreatmentViewSet

register_snippet(ClinicianViewSet)
register_snippet(TreatmentViewSet)

FEEDBACK_PERMISSION = "content.view_pagefeedback"


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
        Column(
            "feedback",
            label="Was it helpful?",
            accessor=lambda a: describe_counts(a.helpful_yes, a.helpful_no),
        ),
        LiveStatusTagColumn(),
    ]
    list_export = [
        "title",
        "review_status",
        "next_review_due",
        "last_reviewed",
        "reviewed_by",
        "helpful_yes",
        "helpful_no",
    ]
    export_headings = {
        "title": "Article",
        "review_status": "Status",
        "next_review_due": "Next review due",
        "last_reviewed": "Last reviewed",
        "reviewed_by": "Reviewed by",
        "helpful_yes": "Helpful: yes",
        "helpful_no": "Helpful: no",
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
        pages = ArticlePage.objects.filter(Q(next_review_due__lte=cutoff) | Q(next_review_due=None))
        return (
            with_feedback_counts(pages)
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


def can_read_feedback(user) -> bool:
    return user.is_superuser or user.has_perm(FEEDBACK_PERMISSION)


class FeedbackReportView(ReportView):
    """Every page that has had an answer to “Was this page helpful?”, least helpful first."""

    page_title = "Page feedback"
    header_icon = "comment"
    index_url_name = "content_feedback_report"
    index_results_url_name = "content_feedback_report_results"
    verbose_name_plural = "pages with feedback"
    columns = [
        TitleColumn(
            "title",
            label="Page",
            url_name="content_feedback_comments",
            classname="title",
        ),
        Column("helpful_yes", label="Helpful: yes"),
        Column("helpful_no", label="Helpful: no"),
        Column("comments", label="Comments"),
        Column("latest", label="Latest answer", accessor=lambda p: _date(p.latest)),
    ]
    list_export = ["title", "url_path", "helpful_yes", "helpful_no", "comments", "latest"]
    export_headings = {
        "title": "Page",
        "url_path": "Path",
        "helpful_yes": "Helpful: yes",
        "helpful_no": "Helpful: no",
        "comments": "Comments",
        "latest": "Latest answer",
    }

    def dispatch(self, request, *args, **kwargs):
        if not can_read_feedback(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_filename(self):
        return f"page-feedback-{timezone.localdate().isoformat()}"

    def get_base_queryset(self):
        from django.db.models import Max

        return (
            with_feedback_counts(Page.objects.all())
            .annotate(
                comments=Count("feedback", filter=~Q(feedback__comment="")),
                latest=Max("feedback__created_at"),
            )
            .filter(latest__isnull=False)
            .order_by(F("helpful_no").desc(), "helpful_yes", "title")
        )


class FeedbackCommentsView(ReportView):
    """The answers and comments for one page, newest first."""

    header_icon = "comment"
    index_url_name = "content_feedback_comments"
    index_results_url_name = "content_feedback_comments_results"
    verbose_name_plural = "answers"
    columns = [
        Column("created_at", label="Date", accessor=lambda f: _date(f.created_at)),
        Column("helpful", label="Helpful?", accessor=lambda f: "Yes" if f.helpful else "No"),
        Column("comment", label="Comment", accessor=lambda f: f.comment or "—"),
    ]
    list_export = ["created_at", "helpful", "comment"]

    def dispatch(self, request, *args, **kwargs):
        if not can_read_feedback(request.user):
            raise PermissionDenied
        self.feedback_page = Page.objects.filter(pk=kwargs["pk"]).first()
        if self.feedback_page is None:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    @property
    def page_title(self):
        return f"Feedback on “{self.feedback_page.title}”"

    def get_index_url(self):
        return reverse(self.index_url_name, args=[self.feedback_page.pk])

    def get_index_results_url(self):
        return reverse(self.index_results_url_name, args=[self.feedback_page.pk])

    def get_filename(self):
        return f"page-feedback-{self.feedback_page.slug}-{timezone.localdate().isoformat()}"

    def get_base_queryset(self):
        return PageFeedback.objects.filter(page=self.feedback_page).order_by("-created_at")


@hooks.register("register_admin_urls")
def register_feedback_report_urls():
    return [
        path(
            "reports/page-feedback/", FeedbackReportView.as_view(), name="content_feedback_report"
        ),
        path(
            "reports/page-feedback/results/",
            FeedbackReportView.as_view(results_only=True),
            name="content_feedback_report_results",
        ),
        path(
            "reports/page-feedback/<int:pk>/",
            FeedbackCommentsView.as_view(),
            name="content_feedback_comments",
        ),
        path(
            "reports/page-feedback/<int:pk>/results/",
            FeedbackCommentsView.as_view(results_only=True),
            name="content_feedback_comments_results",
        ),
    ]


class FeedbackMenuItem(MenuItem):
    def is_shown(self, request):
        return can_read_feedback(request.user)


@hooks.register("register_reports_menu_item")
def register_feedback_report_menu_item():
    return FeedbackMenuItem(
        "Page feedback",
        reverse("content_feedback_report"),
        name="page-feedback",
        icon_name="comment",
        order=1060,
    )


@hooks.register("construct_homepage_panels")
def add_overdue_reviews_panel(request, panels):
    if OverdueContentReviewsPanel.is_visible_to(request.user):
        panels.append(OverdueContentReviewsPanel())
