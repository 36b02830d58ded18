"""Patient data encrypted at rest (issue 15), existing rows included.

1. Blind-index columns for email and phone.
2. The patient-data columns become plain text (JSON documents keep their JSON text).
3. Every existing row is encrypted under the first FIELD_ENCRYPTION_KEYS key and its blind
   indexes are computed (in batches; already-encrypted values are left alone, so a rerun
   after an interruption carries on).
4. The columns are declared as encrypted fields (no database change: still text).

Reversible: going back decrypts the rows into plain text/JSON again.
"""


from django.db import migrations, models

import clinic_site.fields

ENCRYPTED = {
    "submission": ("answers", "reasons", "name", "email", "phone"),
    "reviewnote": ("text",),
    "reassessment": ("reasons",),
}
BATCH = 500


def _is_token(value: str) -> bool:
    from clinic_site import crypto

    try:
        crypto.decrypt(value)
    except (crypto.InvalidToken, UnicodeDecodeError, ValueError):
        return False
    return True


def _batches(model):
    last = 0
    while True:
        rows = list(model.objects.filter(pk__gt=last).order_by("pk")[:BATCH])
        if not rows:
            return
        yield rows
        last = rows[-1].pk


def encrypt_rows(apps, schema_editor):
    from clinic_site import crypto

    for model_name, fields in ENCRYPTED.items():
        model = apps.get_model("screening", model_name)
        for rows in _batches(model):
            for row in rows:
                changed = {}
                for field in fields:
                    value = getattr(row, field)
                    if value is None or _is_token(value):
                        continue
                    changed[field] = crypto.encrypt(value)
                if model_name == "submission":
                    email = crypto.decrypt(changed.get("email") or row.email)
                    phone = crypto.decrypt(changed.get("phone") or row.phone)
                    changed["email_index"] = crypto.email_index(email)
                    changed["phone_index"] = crypto.phone_index(phone)
                if changed:
                    model.objects.filter(pk=row.pk).update(**changed)


def decrypt_rows(apps, schema_editor):
    from clinic_site import crypto

    for model_name, fields in ENCRYPTED.items():
        model = apps.get_model("screening", model_name)
        for rows in _batches(model):
            for row in rows:
                changed = {
                    field: crypto.decrypt(getattr(row, field))
                    for field in fields
                    if getattr(row, field) is not None and _is_token(getattr(row, field))
                }
                if changed:
                    model.objects.filter(pk=row.pk).update(**changed)




class Migration(migrations.Migration):
    dependencies = [
        ("screening", "0003_screening_v2_referral"),
    ]

    operations = [
        migrations.AddField(
            model_name="submission",
            name="email_index",
            field=models.CharField(db_index=True, default="", editable=False, max_length=64),
        ),
        migrations.AddField(
            model_name="submission",
            name="phone_index",
            field=models.CharField(
                blank=True, db_index=True, default="", editable=False, max_length=64
            ),
        ),
        # Plain text first, so the data step reads and writes the raw column values.
        *(
            migrations.AlterField(
                model_name=model_name, name=field, field=models.TextField(blank=True)
            )
            for model_name, fields in ENCRYPTED.items()
            for field in fields
        ),
        migrations.RunPython(encrypt_rows, decrypt_rows, elidable=False),
        migrations.AlterField(
            model_name="reassessment",
            name="reasons",
            field=clinic_site.fields.EncryptedJSONField(default=list),
        ),
        migrations.AlterField(
            model_name="reviewnote",
            name="text",
            field=clinic_site.fields.EncryptedTextField(max_length=4000),
        ),
        migrations.AlterField(
            model_name="submission",
            name="answers",
            field=clinic_site.fields.EncryptedJSONField(
                help_text="The patient's answers: contract keys and codes."
            ),
        ),
        migrations.AlterField(
            model_name="submission",
            name="email",
            field=clinic_site.fields.EncryptedTextField(max_length=254),
        ),
        migrations.AlterField(
            model_name="submission",
            name="name",
            field=clinic_site.fields.EncryptedTextField(max_length=120),
        ),
        migrations.AlterField(
            model_name="submission",
            name="phone",
            field=clinic_site.fields.EncryptedTextField(blank=True, max_length=32),
        ),
        migrations.AlterField(
            model_name="submission",
            name="reasons",
            field=clinic_site.fields.EncryptedJSONField(default=list),
        ),
    ]
