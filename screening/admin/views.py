"""The views of the screening review, built on Wagtail's generic admin views and wired into
one ModelViewSet (viewsets.py): the listing with its export, the inspect page, the small
POST-only review actions, erasure and the retention purge."""

from __future__ import annotations

import csv
import datetime
import tempfile
from collections import Counter

from django.contrib.admin.utils import quote, unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Q
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.forms.search import SearchForm
from wagtail.admin.ui.tables import Column, StatusTagColumn, TitleColumn
from wagtail.admin.views.generic import HistoryView, IndexView, InspectView
from wagtail.admin.views.generic.base import BaseObjectMixin, WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.views.mixins import Echo
from wagtail.admin.widgets.button import Button, HeaderButton
from wagtail.log_actions import registry as log_registry
from wagtail.models import ModelLogEntry

from clinic_site import crypto
from screening import criteria
from screening.admin.filters import user_display_name
from screening.admin.forms import AssignForm, NoteForm, ReviewForm, StatusForm
from screening.admin.listing import (
    ATTENTION_SORT_KEY,
    order_by_attention,
    same_patient_filter,
    service_level_days,
    waiting,
    with_repeat_counts,
)
from screening.admin.policy import reviewers
from screening.criteria import (
    OUTCOMES,
    QUESTION_GROUPS,
    QUESTIONS,
    REFERRAL_LABELS,
    STAGE_LABELS,
    Effect,
    Referral,
)
from screening.models import Status, Submission
from screening.privacy import (
    erase_submissions,
    expired_counts,
    log_bulk_action,
    purge_expired,
    retention_days,
)
from screening.workflow import (
    ReviewActionError,
    add_note,
    assign,
    change_status,
    current_criteria_version,
    current_rules_preview,
    reassess,
    reassessment_needed,
    save_review,
)

REVIEW_CSS = "screening/admin/review.css"

# The export's columns, headed by the contract's keys.
EXPORT_FIELDS = (
    "reference",
    "created_at",
    "outcome",
    "referral",
    "score",
    "criteria_version",
    "stage",
    "status",
    "assigned_to",
    *QUESTIONS,
    "name",
    "email",
    "phone",
    "preferred_contact",
    "consent_health_data_at",
    "consent_contact_at",
    "consent_marketing_at",
    "consent_text_version",
)
# Free text typed by patients: a spreadsheet must not run it as a formula.
PATIENT_TEXT_FIELDS = ("name", "email", "phone")
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def outcome_label(code: str) -> str:
    """The outcome's staff wording, short enough for a badge ("Refer", "Likely candidate")."""
    try:
        return OUTCOMES[criteria.Outcome(code)].staff_label.split(":")[0]
    except ValueError:
        return code


def outcome_full_label(code: str) -> str:
    try:
        return OUTCOMES[criteria.Outcome(code)].staff_label
    except ValueError:
        return code


def referral_label(value: str) -> str:
    """e.g. "Diagnosis first (GP or dermatologist); Medical safety review", or ""."""
    labels = []
    for kind in (value or "").split():
        try:
            labels.append(REFERRAL_LABELS[Referral(kind)])
        except ValueError:
            labels.append(kind)
    return "; ".join(labels)


def stage_label(code: str) -> str:
    try:
        return STAGE_LABELS[criteria.Stage(code)]
    except ValueError:
        return code


def reason_counts(reasons) -> Counter:
    return Counter(reason.get("effect") for reason in reasons or () if isinstance(reason, dict))


def stage_summary(submission: Submission) -> str:
    """e.g. "Early · 3 for, 0 against, 2 flags", from stored fields only (no queries)."""
    counts = reason_counts(submission.reasons)
    flags = counts[Effect.FLAG.value]
    return (
        f"{stage_label(submission.stage)} · {counts[Effect.FOR.value]} for, "
        f"{counts[Effect.AGAINST.value]} against, {flags} flag{'' if flags == 1 else 's'}"
    )


def received_text(submission: Submission) -> str:
    return date_format(timezone.localtime(submission.created_at), "j M Y, H:i")


def assignee_text(submission: Submission) -> str:
    if submission.assigned_to_id is None:
        return "Unassigned"
    return user_display_name(submission.assigned_to)


def assignee_text_for(user) -> str:
    return user_display_name(user) if user is not None else ""


