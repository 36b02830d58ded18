"""The one migration of issue 15 encrypts rows stored before it, and can be undone."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from clinic_site import crypto

BEFORE = [("screening", "0003_screening_v2_referral")]
AFTER = [("screening", "0004_encrypt_patient_data")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_existing_plaintext_rows_are_encrypted_and_indexed():
    old_apps = migrate(BEFORE)
    Submission = old_apps.get_model("screening", "Submission")
    ReviewNote = old_apps.get_model("screening", "ReviewNote")
    old = Submission.objects.create(
        reference="HS-OLD1-ROWS",
        answers={"medical_conditions": ["blood_thinners"], "age": 40},
        outcome="refer",
        score=40,
        reasons=[{"criterion": "medical_conditions", "effect": "flag", "text": "x"}],
        criteria_version="v1",
        stage="early",
        has_medical_conditions=True,
        name="Olde Plaintext",
        email="Olde@Plain.example",
        phone="+44 7700 900111",
        preferred_contact="email",
        consent_text_version="v1",
        consent_health_data_at="2026-01-01T00:00:00Z",
        consent_contact_at="2026-01-01T00:00:00Z",
    )
    ReviewNote.objects.create(submission=old, text="old note about warfarin")
    try:
        after_apps = migrate(AFTER)
        with connection.cursor() as cursor:
            cursor.execute("SELECT answers, name, email, phone FROM screening_submission")
            raw = cursor.fetchone()
            cursor.execute("SELECT text FROM screening_reviewnote")
            raw += cursor.fetchone()
        assert all(value.startswith("gAAAA") for value in raw)
        assert "blood_thinners" not in repr(raw) and "Olde" not in repr(raw)

        # The models as they stand right after the migration (later migrations add columns).
        Current = after_apps.get_model("screening", "Submission")
        Note = after_apps.get_model("screening", "ReviewNote")
        row = Current.objects.get(reference="HS-OLD1-ROWS")
        assert row.answers == {"medical_conditions": ["blood_thinners"], "age": 40}
        assert (row.name, row.email, row.phone) == (
            "Olde Plaintext",
            "Olde@Plain.example",
            "+44 7700 900111",
        )
        assert row.email_index == crypto.email_index("olde@plain.example")
        assert Current.objects.filter(phone_index=crypto.phone_index("+447700900111")).exists()
        assert Note.objects.get().text == "old note about warfarin"

        # Undone, the rows are plain again.
        reverted = migrate(BEFORE).get_model("screening", "Submission").objects.get()
        assert reverted.name == "Olde Plaintext" and reverted.answers["age"] == 40
    finally:
        migrate([("screening", executor_leaf())])


def executor_leaf() -> str:
    executor = MigrationExecutor(connection)
    return max(name for app, name in executor.loader.graph.leaf_nodes() if app == "screening")
