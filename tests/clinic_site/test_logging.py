"""Logs never carry passwords, contact details or request bodies."""

import logging
import sys
from unittest import mock

import pytest
from django.test import Client, override_settings
from django.utils.log import AdminEmailHandler

from clinic_site.log_filters import RedactPersonalDataFilter, redact
from tests.support.auth import STAFF_PASSWORD
from tests.support.security import capture_every_log, stdout_handler

PATIENT_EMAIL = "alice.patient@example.com"
PATIENT_PHONES = ["07700 900123", "07700900123", "+44 7700 900123"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("from alice.patient@example.com today", "from [email removed] today"),
        ("q=alice%40example.com&x=1", "q=[email removed]&x=1"),
        ("call +44 20 7946 0000 now", "call [phone removed] now"),
        ("mobile 07700 900123.", "mobile [phone removed]."),
        ("(020) 7946-0000", "[phone removed]"),
        ("GET /search/?q=07700%20900123 HTTP/1.1", "GET /search/?q=[phone removed] HTTP/1.1"),
        # Left alone: addresses, dates, UUIDs, status lines, small numbers.
        ("from 192.168.100.200", "from 192.168.100.200"),
        ("at 2025-11-25 20:05:00", "at 2025-11-25 20:05:00"),
        ("id 3f2a9c1e-1234-4567-8901-234567890abc", "id 3f2a9c1e-1234-4567-8901-234567890abc"),
        ('"GET / HTTP/1.1" 200 12345', '"GET / HTTP/1.1" 200 12345'),
    ],
)
def test_redact_removes_contact_details_and_keeps_operational_detail(text, expected):
    assert redact(text) == expected


def test_the_filter_redacts_arguments_and_exception_text():
    try:
        raise ValueError(f"could not save {PATIENT_EMAIL}")
    except ValueError:
        record = logging.LogRecord(
            "screening",
            logging.ERROR,
            __file__,
            1,
            "Saving for %s failed",
            ("07700 900123",),
            exc_info=sys.exc_info(),
        )
    assert RedactPersonalDataFilter().filter(record) is True
    formatted = logging.Formatter("%(message)s").format(record)
    assert "Saving for [phone removed] failed" in formatted
    assert "ValueError: could not save [email removed]" in formatted
    assert PATIENT_EMAIL not in formatted and "900123" not in formatted


def test_the_stdout_handler_redacts_and_no_handler_mails_error_reports():
    handler = stdout_handler()
    assert any(isinstance(f, RedactPersonalDataFilter) for f in handler.filters)
    assert handler in logging.getLogger("django").handlers
    every_logger = [logging.getLogger()] + [
        logging.getLogger(name) for name in logging.root.manager.loggerDict
    ]
    for logger in every_logger:
        for h in getattr(logger, "handlers", []):
            assert not isinstance(h, AdminEmailHandler), logger.name


@override_settings(AXES_ENABLED=True)
def test_login_failed_login_404_and_500_log_no_password_or_contact_details(site_tree, superuser):
    wrong_password = "wrong-but-secret-Passphrase-99"
    with capture_every_log() as (records, output):
        client = Client(raise_request_exception=False)
        client.post("/admin/login/", {"username": PATIENT_EMAIL, "password": wrong_password})
        client.post("/admin/login/", {"username": superuser.username, "password": STAFF_PASSWORD})
        client.get(f"/patients/{PATIENT_EMAIL}/call/07700900123/")
        failure = RuntimeError(f"answers of {PATIENT_EMAIL}, phone {PATIENT_PHONES[2]}")
        with mock.patch("content.models.HomePage.serve", side_effect=failure):
            assert client.get("/").status_code == 500

    raw_text = "\n".join(
        f"{r.getMessage()} {logging.Formatter().formatException(r.exc_info) if r.exc_info else ''}"
        for r in records
    )
    written = output.getvalue()
    # The scenario did log: the 404 and the 500 (with its traceback) reached the output.
    assert "Not Found" in written and "Internal Server Error" in written
    assert "Traceback" in written
    # Passwords are never logged, not even in raw records before the filter.
    for secret in (wrong_password, STAFF_PASSWORD):
        assert secret not in raw_text
        assert secret not in written
    # Contact details that slipped into a URL or exception text are redacted on output.
    assert PATIENT_EMAIL not in written
    for phone in PATIENT_PHONES:
        assert phone not in written
    assert "[email removed]" in written and "[phone removed]" in written
