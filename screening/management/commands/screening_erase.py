"""python manage.py screening_erase --reference REF | --email EMAIL [--dry-run]"""

from django.core.management.base import BaseCommand, CommandError

from clinic_site import crypto
from screening.models import Submission
from screening.privacy import erase_submissions


class Command(BaseCommand):
    help = (
        "Right to erasure: delete the submission with this reference, or every submission "
        "with this email address (any letter case), with its notes and re-assessments. "
        "Leaves one audit entry per submission without personal data. Prints counts only."
    )

    def add_arguments(self, parser):
        target = parser.add_mutually_exclusive_group(required=True)
        target.add_argument("--reference", help="A submission reference, e.g. HS-7K3M-Q9XT.")
        target.add_argument("--email", help="The patient's email address.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would be erased; erase nothing."
        )

    def handle(self, *args, reference, email, dry_run, **options):
        if reference is not None:
            reference = reference.strip().upper()
            if not reference:
                raise CommandError("--reference cannot be empty.")
            submissions = Submission.objects.filter(reference=reference)
        else:
            email = email.strip()
            if not email:
                raise CommandError("--email cannot be empty.")
            # Emails are encrypted: their keyed blind index finds every row (any case).
            submissions = Submission.objects.filter(email_index=crypto.email_index(email))

        count = submissions.count() if dry_run else erase_submissions(submissions, via="command")
        verb = "Would erase" if dry_run else "Erased"
        self.stdout.write(f"{verb} {count} submission{'' if count == 1 else 's'}.")
