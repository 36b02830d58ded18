"""Privacy actions: erase one submission on request (right to erasure) and purge the
submissions past the retention period. Each asks for confirmation first."""

from __future__ import annotations

from django.contrib.admin.utils import quote
from django.shortcuts import redirect
from django.urls import reverse
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import BaseObjectMixin, WagtailAdminTemplateMixin

from screening.admin.access import PermissionFirstMixin
from screening.models import Status, Submission
from screening.privacy import erase_submissions, expired_counts, purge_expired, retention_days


class SubmissionEraseView(
    PermissionFirstMixin, BaseObjectMixin, WagtailAdminTemplateMixin, TemplateView
):
    """Right to erasure, with a confirmation step."""

    model = Submission
    permission_required = "erase"
    template_name = "screening/admin/confirm_erase.html"
    page_title = "Erase submission"
    header_icon = "bin"
    index_url_name = None
    inspect_url_name = None

    def get_page_subtitle(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": "Screening submissions"},
            {
                "url": reverse(self.inspect_url_name, args=(quote(self.object.pk),)),
                "label": str(self.object),
            },
            {"url": "", "label": self.page_title, "sublabel": str(self.object)},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["submission"] = self.object
        context["note_count"] = self.object.notes.count()
        context["reassessment_count"] = self.object.reassessments.count()
        context["cancel_url"] = reverse(self.inspect_url_name, args=(quote(self.object.pk),))
        return context

    def post(self, request, *args, **kwargs):
        erase_submissions(
            Submission.objects.filter(pk=self.object.pk), user=request.user, via="admin"
        )
        messages.success(
            request,
            "The submission and everything attached to it have been erased. "
            "The audit log records the erasure without any personal data.",
        )
        return redirect(reverse(self.index_url_name))


class SubmissionPurgeView(PermissionFirstMixin, WagtailAdminTemplateMixin, TemplateView):
    """Delete the submissions past the retention period, after a confirmation."""

    model = Submission
    permission_required = "purge"
    template_name = "screening/admin/confirm_purge.html"
    page_title = "Purge expired submissions"
    header_icon = "bin"
    index_url_name = None

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": "Screening submissions"},
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        counts = expired_counts()
        context["retention_days"] = retention_days()
        context["counts"] = [
            {"label": Status(status).label, "count": count} for status, count in counts.items()
        ]
        context["total"] = sum(counts.values())
        context["cancel_url"] = reverse(self.index_url_name)
        return context

    def post(self, request, *args, **kwargs):
        counts = purge_expired(user=request.user, via="admin")
        total = sum(counts.values())
        messages.success(
            request,
            f"Purged {total} expired submission{'' if total == 1 else 's'}."
            if total
            else "There were no expired submissions to purge.",
        )
        return redirect(reverse(self.index_url_name))
