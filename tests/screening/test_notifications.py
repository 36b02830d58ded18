"""Notification emails: what they say, what they never say, and what happens when mail fails."""

import re
import smtplib

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.urls import reverse
from django_tasks import task_backends

from content.site_settings import ClinicSettings
from screening import services
from screening.criteria import CURRENT, OUTCOMES, Kind
from screening.models import Submission
from screening.tasks import (
    NotificationNotSent,
    notify_staff_of_submission,
    send_patient_confirmation,
)
from tests.support.screening import CONTACT, REFER_ANSWERS

DUMMY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
FAILING_MAIL = "tests.screening.test_notifications.FailingMailBackend"


class FailingMailBackend(BaseEmailBackend):
    """An SMTP server that hangs up, quoting the recipient as real ones do."""

    def send_messages(self, messages):
        recipients = ", ".join(r for m in messages for r in m.recipients())
        raise smtplib.SMTPRecipientsRefused({recipients: (550, b"mailbox unavailable")})


def answer_words(answers):
    """Every code and patient/staff label of the given answers (longer than a few letters)."""
    words = set()
    for key, value in answers.items():
        question = CURRENT.question(key)
        if question.kind is Kind.INTEGER:
            continue
        for code in value if isinstance(value, list) else [value]:
            option = question.option(code)
            words.update({code, option.label, option.staff_text})
    return {word for word in words if len(word) > 4}


def outcome_words():
    words = set()
    for text in OUTCOMES.values():
        words.update({text.patient_heading, text.patient_summary[:40], text.staff_label})
    return words


def outcome_codes_in(body):
    return re.findall(r"\b(likely|possible|unlikely|refer)\b", body, flags=re.IGNORECASE)


def test_staff_get_the_reference_and_an_admin_link_only(patient, complete_questionnaire):
    complete_questionnaire(patient, REFER_ANSWERS)
    submission = Submission.objects.get()
    staff = next(m for m in mail.outbox if m.to == ["screening@northgate-clinic.example"])
    assert staff.subject == f"New pre-screening submission {submission.reference}"
    assert (
        f"http://127.0.0.1:8000/admin/screening/submissions/inspect/{submission.pk}/" in staff.body
    )
    everything = staff.subject + staff.body
    for personal in (CONTACT["name"], CONTACT["email"], CONTACT["phone"], "Annabel"):
        assert personal not in everything
    for word in answer_words(REFER_ANSWERS) | outcome_words():
        assert word not in everything, word
    assert not outcome_codes_in(everything)
    numbers = re.findall(r"\d+", everything.replace(submission.reference, ""))
    assert numbers == ["127", "0", "0", "1", "8000", str(submission.pk)]  # the link only


def test_the_patient_gets_a_confirmation_without_health_details(patient, complete_questionnaire):
    complete_questionnaire(patient, REFER_ANSWERS)
    submission = Submission.objects.get()
    confirmation = next(m for m in mail.outbox if m.to == [CONTACT["email"]])
    body = confirmation.subject + confirmation.body
    assert submission.reference in body
    assert "within 2 working days" in body
    assert "+44 20 7946 0000" in body  # how to reach the clinic
    assert "withdraw your consent" in body and "delete" in body
    assert confirmation.reply_to == ["hello@northgate-clinic.example"]
    for word in answer_words(REFER_ANSWERS) | outcome_words():
        assert word not in body, word
    assert not outcome_codes_in(body)
    for health_word in ("medical", "condition", "blood", "scar", "Norwood"):
        assert health_word.lower() not in body.lower()
    # Not even the name they typed: text of a stranger's choosing never goes out (issue 15).
    assert CONTACT["name"] not in body and "Annabel" not in body
    assert body.count("Hello,") == 1


def test_staff_mail_falls_back_to_the_setting_then_skips_quietly(
    patient, complete_questionnaire, settings, caplog
):
    ClinicSettings.objects.update(notification_email="")
    settings.SCREENING_STAFF_EMAIL = "reviewers@clinic.example"
    complete_questionnaire(patient)
    assert ["reviewers@clinic.example"] in [m.to for m in mail.outbox]

    mail.outbox.clear()
    settings.SCREENING_STAFF_EMAIL = ""
    browser = type(patient)()
    with caplog.at_level("WARNING", logger="screening"):
        complete_questionnaire(browser)
    assert [m.to for m in mail.outbox] == [[CONTACT["email"]]]
    warning = next(r for r in caplog.records if "No staff notification address" in r.getMessage())
    assert CONTACT["email"] not in warning.getMessage()


