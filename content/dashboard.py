"""The dashboard panel "Overdue content reviews": clinical pages whose review date has
passed (or was never set), oldest first, for the staff who edit pages."""

from __future__ import annotations

from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.permission_policies.pages import PagePermissionPolicy

from content.models import ArticlePage, describe_review_due

OVERDUE_PANEL_ROWS = 8


def overdue_reviews(today=None):
    today = today or timezone.localdate()
    return ArticlePage.objects.filter(
        Q(next_review_due__lt=today) | Q(next_review_due=None)
    ).order_by(F("next_review_due").asc(nulls_first=True), "title")


class OverdueContentReviewsPanel(Component):
    name = "overdue_content_reviews"
    template_name = "content/admin/overdue_reviews_panel.html"
    order = 20

    @staticmethod
    def is_visible_to(user) -> bool:
        return PagePermissionPolicy().user_has_any_permission(user, ["change", "publish"])

    def render_html(self, parent_context=None):
        if not self.is_visible_to(parent_context["request"].user):
            return ""
        return super().render_html(parent_context)

    def get_context_data(self, parent_context=None):
        today = timezone.localdate()
        pages = overdue_reviews(today)
        total = pages.count()
        rows = [
            {
                "title": page.title,
                "edit_url": reverse("wagtailadmin_pages:edit", args=(page.pk,)),
                "status": describe_review_due(page.next_review_due, today),
                "due": page.next_review_due,
            }
            for page in pages.only("pk", "title", "next_review_due")[:OVERDUE_PANEL_ROWS]
        ]
        user = parent_context["request"].user
        return {
            "total": total,
            "rows": rows,
            "report_url": reverse("content_review_due_report") if user.is_superuser else "",
        }
