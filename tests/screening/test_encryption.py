"""Patient data at rest (issue 15): a database dump shows none of it, staff still read it,
keys rotate without losing a row, and the deployment refuses unsafe keys."""

import base64
import zlib
from io import StringIO
from unittest import mock

import pytest
from cryptography.fernet import Fernet
from django.core.checks import run_checks
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import override_settings
from django.urls import reverse

from clinic_site import crypto
from screening.models import Reassessment, ReviewNote, Submission
from tests.support.screening import REFER_ANSWERS, post_steps
from tests.support.staff import admin_url, client_for

DISTINCTIVE_CONTACT = {
    "name": "Zebulon Quaxworthy",
    "email": "Zebulon.Quaxworthy@dump-test.example",
    "phone": "+44 7700 900987",
    "preferred_contact": "phone",
}
NOTE = "Quaxworthy mentioned warfarin on the phone"
SECRETS = [
    "Zebulon",
    "Quaxworthy",
    "zebulon.quaxworthy",
    "dump-test.example",
    "7700 900987",
    "7700900987",
    "blood_thinners",
    "keloid_scarring",
    "warfarin",
]


def _readable_forms(text: str) -> list[str]:
    """The text, plus what a dump reader would get by un-base64-ing Django's signed data."""
    forms = [text]
    for part in text.replace(":", " ").replace(".", " ").split():
        padded = part + "=" * (-len(part) % 4)
        try:
            raw = base64.urlsafe_b64decode(padded)
        except ValueError:
            continue
        for candidate in (raw, _inflate(raw)):
            if candidate:
                forms.append(candidate.decode("utf-8", "replace"))
    return forms


def _inflate(raw: bytes) -> bytes | None:
    try:
        return zlib.decompress(raw)
    except zlib.error:
        return None


def database_dump() -> str:
    """Every value of every table, as a dump or a backup would hold them."""
    chunks = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            for row in cursor.fetchall():
                for value in row:
                    if value is None:
                        continue
                    if isinstance(value, bytes | memoryview):
                        value = bytes(value).decode("utf-8", "replace")
                    chunks.extend(_readable_forms(str(value)))
    return "\n".join(chunks).casefold()


def assert_nothing_readable(dump: str) -> None:
    found = [secret for secret in SECRETS if secret.casefold() in dump]
    assert found == []


def test_a_dump_after_a_full_walk_shows_no_patient_data_and_staff_see_it_all(
    patient, reviewer, django_capture_on_commit_callbacks
):
    post_steps(patient, REFER_ANSWERS, contact=DISTINCTIVE_CONTACT)
    # In progress: the answers and contact details sit in the session.
    assert "django_session" in connection.introspection.table_names()
    assert_nothing_readable(database_dump())

    with django_capture_on_commit_callbacks(execute=True):
        assert patient.post(reverse("screening:submit"))["Location"] == reverse("screening:result")
    submission = Submission.objects.get()
    staff = client_for(reviewer)
    staff.post(admin_url("note", submission.pk), {"text": NOTE})
    staff.post(admin_url("reassess", submission.pk))
    page = staff.get(admin_url("inspect", submission.pk)).content.decode()
    export = b"".join(staff.get(admin_url("index") + "?export=csv").streaming_content).decode()
    assert_nothing_readable(database_dump())

    # Staff read everything, decrypted.
    for shown in ("Zebulon Quaxworthy", DISTINCTIVE_CONTACT["email"], "+44 7700 900987", NOTE):
        assert shown in page
    assert "Anticoagulant or antiplatelet medicine" in page  # blood_thinners, decrypted
    assert "blood_thinners" in export and "Zebulon Quaxworthy" in export
    # And they find the patient by exact email or phone, not by name.
    found = staff.get(admin_url("index") + "?q=zebulon.quaxworthy%40DUMP-TEST.example")
    assert submission.reference in found.content.decode()
    found = staff.get(admin_url("index") + "?q=07700900987")
    assert submission.reference not in found.content.decode()  # another way of writing it
    found = staff.get(admin_url("index") + "?q=%2B447700900987")
    assert submission.reference in found.content.decode()


def test_encrypted_columns_refuse_lookups_that_could_only_match_nothing(make_submission):
    from django.core.exceptions import FieldError

    make_submission()
    with pytest.raises(FieldError, match="encrypted"):
        Submission.objects.filter(email__iexact="a@b.example").count()
    assert Submission.objects.filter(phone__isnull=False).count() == 1


# --- key rotation ---------------------------------------------------------------------

OLD_KEY = Fernet.generate_key().decode()
NEW_KEY = Fernet.generate_key().decode()


def _rows_with_notes(make_submission, reviewer, count):
    made = []
    for number in range(count):
        submission = make_submission(name=f"Patient {number}", email=f"p{number}@rot.example")
        ReviewNote.objects.create(submission=submission, author=reviewer, text=f"note {number}")
        Reassessment.objects.create(
            submission=submission,
            outcome="likely",
            score=50,
            criteria_version="old",
            reasons=[{"criterion": "age", "effect": "for", "text": f"r{number}"}],
        )
        made.append(submission)
    return made


def everything_readable() -> list:
    return [
        *Submission.objects.order_by("pk").values_list("name", "email", "phone", "answers"),
        *ReviewNote.objects.order_by("pk").values_list("text", flat=True),
        *Reassessment.objects.order_by("pk").values_list("reasons", flat=True),
    ]


