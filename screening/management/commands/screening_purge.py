"""python manage.py screening_purge [--older-than DAYS] [--dry-run]"""

from django.core.management.base import BaseCommand, CommandError

from screening.privacy import expired_counts, purge_expired, retention_days


class Command(BaseCommand):
    help = (
        "Delete screening submissions received more than DAYS days ago (default: "
        "SCREENING_RETENTION_DAYS, 365) whose status is closed, not_suitable or withdrawn. "
        "Prints counts only; writes one audit entry per run."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than",
            type=int,
            default=None,
            metavar="DAYS",
            help="Retention period in days (default: settings.SCREENING_RETENTION_DAYS).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would be deleted; delete nothing."
        )

    def handle(self, *args, older_than, dry_run, **options):
        days = retention_days() if older_than is None else older_than
        if days < 0:
            raise CommandError("--older-than cannot be negative.")
        counts = expired_counts(days) if dry_run else purge_expired(days, via="command")
        total = sum(counts.values())
        verb = "Would delete" if dry_run else "Deleted"
        details = ", ".join(f"{status}: {count}" for status, count in counts.items())
        self.stdout.write(
            f"{verb} {total} submission{'' if total == 1 else 's'} older than {days} days "
            f"({details})."
        )
