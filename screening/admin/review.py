"""The review actions on a submission's page: the review panel (status, assignee, note and
clinician decision in one POST), the older single-purpose forms (status, assign, note) that
scripts and bookmarks still post to, and re-assessment. POST only; each refusal is shown
as a message and changes nothing. The work itself is done in ``screening.workflow``."""

from __future__ import annotations

from django.contrib.admin.utils import quote
from django.shortcuts import redirect
from django.urls import reverse
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import BaseObjectMixin

from screening.admin.access import PermissionFirstMixin
from screening.admin.display import outcome_label
from screening.admin.filters import user_display_name
from screening.admin.forms import AssignForm, NoteForm, ReviewForm
from screening.admin.policy import reviewers
from screening.models import Submission
from screening.workflow import (
    ReviewActionError,
    add_note,
    assign,
    change_status,
    reassess,
    save_review,
)


class SubmissionActionView(PermissionFirstMixin, BaseObjectMixin, TemplateView):
    """A small POST-only form on the submission's page. Refusals are shown as messages."""

    model = Submission
    permission_required = "change"
    http_method_names = ["post"]
    inspect_url_name = None

    def perform(self) -> str | None:
        raise NotImplementedError

    def post(self, request, *args, **kwargs):
        try:
            message = self.perform()
        except ReviewActionError as error:
            messages.error(request, str(error))
        else:
            if message:
                messages.success(request, message)
        return redirect(reverse(self.inspect_url_name, args=(quote(self.object.pk),)))

    @staticmethod
    def form_errors(form) -> str:
        return " ".join(str(error) for errors in form.errors.values() for error in errors)


class SubmissionStatusView(SubmissionActionView):
    def perform(self):
        new_status = self.request.POST.get("status", "")
        change_status(self.object, new_status, self.request.user)
        return f"Status changed to “{self.object.get_status_display()}”."


class SubmissionAssignView(SubmissionActionView):
    def perform(self):
        form = AssignForm(self.request.POST)
        if not form.is_valid():
            raise ReviewActionError(f"Not assigned: {self.form_errors(form)}")
        assignee = form.cleaned_data["assigned_to"]
        if not assign(self.object, assignee, self.request.user, eligible=reviewers()):
            return "The assignment did not change."
        if assignee is None:
            return "The submission is now unassigned."
        return f"Assigned to {user_display_name(assignee)}."


class SubmissionNoteView(SubmissionActionView):
    def perform(self):
        form = NoteForm(self.request.POST)
        if not form.is_valid():
            raise ReviewActionError(f"The note was not added: {self.form_errors(form)}")
        add_note(self.object, form.cleaned_data["text"], self.request.user)
        return "Note added."


class SubmissionReviewView(SubmissionActionView):
    """The review panel: status, assignee, note and clinician decision in one POST, saved
    all or nothing."""

    def perform(self):
        form = ReviewForm(self.request.POST, submission=self.object)
        if not form.is_valid():
            raise ReviewActionError(f"Nothing was saved: {self.form_errors(form)}")
        data = form.cleaned_data
        try:
            changed = save_review(
                self.object,
                self.request.user,
                status=data["status"],
                assignee=data["assigned_to"],
                change_assignee=True,
                note=data["text"],
                decision=data["clinician_decision"],
                reason=data["clinician_decision_reason"],
                eligible=reviewers(),
            )
        except ReviewActionError as error:
            raise ReviewActionError(f"Nothing was saved: {error}") from error
        if not changed:
            return "Nothing changed."
        return f"Saved: {', '.join(changed)}."


class SubmissionReassessView(SubmissionActionView):
    def perform(self):
        result = reassess(self.object, self.request.user)
        return (
            f"Re-assessed under criteria version {result.criteria_version}: "
            f"{outcome_label(result.outcome)}, score {result.score}. "
            f"The original assessment is unchanged."
        )
