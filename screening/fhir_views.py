"""The public FHIR view: the current questionnaire as a FHIR Questionnaire. It holds
questions and codes only, no personal data, so anyone may read it."""

from __future__ import annotations

import json

from django.http import HttpResponse
from django.views.decorators.http import require_GET

from screening import fhir


@require_GET
def questionnaire_json(request):
    body = json.dumps(fhir.questionnaire(), ensure_ascii=False, indent=2)
    return HttpResponse(body, content_type=f"{fhir.FHIR_JSON}; charset=utf-8")
