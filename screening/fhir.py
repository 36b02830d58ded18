"""The questionnaire and its submissions in FHIR R4B (4.3; the same as R4 for these
resources), for the clinic's booking system or EHR (issue 18, item 5).

Built as plain dicts from the rule sets and the stored submission, so the site needs no
FHIR library at run time; the tests validate every document with ``fhir.resources.R4B``.

- ``questionnaire(rules)``: a ``Questionnaire`` for a criteria version. Canonical URL
  ``<site>/screening/questionnaire.json``, ``version`` = the criteria version, one item per
  answer key (linkId = the contract's key), answer options coded with the contract's codes,
  ``enableWhen`` for the questions asked only after some answers.
- ``submission_bundle(submission)``: a ``Bundle`` (type ``collection``) of the ``Patient``
  (name and contact details), the ``QuestionnaireResponse`` (answers as codings of the
  stored codes, pointing at ``canonical|criteria_version``) and the ``RiskAssessment``
  (outcome as ``prediction.qualitativeRisk``, the score, the reasons as notes, the
  criteria version as ``method``).
"""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from screening.rules import CURRENT, rule_set
from screening.rules.base import REFERRAL_LABELS, Kind, Question, Referral, RuleSet

FHIR_JSON = "application/fhir+json"
FHIR_NDJSON = "application/fhir+ndjson"
QUESTIONNAIRE_NAME = "HairRestorationPreScreening"
EXTENSION_MIN = "http://hl7.org/fhir/StructureDefinition/minValue"
EXTENSION_MAX = "http://hl7.org/fhir/StructureDefinition/maxValue"


def base_url() -> str:
    """The site's address, without a trailing slash: the root of every canonical URL."""
    return str(settings.WAGTAILADMIN_BASE_URL).rstrip("/")


def canonical_url() -> str:
    return f"{base_url()}{reverse('screening:questionnaire_json')}"


def code_system(name: str) -> str:
    """The code system of one answer key's codes (or of the outcomes, referrals...)."""
    return f"{base_url()}/fhir/CodeSystem/screening-{name.replace('_', '-')}"


def rules_for_version(version: str) -> RuleSet:
    try:
        return rule_set(version)
    except ValueError:
        return CURRENT


def _questions(rules: RuleSet) -> list[Question]:
    """Every question the questionnaire asks, once, in the order it asks them."""
    seen: dict[str, Question] = {}
    for step in rules.steps:
        for key in step.keys:
            if key not in seen:
                seen[key] = rules.question(key)
    for key, question in rules.questions.items():  # none is left out, asked or not
        seen.setdefault(key, question)
    return list(seen.values())


def _coding(question: Question, code: str) -> dict[str, str]:
    try:
        display = question.option(code).label
    except KeyError:
        display = code
    return {"system": code_system(question.key), "code": code, "display": display}


def _item(rules: RuleSet, question: Question) -> dict[str, Any]:
    item: dict[str, Any] = {
        "linkId": question.key,
        "text": question.label,
        "required": question.key not in rules.conditional_keys,
    }
    if question.kind is Kind.INTEGER:
        item["type"] = "integer"
        extensions = []
        if question.min_value is not None:
            extensions.append({"url": EXTENSION_MIN, "valueInteger": question.min_value})
        if question.max_value is not None:
            extensions.append({"url": EXTENSION_MAX, "valueInteger": question.max_value})
        if extensions:
            item["extension"] = extensions
    else:
        item["type"] = "choice"
        item["repeats"] = question.kind is Kind.MULTIPLE
        item["answerOption"] = [{"valueCoding": _coding(question, code)} for code in question.codes]
    if question.key in rules.conditional_keys:
        depends_on, codes = rules.conditional_keys[question.key]
        trigger = rules.question(depends_on)
        item["enableWhen"] = [
            {"question": depends_on, "operator": "=", "answerCoding": _coding(trigger, code)}
            for code in trigger.codes
            if code in codes
        ]
        item["enableBehavior"] = "any"
    return item


def questionnaire(rules: RuleSet = CURRENT) -> dict[str, Any]:
    return {
        "resourceType": "Questionnaire",
        "id": "hair-prescreening",
        "url": canonical_url(),
        "version": rules.version,
        "name": QUESTIONNAIRE_NAME,
        "title": "Hair restoration candidacy pre-screening",
        "status": "active",
        "subjectType": ["Patient"],
        "publisher": settings.WAGTAIL_SITE_NAME,
        "description": (
            "Questions a clinician reviews before a consultation about regenerative hair "
            "therapy. Answers are coded with the codes of the clinic's screening contract."
        ),
        "item": [_item(rules, question) for question in _questions(rules)],
    }