def export_answer(value) -> str:
    """Answers are exported as the contract's codes; several codes are joined with ";"."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ";".join(str(code) for code in value)
    return str(value)


def neutralise_formula(value):
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


class OutcomeColumn(Column):
    """The outcome as a badge: its text, with a colour as a second cue, never the only one."""

    cell_template_name = "screening/admin/cells/outcome.html"

    class Media:
        css = {"all": [REVIEW_CSS]}

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["code"] = instance.outcome
        context["label"] = outcome_label(instance.outcome)
        context["full_label"] = outcome_full_label(instance.outcome)
        context["referrals"] = [
            {"kind": kind, "label": referral_label(kind)}
            for kind in (instance.referral or "").split()
        ]
        return context


class WaitingColumn(Column):
    """Working days waited, with an "Overdue" badge (words, not colour alone) past the
    service level."""

    cell_template_name = "screening/admin/cells/waiting.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["waiting"] = waiting(instance)
        context["service_level_days"] = service_level_days()
        return context


class RepeatColumn(Column):
    """How many other submissions the same patient made, linked to the list of them."""

    cell_template_name = "screening/admin/cells/repeats.html"

    def __init__(self, *args, index_url, **kwargs):
        super().__init__(*args, **kwargs)
        self.index_url = index_url

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["count"] = getattr(instance, "repeat_count", 0)
        context["url"] = f"{self.index_url}?same_patient={instance.pk}"
        return context


class PermissionFirstMixin(PermissionCheckedMixin):
    """Check permissions before the submission is looked up, so that a user without access
    gets 403 for every id, whether or not a submission with that id exists."""

    def setup(self, request, *args, **kwargs):
        self.request = request
        if self.permission_required is not None and not self.user_has_permission(
            self.permission_required
        ):
            raise PermissionDenied
        if self.any_permission_required is not None and not self.user_has_any_permission(
            self.any_permission_required
        ):
            raise PermissionDenied
        super().setup(request, *args, **kwargs)


# --- listing and export -----------------------------------------------------------------

# Names, emails and phones are encrypted at rest, so the database cannot search inside
# them: the box finds a reference, or an exact email address or phone number through its
# blind index. Names cannot be searched (README, "Keys and rotation").
SEARCH_PLACEHOLDER = "Reference, or exact email or phone (names cannot be searched)"


PHONE_CHARACTERS = frozenset("0123456789+-() .")
# References use 2-9 and letters (models.REFERENCE_ALPHABET) with "-".
NEVER_IN_A_REFERENCE = frozenset("01+() .")


def submission_search(queryset, text: str):
    text = text.strip()
    if "@" in text:
        # No reference holds "@": one index lookup.
        return queryset.filter(email_index=crypto.email_index(text))
    if set(text) <= PHONE_CHARACTERS and crypto.normalise_phone(text).lstrip("+"):
        phone = Q(phone_index=crypto.phone_index(text))
        if set(text) & NEVER_IN_A_REFERENCE:
            return queryset.filter(phone)  # one index lookup
        return queryset.filter(phone | Q(reference__icontains=text))
    return queryset.filter(reference__icontains=text)


class SubmissionIndexView(IndexView):
    any_permission_required = ["view", "change"]
    page_title = "Screening submissions"
    inspect_url_name = None
    purge_url_name = None
    export_chunk_size = 2000
    # Rows per write when streaming CSV: fewer, larger writes, still a small buffer.
    csv_rows_per_chunk = 500

    # CSV only: in XLSX, Wagtail already stores such text as a string cell, never a formula.
    custom_field_preprocess = {field: {"csv": neutralise_formula} for field in PATIENT_TEXT_FIELDS}
    custom_value_preprocess = {
        **IndexView.custom_value_preprocess,
        # CSV: ISO 8601 in the clinic's time zone, with the offset, so it is unambiguous.
        datetime.datetime: {
            **IndexView.custom_value_preprocess[datetime.datetime],
            "csv": lambda value: timezone.localtime(value).isoformat(),
        },
    }

    def get_base_queryset(self):
        queryset = super().get_base_queryset().select_related("assigned_to")
        if not self.is_export:
            # The list shows the name but no answers or contact details: leave those
            # encrypted (and unread). Only the page's rows are fetched, so only the names
            # on screen are decrypted.
            queryset = with_repeat_counts(
                queryset.defer("answers", "email", "phone", "clinician_decision_reason")
            )
        return queryset

    def get_valid_orderings(self):
        return [ATTENTION_SORT_KEY, f"-{ATTENTION_SORT_KEY}", *super().get_valid_orderings()]

    def order_queryset(self, queryset):
        if self.ordering in (ATTENTION_SORT_KEY, f"-{ATTENTION_SORT_KEY}"):
            return order_by_attention(queryset, descending=self.ordering.startswith("-"))
        return super().order_queryset(queryset).order_by(*self._with_tiebreak())

    def _with_tiebreak(self):
        ordering = self.ordering if isinstance(self.ordering, list | tuple) else [self.ordering]
        return [*ordering, "-pk"]

    def get_search_form(self):
        if not self.is_searchable:
            return None
        data = self.request.GET if self.search_kwarg in self.request.GET else None
        return SearchForm(data, placeholder=SEARCH_PLACEHOLDER)

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        return submission_search(queryset, self.search_query)

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "reference",
                label="Reference",
                get_url=self.get_inspect_url,
                classname="screening-reference",
            ),
            Column("name", label="Patient", accessor="name"),
            Column("received", label="Received", accessor=received_text, sort_key="created_at"),
            WaitingColumn(
                "waiting",
                label="Waiting",
                sort_key=ATTENTION_SORT_KEY,
            ),
            OutcomeColumn("outcome", label="Outcome"),
            Column("score", label="Score", sort_key="score"),
            StatusTagColumn(
                "status",
                label="Status",
                accessor="get_status_display",
                primary=lambda submission: submission.status == Status.NEW,
            ),
            Column("assigned_to", label="Assigned reviewer", accessor=assignee_text),
            Column("stage_summary", label="Stage summary", accessor=stage_summary),
            RepeatColumn("repeats", label="Other submissions", index_url=self.index_url),
        ]

    def get_inspect_url(self, instance):
        return reverse(self.inspect_url_name, args=(quote(instance.pk),))

    @cached_property
    def show_export_buttons(self):
        return bool(self.list_export) and self.user_has_permission("export")

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if self.purge_url_name and self.user_has_permission("purge"):
            buttons.append(
                Button(
                    "Purge expired submissions…",
                    url=reverse(self.purge_url_name),
                    icon_name="bin",
                    priority=200,
                )
            )
        return buttons

    def get_filename(self):
        return f"{self.export_filename}-{timezone.localdate():%Y-%m-%d}"

    def get(self, request, *args, **kwargs):
        if self.is_export:
            return self.export(request.GET["export"])
        return super().get(request, *args, **kwargs)

    def export(self, export_format):
        if not self.user_has_permission("export"):
            raise PermissionDenied
        if self.filters and not self.filters.is_valid():
            messages.error(self.request, "Some filters are not valid, so nothing was exported.")
            params = self.request.GET.copy()
            params.pop("export", None)
            return redirect(f"{self.index_url}?{params.urlencode()}")
        queryset = self.get_queryset()
        log_bulk_action(
            "screening.exported",
            user=self.request.user,
            label="Submissions export",
            data={
                "format": export_format,
                "rows": queryset.count(),
                "filters": self.filters.summary() if self.filters else {},
                # Whether a search narrowed the list; the search text may be a name or an
                # email address, so it is not recorded.
                "searched": self.is_searching,
                "ordering": self.ordering,
            },
        )
        return self.as_spreadsheet(queryset, export_format)

    def to_row_dict(self, item):
        answers = item.answers if isinstance(item.answers, dict) else {}
        row = {}
        for field in self.list_export:
            if field in QUESTIONS:
                row[field] = export_answer(answers.get(field))
            elif field == "assigned_to":
                row[field] = item.assigned_to.get_username() if item.assigned_to_id else ""
            else:
                row[field] = getattr(item, field)
        return row

    def iter_rows(self, queryset):
        # iterator(): rows are fetched and converted chunk by chunk, never all at once.
        for item in queryset.iterator(chunk_size=self.export_chunk_size):
            yield self.to_row_dict(item)

    def stream_csv(self, queryset):
        writer = csv.DictWriter(Echo(), fieldnames=self.list_export)
        yield writer.writerow(
            {field: self.get_heading(queryset, field) for field in self.list_export}
        )
        buffer = []
        for row in self.iter_rows(queryset):
            buffer.append(self.write_csv_row(writer, row))
            if len(buffer) >= self.csv_rows_per_chunk:
                yield b"".join(buffer)
                buffer = []
        if buffer:
            yield b"".join(buffer)

    def write_xlsx(self, queryset, output):
        from openpyxl import Workbook
        from wagtail.admin.views.mixins import ExcelDateFormatter

        workbook = Workbook(write_only=True, iso_dates=True)
        worksheet = workbook.create_sheet(title="Submissions")
        worksheet.append(self.get_heading(queryset, field) for field in self.list_export)
        date_format_ = ExcelDateFormatter().get()
        for row in self.iter_rows(queryset):
            worksheet.append(self.generate_xlsx_row(worksheet, row, date_format=date_format_))
        workbook.save(output)

    def write_xlsx_response(self, queryset):
        # A temporary file rather than an in-memory buffer: the workbook is streamed to the
        # client from disk and the file disappears when the response is closed.
        output = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes it
        self.write_xlsx(queryset, output)
        output.seek(0)
        return FileResponse(
            output,
            as_attachment=True,
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            filename=f"{self.get_filename()}.xlsx",
        )


# --- inspect and history -----------------------------------------------------------------


class SubmissionInspectView(PermissionFirstMixin, InspectView):
    any_permission_required = ["view", "change"]
    template_name = "screening/admin/inspect.html"
    page_title = "Submission"
    history_url_name = None
    inspect_url_name = None
    status_url_name = None
    assign_url_name = None
    note_url_name = None
    review_url_name = None
    reassess_url_name = None
    erase_url_name = None
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
        # Who opened which submission, once per page view, with no health data. Saved with
        # Django's own save(): Wagtail's log() runs full_clean(), which re-reads the content
        # type and the user this view already has (two queries on every page view).
        entry = ModelLogEntry(
            content_type=ContentType.objects.get_for_model(Submission),
            object_id=str(self.object.pk),
            label=str(self.object),
            action="screening.viewed",
            timestamp=timezone.now(),
            user=request.user,
            data={},
        )
        models.Model.save(entry)
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
            Button("History", url=self.url(self.history_url_name), icon_name="history", priority=10)
        ]
        if self.can_erase:
            buttons.append(
                Button("Erase…", url=self.url(self.erase_url_name), icon_name="bin", priority=30)
            )
        return buttons

    def answer_groups(self):
        answers = self.object.answers if isinstance(self.object.answers, dict) else {}
        groups = []
        for group in QUESTION_GROUPS:
            rows = []
            for key in group.keys:
                value = answers.get(key)
                if key in criteria.CONDITIONAL_KEYS and value in (None, "", [], ()):
                    continue  # not asked: nothing to show
                rows.append(
                    {
                        "key": key,
                        "question": QUESTIONS[key].staff_label,
                        "answer": criteria.answer_label(key, value),
                    }
                )
            groups.append({"slug": group.slug, "title": group.title, "rows": rows})
        return groups

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
            "reasons": self.reasons_for_display([r.as_dict() for r in assessment.reasons]),
            "differs": (str(assessment.outcome), assessment.score)
            != (submission.outcome, submission.score),
        }

    @staticmethod
    def reasons_for_display(reasons):
        labels = {
            Effect.FOR.value: "For",
            Effect.AGAINST.value: "Against",
            Effect.FLAG.value: "Flag",
        }
        return [
            {
                "effect": reason.get("effect"),
                "effect_label": labels.get(reason.get("effect"), reason.get("effect")),
                "text": reason.get("text", ""),
                "criterion": QUESTIONS[reason["criterion"]].staff_label
                if reason.get("criterion") in QUESTIONS
                else reason.get("criterion", ""),
            }
            for reason in reasons or ()
            if isinstance(reason, dict)
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        submission = self.object
        notes = list(submission.notes.select_related("author"))
        reassessments = list(submission.reassessments.select_related("created_by"))
        history = list(
            log_registry.get_logs_for_instance(submission)
            .exclude(action="screening.viewed")  # every view is in the full history
            .select_related("user")
            .order_by("-timestamp", "-pk")[: self.recent_history_size]
        )
        context.update(
            {
                "submission": submission,
                "outcome_label": outcome_label(submission.outcome),
                "outcome_full_label": outcome_full_label(submission.outcome),
                "stage_label": stage_label(submission.stage),
                "reasons": self.reasons_for_display(submission.reasons),
                "answer_groups": self.answer_groups(),
                "notes": notes,
                "reassessments": [
                    {
                        "object": r,
                        "outcome_label": outcome_label(r.outcome),
                        "reasons": self.reasons_for_display(r.reasons),
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
                    "status_form": StatusForm(current_status=submission.status),
                    "assign_form": AssignForm(initial={"assigned_to": submission.assigned_to_id}),
                    "note_form": NoteForm(),
                    "review_form": ReviewForm(submission=submission),
                    "review_url": self.url(self.review_url_name),
                    "status_url": self.url(self.status_url_name),
                    "assign_url": self.url(self.assign_url_name),
                    "note_url": self.url(self.note_url_name),
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


# --- review actions -----------------------------------------------------------------------


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


# --- privacy ------------------------------------------------------------------------------


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
