"""The exports of the filtered submissions list: CSV and XLSX on Wagtail's public
``SpreadsheetExportMixin`` (which the generic ``IndexView`` already is), each streamed
row by row from a chunked queryset and recorded in the audit log without personal data."""

from __future__ import annotations

import datetime
import tempfile

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, StreamingHttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.functional import cached_property
from wagtail.admin import messages
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.admin.widgets.button import Button

from screening.admin.fhir import NDJSON, ndjson_response
from screening.admin.streaming import ChunkedRows, batched
from screening.criteria import QUESTIONS
from screening.privacy import log_bulk_action

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


class SubmissionExportMixin:
    """For the submissions IndexView: ``?export=csv|xlsx|ndjson`` of what the filters, search and
    ordering select. Only public ``SpreadsheetExportMixin`` methods are overridden."""

    # FHIR NDJSON (one Bundle per submission per line) beside Wagtail's CSV and XLSX.
    FORMATS = (*SpreadsheetExportMixin.FORMATS, NDJSON)
    list_export = EXPORT_FIELDS
    export_headings = {field: field for field in EXPORT_FIELDS}
    export_filename = "screening-submissions"
    export_chunk_size = 2000
    # Rows per write when streaming CSV: fewer, larger writes, still a small buffer.
    csv_rows_per_chunk = 500

    # CSV only: in XLSX, Wagtail already stores such text as a string cell, never a formula.
    custom_field_preprocess = {field: {"csv": neutralise_formula} for field in PATIENT_TEXT_FIELDS}
    custom_value_preprocess = {
        **SpreadsheetExportMixin.custom_value_preprocess,
        # CSV: ISO 8601 in the clinic's time zone, with the offset, so it is unambiguous.
        datetime.datetime: {
            **SpreadsheetExportMixin.custom_value_preprocess[datetime.datetime],
            "csv": lambda value: timezone.localtime(value).isoformat(),
        },
    }

    def get_filename(self):
        return f"{self.export_filename}-{timezone.localdate():%Y-%m-%d}"

    def export_refusal(self):
        """A response when the export may not run (no permission: 403; invalid filters:
        back to the list with a message), or None."""
        if not self.user_has_permission("export"):
            raise PermissionDenied
        if self.filters and not self.filters.is_valid():
            messages.error(self.request, "Some filters are not valid, so nothing was exported.")
            params = self.request.GET.copy()
            params.pop("export", None)
            return redirect(f"{self.index_url}?{params.urlencode()}")
        return None

    def log_export(self, queryset, export_format: str) -> None:
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

    def export(self, export_format):
        refusal = self.export_refusal()
        if refusal is not None:
            return refusal
        queryset = self.get_queryset()
        self.log_export(queryset, export_format)
        return self.as_spreadsheet(ChunkedRows(queryset, self.export_chunk_size), export_format)

    def as_spreadsheet(self, queryset, spreadsheet_format):
        if spreadsheet_format == NDJSON:
            return ndjson_response(queryset, f"{self.get_filename()}.fhir")
        return super().as_spreadsheet(queryset, spreadsheet_format)

    @property
    def ndjson_export_url(self):
        return self.get_export_url(NDJSON)

    @cached_property
    def show_export_buttons(self):
        return bool(self.list_export) and self.user_has_permission("export")

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if self.show_export_buttons:
            buttons.append(
                Button(
                    "Download FHIR (NDJSON)",
                    url=self.ndjson_export_url,
                    icon_name="download",
                    priority=110,
                )
            )
        return buttons

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

    def write_csv_response(self, queryset):
        response = StreamingHttpResponse(
            batched(self.stream_csv(queryset), self.csv_rows_per_chunk),
            content_type="text/csv; charset=utf-8",
        )
        response["Content-Disposition"] = f'attachment; filename="{self.get_filename()}.csv"'
        return response

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