def raw_tokens() -> list[str]:
    with connection.cursor() as cursor:
        tokens = []
        for table, columns in (
            ("screening_submission", "name, email, phone, answers, reasons"),
            ("screening_reviewnote", "text"),
            ("screening_reassessment", "reasons"),
        ):
            cursor.execute(f"SELECT {columns} FROM {table}")  # noqa: S608
            tokens.extend(value for row in cursor.fetchall() for value in row)
    return tokens


def test_rotation_new_key_first_then_reencrypt_then_only_the_new_key(make_submission, reviewer):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    with override_settings(FIELD_ENCRYPTION_KEYS=[OLD_KEY]):
        _rows_with_notes(make_submission, reviewer, 5)
        before = everything_readable()
        authenticator = TOTPDevice.objects.create(user=reviewer, name="phone")
        secret = TOTPDevice.objects.get().bin_key

    with override_settings(FIELD_ENCRYPTION_KEYS=[NEW_KEY, OLD_KEY]):
        assert everything_readable() == before  # both keys: every row reads
        out = StringIO()
        call_command("screening_reencrypt", "--batch-size", "2", stdout=out)
        assert "5/5 (100%)" in out.getvalue()
        assert "Re-encrypted 16 rows." in out.getvalue()  # 5 + 5 notes + 5 + 1 authenticator
        again = StringIO()
        call_command("screening_reencrypt", stdout=again)
        assert "Re-encrypted 0 rows." in again.getvalue()

    with override_settings(FIELD_ENCRYPTION_KEYS=[NEW_KEY]):
        assert everything_readable() == before
        assert all(crypto.is_current(token) for token in raw_tokens())
        assert TOTPDevice.objects.get(pk=authenticator.pk).bin_key == secret


def test_an_interrupted_reencrypt_loses_nothing_and_a_rerun_finishes(make_submission, reviewer):
    with override_settings(FIELD_ENCRYPTION_KEYS=[OLD_KEY]):
        _rows_with_notes(make_submission, reviewer, 5)
        before = everything_readable()

    with override_settings(FIELD_ENCRYPTION_KEYS=[NEW_KEY, OLD_KEY]):
        real_rotate = crypto.rotate
        calls = []

        def failing_rotate(token):
            calls.append(token)
            if len(calls) > 12:  # part-way through the third batch of submissions
                raise RuntimeError("simulated crash")
            return real_rotate(token)

        with (
            mock.patch("clinic_site.crypto.rotate", side_effect=failing_rotate),
            pytest.raises(RuntimeError, match="simulated crash"),
        ):
            call_command("screening_reencrypt", "--batch-size", "1", stdout=StringIO())
        current = [crypto.is_current(token) for token in raw_tokens()]
        assert any(current) and not all(current)  # stopped half-way
        assert everything_readable() == before

        out = StringIO()
        call_command("screening_reencrypt", "--batch-size", "2", stdout=out)
        # Only what the first run had not done yet.
        assert "Re-encrypted 13 rows." in out.getvalue()

    with override_settings(FIELD_ENCRYPTION_KEYS=[NEW_KEY]):
        assert everything_readable() == before


def test_values_under_a_lost_key_are_reported_not_silently_skipped(make_submission):
    with override_settings(FIELD_ENCRYPTION_KEYS=[OLD_KEY]):
        make_submission()
    with (
        override_settings(FIELD_ENCRYPTION_KEYS=[NEW_KEY]),
        pytest.raises(CommandError, match="could not be decrypted"),
    ):
        call_command("screening_reencrypt", stdout=StringIO())


def test_erasure_by_email_finds_every_row_through_the_blind_index(make_submission):
    keep = make_submission(email="someone.else@mail.example")
    make_submission(email="Twice@Mail.example")
    make_submission(email="twice@mail.example ")
    out = StringIO()
    call_command("screening_erase", "--email", "TWICE@mail.EXAMPLE", stdout=out)
    assert "Erased 2 submissions." in out.getvalue()
    assert list(Submission.objects.values_list("pk", flat=True)) == [keep.pk]


def test_blind_indexes_depend_on_the_secret(make_submission):
    submission = make_submission(email="same@mail.example")
    with override_settings(BLIND_INDEX_KEY="another-secret-of-at-least-32-characters!"):
        assert crypto.email_index("same@mail.example") != submission.email_index
    assert crypto.email_index(" SAME@mail.example") == submission.email_index


# --- deployment checks ------------------------------------------------------------------


def check_ids() -> set[str]:
    return {message.id for message in run_checks(include_deployment_checks=True)}


@pytest.mark.parametrize(
    ("settings_", "error"),
    [
        ({"FIELD_ENCRYPTION_KEYS": []}, "clinic_site.E001"),
        ({"FIELD_ENCRYPTION_KEYS": [crypto.DEVELOPMENT_FIELD_ENCRYPTION_KEY]}, "clinic_site.E001"),
        ({"FIELD_ENCRYPTION_KEYS": ["not-a-fernet-key"]}, "clinic_site.E001"),
        ({"BLIND_INDEX_KEY": ""}, "clinic_site.E002"),
        ({"BLIND_INDEX_KEY": "short"}, "clinic_site.E002"),
        ({"BLIND_INDEX_KEY": crypto.DEVELOPMENT_BLIND_INDEX_KEY}, "clinic_site.E002"),
    ],
)
def test_check_deploy_refuses_missing_or_development_keys(db, settings_, error):
    good = {
        "FIELD_ENCRYPTION_KEYS": [NEW_KEY, OLD_KEY],
        "BLIND_INDEX_KEY": "a-real-secret-of-more-than-32-characters",
    }
    with override_settings(**good):
        ids = check_ids()
        assert "clinic_site.E001" not in ids and "clinic_site.E002" not in ids
    with override_settings(**{**good, **settings_}):
        assert error in check_ids()
