"""The "check your answers" list: every answer in the patient's words, with a change link.

Grouped like the questionnaire, labels from ``criteria.py`` (through ``answer_label``),
so the page shows exactly the wording the patient chose from.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse

from screening.consent import CONSENTS
from screening.criteria import CURRENT, QUESTION_GROUPS, Kind, answer_label
from screening.flow import CONSENT_TIMESTAMP_KEYS, STEPS_BY_SLUG, Questionnaire, step_for_key
from screening.models import PreferredContact


@dataclass(frozen=True)
class Row:
    key: str
    question: str
    answers: list[str]
    change_url: str


@dataclass(frozen=True)
class Section:
    title: str
    rows: list[Row]


def change_url(step_slug: str, key: str) -> str:
    """Back to the step, in "change" mode (it returns here), scrolled to the question."""
    return f"{reverse('screening:step', args=[step_slug])}?change=1#div_id_{key}"


def _answer_rows(questionnaire: Questionnaire, keys) -> list[Row]:
    answers = questionnaire.answers
    rows = []
    for key in keys:
        if key not in answers:
            continue  # a follow-up question that was not asked
        question, value = CURRENT.question(key), answers[key]
        slug = step_for_key(key, answers).slug
        if question.kind is Kind.MULTIPLE:
            shown = [answer_label(key, [code], audience="patient") for code in value]
        else:
            shown = [answer_label(key, value, audience="patient")]
        rows.append(Row(key, question.label, shown, change_url(slug, key)))
    return rows


def _contact_rows(questionnaire: Questionnaire) -> list[Row]:
    contact = questionnaire.contact
    preferred = dict(PreferredContact.choices).get(contact.get("preferred_contact"), "")
    shown = {
        "name": ("Your name", contact.get("name", "")),
        "email": ("Email address", contact.get("email", "")),
        "phone": ("Phone number", contact.get("phone") or "Not given"),
        "preferred_contact": ("How we should contact you", preferred),
    }
    return [
        Row(key, label, [value], change_url("contact", key))
        for key, (label, value) in shown.items()
    ]


def _consent_rows(questionnaire: Questionnaire) -> list[Row]:
    consents = questionnaire.consents
    return [
        Row(
            text.field,
            text.label,
            ["Yes" if consents.get(CONSENT_TIMESTAMP_KEYS[text.field]) else "No"],
            change_url("consent", text.field),
        )
        for text in CONSENTS
    ]


def summary_sections(questionnaire: Questionnaire) -> list[Section]:
    sections = [
        Section(group.title, _answer_rows(questionnaire, group.keys)) for group in QUESTION_GROUPS
    ]
    sections.append(Section(STEPS_BY_SLUG["contact"].title, _contact_rows(questionnaire)))
    sections.append(Section(STEPS_BY_SLUG["consent"].title, _consent_rows(questionnaire)))
    return sections