# --- a submission ---------------------------------------------------------------------


def _urn(submission, kind: str) -> str:
    """A stable ``urn:uuid`` for one resource of one submission, so entries refer to each
    other within the Bundle and the same submission always gives the same ids."""
    return "urn:uuid:" + str(
        uuid.uuid5(uuid.NAMESPACE_URL, f"{canonical_url()}#{submission.reference}/{kind}")
    )


def _identifier(submission) -> dict[str, str]:
    return {
        "system": f"{base_url()}/fhir/NamingSystem/screening-reference",
        "value": submission.reference,
    }


def _instant(moment) -> str:
    return timezone.localtime(moment).isoformat(timespec="seconds")


def patient(submission) -> dict[str, Any]:
    telecom = []
    preferred = submission.preferred_contact
    if submission.email:
        telecom.append({"system": "email", "value": submission.email, "use": "home"})
    if submission.phone:
        telecom.append({"system": "phone", "value": submission.phone, "use": "mobile"})
    for contact in telecom:
        if contact["system"] == preferred:
            contact["rank"] = 1
    resource: dict[str, Any] = {"resourceType": "Patient", "identifier": [_identifier(submission)]}
    if submission.name:
        resource["name"] = [{"text": submission.name}]
    if telecom:
        resource["telecom"] = telecom
    return resource


def _answers(question: Question, value) -> list[dict[str, Any]]:
    if value in (None, "", [], ()):
        return []
    if question.kind is Kind.INTEGER:
        return [{"valueInteger": int(value)}]
    codes = value if isinstance(value, list | tuple) else [value]
    return [{"valueCoding": _coding(question, str(code))} for code in codes]


def questionnaire_response(submission) -> dict[str, Any]:
    rules = rules_for_version(submission.criteria_version)
    answers = submission.answers if isinstance(submission.answers, dict) else {}
    items = []
    for question in _questions(rules):
        answer = _answers(question, answers.get(question.key))
        if answer:
            items.append({"linkId": question.key, "text": question.label, "answer": answer})
    return {
        "resourceType": "QuestionnaireResponse",
        "identifier": _identifier(submission),
        "questionnaire": f"{canonical_url()}|{submission.criteria_version}",
        "status": "completed",
        "subject": {"reference": _urn(submission, "Patient")},
        "authored": _instant(submission.created_at),
        "item": items,
    }


def risk_assessment(submission) -> dict[str, Any]:
    rules = rules_for_version(submission.criteria_version)
    try:
        outcome_text = rules.outcomes[submission.outcome].staff_label
    except KeyError:
        outcome_text = submission.outcome
    referrals = []
    for kind in (submission.referral or "").split():
        try:
            referrals.append(REFERRAL_LABELS[Referral(kind)])
        except ValueError:
            referrals.append(kind)
    prediction: dict[str, Any] = {
        "qualitativeRisk": {
            "coding": [
                {
                    "system": code_system("outcome"),
                    "code": submission.outcome,
                    "display": outcome_text,
                }
            ],
            "text": outcome_text,
        },
        "extension": [
            {
                "url": f"{base_url()}/fhir/StructureDefinition/screening-score",
                "valueInteger": submission.score,
            }
        ],
    }
    if referrals:
        prediction["rationale"] = "Referral: " + "; ".join(referrals)
    notes = [
        {"text": f"{str(reason.get('effect', '')).capitalize()}: {reason.get('text', '')}"}
        for reason in submission.reasons or ()
        if isinstance(reason, dict)
    ]
    resource: dict[str, Any] = {
        "resourceType": "RiskAssessment",
        "identifier": [_identifier(submission)],
        "status": "final",
        "method": {
            "coding": [
                {"system": code_system("criteria-version"), "code": submission.criteria_version}
            ],
            "text": f"Pre-screening criteria version {submission.criteria_version}",
        },
        "subject": {"reference": _urn(submission, "Patient")},
        "occurrenceDateTime": _instant(submission.created_at),
        "basis": [{"reference": _urn(submission, "QuestionnaireResponse")}],
        "prediction": [prediction],
    }
    if notes:
        resource["note"] = notes
    return resource


def submission_bundle(submission) -> dict[str, Any]:
    resources = {
        "Patient": patient(submission),
        "QuestionnaireResponse": questionnaire_response(submission),
        "RiskAssessment": risk_assessment(submission),
    }
    return {
        "resourceType": "Bundle",
        "identifier": _identifier(submission),
        "type": "collection",
        "timestamp": _instant(timezone.now()),
        "entry": [
            {"fullUrl": _urn(submission, kind), "resource": resource}
            for kind, resource in resources.items()
        ],
    }
