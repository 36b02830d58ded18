"""A submission's page (inspect), its history and its print view for the consultation
file. Viewing and printing are both recorded in the audit log, without health data."""

from __future__ import annotations

from django.contrib.admin.utils import quote, unquote
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.views.generic import TemplateView
from wagtail.admin.views.generic import HistoryView, InspectView
from wagtail.admin.views.generic.base import BaseObjectMixin
from wagtail.admin.widgets.button import Button, HeaderButton
from wagtail.log_actions import registry as log_registry
from wagtail.models import ModelLogEntry

from screening.admin.access import PermissionFirstMixin
from screening.admin.answers import answers_by_step
from screening.admin.display import (
    assignee_text,
    assignee_text_for,
    clinic_name,
    outcome_full_label,
    outcome_label,
    reasons_for_display,
    referral_label,
    stage_label,
)
from screening.admin.filters import user_display_name
from screening.admin.forms import ReviewForm
from screening.admin.listing import same_patient_filter
from screening.models import Submission
from screening.workflow import (
    current_criteria_version,
    current_rules_preview,
    reassessment_needed,
)


def record_access(submission: Submission, action: str, user, data=None) -> None:
    """An audit entry for reading a submission (who, which, when; no health data). Saved
    with Django's own save(): Wagtail's log() runs full_clean(), which re-reads the content
    type and the user the view already has (two queries on every page view)."""
    entry = ModelLogEntry(
        content_type=ContentType.objects.get_for_model(Submission),
        object_id=str(submission.pk),
        label=str(submission),
        action=action,
        timestamp=timezone.now(),
        user=user,
        data=data or {},
    )
    models.Model.save(entry)