def test_tasks_are_queued_with_the_submission_id_only(patient, complete_questionnaire, settings):
    settings.TASKS = DUMMY_TASKS
    complete_questionnaire(patient)
    submission = Submission.objects.get()
    queued = task_backends["default"].results
    assert sorted(r.task.name for r in queued) == [
        "notify_staff_of_submission",
        "send_patient_confirmation",
    ]
    for result in queued:
        assert result.args == [submission.pk]
        assert result.kwargs == {}
    assert mail.outbox == []  # nothing is sent until a worker runs the tasks


def test_nothing_is_queued_before_the_submission_is_committed(db, settings):
    settings.TASKS = DUMMY_TASKS
    from tests.support.screening import finished_state

    services.submit(finished_state())  # inside the test's transaction: not committed
    assert task_backends["default"].results == []


def test_a_mail_failure_never_loses_or_blocks_the_submission(
    patient, complete_questionnaire, settings, caplog
):
    settings.EMAIL_BACKEND = FAILING_MAIL
    with caplog.at_level("DEBUG"):
        response = complete_questionnaire(patient)
    assert response.status_code == 200
    assert Submission.objects.get().reference in response.content.decode()
    warnings = [r.getMessage() for r in caplog.records if r.name == "screening.tasks"]
    assert len(warnings) == 2 and all("SMTPRecipientsRefused" in w for w in warnings)
    for record in caplog.records:
        assert CONTACT["email"] not in record.getMessage()
        assert CONTACT["email"] not in (caplog.text or "")


def test_a_queue_failure_never_loses_or_blocks_the_submission(
    patient, complete_questionnaire, monkeypatch
):
    def broken_enqueue(*args, **kwargs):
        raise ConnectionError("queue database unavailable")

    monkeypatch.setattr(type(notify_staff_of_submission), "enqueue", broken_enqueue)
    response = complete_questionnaire(patient)
    assert response.status_code == 200
    assert Submission.objects.count() == 1


@pytest.mark.parametrize("task", [notify_staff_of_submission, send_patient_confirmation])
def test_a_failed_email_is_retried_later_on_a_deferring_queue(site_tree, settings, task):
    settings.TASKS = DUMMY_TASKS
    settings.EMAIL_BACKEND = FAILING_MAIL
    settings.SCREENING_EMAIL_RETRY_DELAYS = (60, 600)
    from tests.support.screening import finished_state

    submission = services.submit(finished_state())
    assert task.call(submission.pk) == "retry scheduled"
    (retry,) = task_backends["default"].results
    assert retry.task.name == task.name
    assert retry.args == [submission.pk]
    assert retry.kwargs == {"attempt": 2}
    assert 55 <= (retry.task.run_after - retry.enqueued_at).total_seconds() <= 65
    assert task.call(submission.pk, attempt=2) == "retry scheduled"
    assert task_backends["default"].results[-1].kwargs == {"attempt": 3}
    with pytest.raises(NotificationNotSent) as gave_up:
        task.call(submission.pk, attempt=3)
    assert CONTACT["email"] not in str(gave_up.value)
    assert gave_up.value.__suppress_context__  # the SMTP error (with the address) is not shown


def test_a_retry_that_succeeds_sends_the_email(site_tree):
    from tests.support.screening import finished_state

    submission = services.submit(finished_state())
    assert send_patient_confirmation.call(submission.pk, attempt=3) == "sent"
    assert mail.outbox[0].to == [CONTACT["email"]]


def test_an_erased_submission_gets_no_email(db):
    assert notify_staff_of_submission.call(987654) == "skipped"
    assert send_patient_confirmation.call(987654) == "skipped"
    assert mail.outbox == []


def test_the_result_page_names_the_contact_time_setting(patient, complete_questionnaire, settings):
    settings.SCREENING_CONTACT_WITHIN = "one working day"
    complete_questionnaire(patient)
    page = patient.get(reverse("screening:result")).content.decode()
    assert "within one working day" in page
    assert any("within one working day" in m.body for m in mail.outbox)
