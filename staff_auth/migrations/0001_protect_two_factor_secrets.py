"""Encrypt the authenticator keys and hash the backup codes stored before issue 15.

Irreversible by design: the backup codes cannot be recovered from their hashes (staff
keep using the codes they were shown; going back would need new codes).
"""

from django.db import migrations


def protect(apps, schema_editor):
    from staff_auth import otp_secrets

    TOTPDevice = apps.get_model("otp_totp", "TOTPDevice")
    StaticToken = apps.get_model("otp_static", "StaticToken")
    for device in TOTPDevice.objects.all().iterator():
        if not otp_secrets.is_encrypted_totp_key(device.key):
            TOTPDevice.objects.filter(pk=device.pk).update(
                key=otp_secrets.encrypt_totp_key(device.key)
            )
    for token in StaticToken.objects.all().iterator():
        if not (len(token.token) == 16 and token.token.startswith(otp_secrets.BACKUP_PREFIX)):
            StaticToken.objects.filter(pk=token.pk).update(
                token=otp_secrets.hash_backup_code(token.token)
            )


class Migration(migrations.Migration):
    dependencies = [
        ("otp_totp", "0003_add_timestamps"),
        ("otp_static", "0003_add_timestamps"),
    ]

    operations = [migrations.RunPython(protect, migrations.RunPython.noop)]
