"""Health data stays out of logs, URLs and task arguments."""

import logging
import re

import pytest
from django.core import mail
from django.urls import reverse

from screening.criteria import CURRENT, Kind
from screening.models import Submission
from tests.support.screening import as_post, step_url

# Unusual values, so any trace of them in a log line is unmistakable.
ANSWERS = {
    "warning_signs": ["scarred_or_shiny_skin"],
    "age": 47,
    "pattern_scale": "women",
    "hair_loss_pattern": "ludwig_2",
    "loss_duration": "5_10y",
    "loss_progression": "stable",
    "fine_hairs_in_thinning_areas": "some",
    "smooth_bald_areas": "small",
    "smooth_bald_years": "2_5",
    "medical_conditions": ["immunosuppressed", "anaesthetic_allergy"],
    "previous_treatments": ["prp", "low_level_laser"],
    "goal": "less_shedding",
    "open_to_transplant": "no",
    "other_health_factors": ["thyroid_condition", "menopause_or_hrt"],
    "recent_treatment_change": "not_sure",
    "wellbeing_impact": "a_lot",
}
CONTACT = {
    "name": "Philippa Zanzibar",
    "email": "pzanzibar@example.net",
    "phone": "+44 7700 900987",
    "preferred_contact": "phone",
}


def secrets_in(answers, contact):
    """Everything the patient told us, as it could appear in text."""
    found = {contact["name"], contact["email"], contact["phone"], *contact["name"].split()}
    found.add(contact["phone"].replace(" ", ""))
    for key, value in answers.items():
        question = CURRENT.question(key)
        if question.kind is Kind.INTEGER:
            continue
        for code in value if isinstance(value, list) else [value]:
            option = question.option(code)
            # Short generic codes ("no", "some") would match ordinary words.
            found.update(w for w in (code, option.label, option.staff_text) if len(w) > 4)
    return found


@pytest.fixture
def every_log_record(caplog):
    """Capture every record at DEBUG, including from loggers that do not propagate."""
    loggers = [logging.getLogger()] + [
        logger
        for logger in logging.root.manager.loggerDict.values()
        if isinstance(logger, logging.Logger)
    ]
    saved = [(logger, logger.level, logger.propagate, logger.disabled) for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.DEBUG)
        logger.propagate = True
        logger.disabled = False
    caplog.set_level(logging.DEBUG)
    yield caplog
    for logger, level, propagate, disabled in saved:
        logger.setLevel(level)
        logger.propagate = propagate
        logger.disabled = disabled


def test_a_whole_submission_logs_nothing_the_patient_told_us(
    patient, complete_questionnaire, every_log_record
):
    # A mistake on the way (an invalid email), then the full flow with both emails.
    patient.post(step_url("consent"), {"consent_health_data": "on", "consent_contact": "on"})
    bad = {**CONTACT, "email": "pzanzibar@@example"}
    patient.post(step_url("contact"), as_post(bad))
    response = complete_questionnaire(patient, ANSWERS, contact=CONTACT)
    assert response.status_code == 200
    assert len(mail.outbox) == 2
    assert Submission.objects.count() == 1

    records = every_log_record.records
    assert records, "the capture should at least see the submission being stored"
    text = "\n".join(f"{r.name} {r.getMessage()} {r.exc_text or ''} {r.args!r}" for r in records)
    for secret in secrets_in(ANSWERS, CONTACT) | {bad["email"]}:
        assert secret not in text, secret
    assert not re.search(r"\b47\b", text)


def test_no_address_carries_an_answer(patient, complete_questionnaire):
    response = complete_questionnaire(patient, ANSWERS, contact=CONTACT)
    urls = [url for url, _ in response.redirect_chain] + [response.request["PATH_INFO"]]
    for url in urls:
        for secret in secrets_in(ANSWERS, CONTACT):
            assert secret not in url
    assert reverse("screening:result") in urls
