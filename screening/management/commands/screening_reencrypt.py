"""python manage.py screening_reencrypt [--batch-size N] [--dry-run]

Rewrites every encrypted value that is not yet under the first FIELD_ENCRYPTION_KEYS key.
See README, "Keys and rotation".
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import TextField, Value
from django.db.models.functions import Cast

from clinic_site import crypto
from clinic_site.fields import EncryptedMixin
from screening.models import Reassessment, ReviewNote, Submission

MODELS = (Submission, ReviewNote, Reassessment)


def encrypted_fields(model) -> list[str]:
    return [f.name for f in model._meta.concrete_fields if isinstance(f, EncryptedMixin)]


def raw_values(queryset, fields):
    """The stored tokens as they are in the database (no decryption)."""
    annotations = {f"raw_{field}": Cast(field, output_field=TextField()) for field in fields}
    return queryset.annotate(**annotations).values_list("pk", *(f"raw_{field}" for field in fields))


class Command(BaseCommand):
    help = (
        "Re-encrypt every patient-data value under the first FIELD_ENCRYPTION_KEYS key, in "
        "batches. Safe while the site serves (each batch locks only its own rows, briefly) "
        "and resumable: a rerun skips what is already under the first key. Prints progress "
        "and counts, never data."
    )

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=500, help="Rows per transaction.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what needs rewriting; change nothing."
        )

    def handle(self, *args, batch_size, dry_run, **options):
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1.")
        try:
            crypto.encrypt("")
        except Exception as error:
            raise CommandError(str(error)) from None
        self.unreadable = 0
        total_rewritten = 0
        for model in MODELS:
            total_rewritten += self.reencrypt(model, batch_size, dry_run)
        total_rewritten += self.reencrypt_totp_keys(dry_run)
        total_rewritten += self.reencrypt_photo_files(dry_run)
        verb = "Would re-encrypt" if dry_run else "Re-encrypted"
        self.stdout.write(f"{verb} {total_rewritten} row{'' if total_rewritten == 1 else 's'}.")
        if self.unreadable:
            raise CommandError(
                f"{self.unreadable} value(s) could not be decrypted with any configured key: "
                "add the key they were written with to FIELD_ENCRYPTION_KEYS and run again."
            )

    def reencrypt(self, model, batch_size: int, dry_run: bool) -> int:
        fields = encrypted_fields(model)
        label = model._meta.verbose_name_plural
        total = model.objects.count()
        done = rewritten = 0
        last_pk = 0
        while True:
            with transaction.atomic():
                # Lock this batch's rows: a concurrent save waits a moment instead of being
                # overwritten with the value read here.
                pks = list(
                    model.objects.select_for_update()
                    .filter(pk__gt=last_pk)
                    .order_by("pk")
                    .values_list("pk", flat=True)[:batch_size]
                )
                if not pks:
                    break
                for pk, *tokens in raw_values(model.objects.filter(pk__in=pks), fields):
                    changes = {}
                    for field, token in zip(fields, tokens, strict=True):
                        if token is None or crypto.is_current(token):
                            continue
                        try:
                            changes[field] = Value(crypto.rotate(token), output_field=TextField())
                        except crypto.InvalidToken:
                            self.unreadable += 1
                    if changes:
                        rewritten += 1
                        if not dry_run:
                            model.objects.filter(pk=pk).update(**changes)
            last_pk = pks[-1]
            done += len(pks)
            self.progress(label, done, total)
        self.stdout.write(f"{label}: {rewritten} of {done} rewritten under the first key.")
        return rewritten

    def reencrypt_totp_keys(self, dry_run: bool) -> int:
        """Staff authenticator keys are encrypted under keys derived from the same list."""
        from django_otp.plugins.otp_totp.models import TOTPDevice

        from staff_auth import otp_secrets

        rewritten = 0
        for pk in TOTPDevice.objects.order_by("pk").values_list("pk", flat=True):
            with transaction.atomic():
                device = TOTPDevice.objects.select_for_update().filter(pk=pk).first()
                if device is None:
                    continue
                try:
                    if otp_secrets.totp_key_is_current(device.key):
                        continue
                    new_key = otp_secrets.reencrypt_totp_key(device.key)
                except crypto.InvalidToken:
                    self.unreadable += 1
                    continue
                rewritten += 1
                if not dry_run:
                    TOTPDevice.objects.filter(pk=pk).update(key=new_key)
        self.stdout.write(f"authenticator keys: {rewritten} rewritten under the first key.")
        return rewritten

    def reencrypt_photo_files(self, dry_run: bool) -> int:
        """Scalp photos (issue 16) are encrypted files in their own storage, one row each."""
        from screening import photos
        from screening.models import SubmissionPhoto

        rewritten = 0
        for pk in SubmissionPhoto.objects.order_by("pk").values_list("pk", flat=True):
            with transaction.atomic():
                photo = SubmissionPhoto.objects.select_for_update().filter(pk=pk).first()
                if photo is None:
                    continue
                files, unreadable = photos.reencrypt(photo, dry_run=dry_run)
                rewritten += files
                self.unreadable += unreadable
        self.stdout.write(f"photo files: {rewritten} rewritten under the first key.")
        return rewritten

    def progress(self, label: str, done: int, total: int) -> None:
        total = max(total, done)
        width = 30
        filled = width * done // total if total else width
        percent = 100 * done // total if total else 100
        self.stdout.write(
            f"{label}: [{'#' * filled}{'.' * (width - filled)}] {done}/{total} ({percent}%)"
        )
