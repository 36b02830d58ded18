"""Submissions in FHIR for staff: one submission as a Bundle (from its page), and the
filtered list as NDJSON, one Bundle per line (an export, beside CSV and XLSX). Both carry
contact details and health data, so both are recorded in the audit log as exports."""

from __future__ import annotations

import json
import logging

from django.conf import settings
from django.contrib.admin.utils import unquote
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.views.generic import View
from wagtail.admin.views.generic.base import BaseObjectMixin

from screening import fhir
from screening.admin.access import PermissionFirstMixin
from screening.admin.inspect import record_access
from screening.admin.streaming import batched
from screening.models import Submission

logger = logging.getLogger(__name__)

NDJSON = "ndjson"


def as_json(resource: dict, **options) -> str:
    return json.dumps(resource, ensure_ascii=False, separators=(",", ":"), **options)


def check_in_debug(bundle: dict) -> None:
    """While developing (DEBUG), check the Bundle against the FHIR R4B models: a mistake in
    screening/fhir.py shows up in the log at once, without ever failing a request."""
    if not settings.DEBUG:
        return
    try:
        from fhir.resources.R4B.bundle import Bundle

        Bundle.model_validate(bundle)
    except Exception as error:
        logger.warning("FHIR Bundle does not validate: %s", type(error).__name__)


class SubmissionFhirView(PermissionFirstMixin, BaseObjectMixin, View):
    """GET: the submission as a FHIR Bundle (application/fhir+json), audited."""

    model = Submission
    permission_required = "view"
    http_method_names = ["get"]

    def get_object(self):
        return get_object_or_404(Submission, pk=unquote(str(self.pk)))

    def get(self, request, *args, **kwargs):
        submission = self.object
        bundle = fhir.submission_bundle(submission)
        check_in_debug(bundle)
        record_access(
            submission,
            "screening.exported",
            request.user,
            data={"format": "fhir", "rows": 1},
        )
        response = HttpResponse(as_json(bundle), content_type=f"{fhir.FHIR_JSON}; charset=utf-8")
        response["Content-Disposition"] = (
            f'attachment; filename="submission-{submission.reference}.fhir.json"'
        )
        response["Cache-Control"] = "no-store"
        return response


def ndjson_lines(rows):
    """One Bundle per line, for rows read in chunks."""
    for submission in rows:
        yield as_json(fhir.submission_bundle(submission)).encode() + b"\n"


def ndjson_response(rows, filename: str, lines_per_write: int = 200):
    response = StreamingHttpResponse(
        batched(ndjson_lines(rows), lines_per_write),
        content_type=f"{fhir.FHIR_NDJSON}; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.ndjson"'
    return response