class SubmissionInspectView(PermissionFirstMixin, InspectView):
    any_permission_required = ["view", "change"]
    template_name = "screening/admin/inspect.html"
    page_title = "Submission"
    history_url_name = None
    inspect_url_name = None
    review_url_name = None
    reassess_url_name = None
    erase_url_name = None
    print_url_name = None
    fhir_url_name = None
    recent_history_size = 10

    def get_object(self, queryset=None):
        return get_object_or_404(
            Submission.objects.select_related("assigned_to", "clinician_decision_by"),
            pk=unquote(str(self.pk)),
        )

    def get_fields(self):
        # The page is laid out by its template, section by section, from the criteria.
        return []

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        # Who opened which submission, once per page view, with no health data.
        record_access(self.object, "screening.viewed", request.user)
        return response

    def url(self, name):
        return reverse(name, args=(quote(self.object.pk),))

    @cached_property
    def can_change(self):
        return self.user_has_permission("change")

    @cached_property
    def can_erase(self):
        return self.user_has_permission("erase")

    @cached_property
    def header_more_buttons(self):
        buttons = [
            Button(
                "History", url=self.url(self.history_url_name), icon_name="history", priority=10
            ),
            Button(
                "Print for the consultation file",
                url=self.url(self.print_url_name),
                icon_name="doc-full",
                priority=20,
            ),
        ]
        if self.user_has_permission("view"):
            buttons.append(
                Button(
                    "Download FHIR bundle",
                    url=self.url(self.fhir_url_name),
                    icon_name="download",
                    priority=25,
                )
            )
        if self.can_erase:
            buttons.append(
                Button("Erase…", url=self.url(self.erase_url_name), icon_name="bin", priority=30)
            )
        return buttons

    def same_patient_submissions(self, submission):
        """The patient's other submissions (same blind-indexed email or phone), newest
        first, with only plaintext columns read. One query."""
        condition = same_patient_filter(submission.email_index, submission.phone_index)
        if condition is None:
            return []
        others = (
            Submission.objects.filter(condition)
            .exclude(pk=submission.pk)
            .only("pk", "reference", "created_at", "outcome", "status")
            .order_by("-created_at")[:20]
        )
        return [
            {
                "reference": other.reference,
                "url": reverse(self.inspect_url_name, args=(quote(other.pk),)),
                "created_at": other.created_at,
                "outcome_label": outcome_label(other.outcome),
                "status": other.get_status_display(),
            }
            for other in others
        ]

    def preview_for_display(self, submission):
        """What the current rules would say, beside the stored result; never stored."""
        preview = current_rules_preview(submission)
        if preview is None or "assessment" not in preview:
            return preview
        assessment = preview["assessment"]
        return {
            "outcome_label": outcome_label(assessment.outcome),
            "benefit_label": outcome_label(assessment.benefit_outcome),
            "score": assessment.score,
            "referral_label": referral_label(" ".join(assessment.referral)),
            "reasons": reasons_for_display([r.as_dict() for r in assessment.reasons]),
            "differs": (str(assessment.outcome), assessment.score)
            != (submission.outcome, submission.score),
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        submission = self.object
        notes = list(submission.notes.select_related("author"))
        reassessments = list(submission.reassessments.select_related("created_by"))
        history = list(
            log_registry.get_logs_for_instance(submission)
            # Every view of the submission or of a photo is in the full history.
            .exclude(action__in=("screening.viewed", "screening.photo_viewed"))
            .select_related("user")
            .order_by("-timestamp", "-pk")[: self.recent_history_size]
        )
        context.update(
            {
                "submission": submission,
                "outcome_label": outcome_label(submission.outcome),
                "outcome_full_label": outcome_full_label(submission.outcome),
                "stage_label": stage_label(submission.stage),
                "reasons": reasons_for_display(submission.reasons),
                "answer_groups": answers_by_step(submission),
                "notes": notes,
                "reassessments": [
                    {
                        "object": r,
                        "outcome_label": outcome_label(r.outcome),
                        "reasons": reasons_for_display(r.reasons),
                    }
                    for r in reassessments
                ],
                "current_criteria_version": current_criteria_version(),
                "referral_label": referral_label(submission.referral),
                "preview": self.preview_for_display(submission),
                "history": history,
                "history_url": self.url(self.history_url_name),
                "can_change": self.can_change,
                "can_erase": self.can_erase,
                "assignee": assignee_text(submission),
                "decision_by": assignee_text_for(submission.clinician_decision_by),
                "same_patient": self.same_patient_submissions(submission),
            }
        )
        if self.can_change:
            context.update(
                {
                    "review_form": ReviewForm(submission=submission),
                    "review_url": self.url(self.review_url_name),
                    "reassess_url": self.url(self.reassess_url_name),
                    "reassessment_needed": reassessment_needed(submission, reassessments),
                }
            )
        return context


class SubmissionHistoryView(PermissionFirstMixin, HistoryView):
    any_permission_required = ["view", "change"]
    inspect_url_name = None

    def get_edit_url(self, instance):
        # Breadcrumbs lead back to the submission's page (there is no edit view).
        return reverse(self.inspect_url_name, args=(quote(instance.pk),))

    @cached_property
    def header_buttons(self):
        return [
            HeaderButton(
                "Back to submission",
                url=self.get_edit_url(self.object),
                icon_name="arrow-left",
            )
        ]


class SubmissionPrintView(PermissionFirstMixin, BaseObjectMixin, TemplateView):
    """The submission on paper, for the consultation file: contact details, the result,
    the answers as the questionnaire asked them with their reasons, and the clinician's
    decision. A page of its own with a print stylesheet and no admin chrome. Each
    rendering is recorded as ``screening.printed``."""

    model = Submission
    any_permission_required = ["view", "change"]
    template_name = "screening/admin/print.html"
    inspect_url_name = None

    def get_object(self):
        return get_object_or_404(
            Submission.objects.select_related("assigned_to", "clinician_decision_by"),
            pk=unquote(str(self.pk)),
        )

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        record_access(self.object, "screening.printed", request.user)
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        submission = self.object
        context.update(
            {
                "submission": submission,
                "clinic_name": clinic_name(),
                "outcome_full_label": outcome_full_label(submission.outcome),
                "referral_label": referral_label(submission.referral),
                "stage_label": stage_label(submission.stage),
                "assignee": assignee_text(submission),
                "decision_by": assignee_text_for(submission.clinician_decision_by),
                "answer_groups": answers_by_step(submission),
                "printed_at": timezone.now(),
                "printed_by": user_display_name(self.request.user),
                "inspect_url": reverse(self.inspect_url_name, args=(quote(submission.pk),)),
            }
        )
        return context
