"""python manage.py screening_demo_data --count N [--seed S] [--batch-size B]"""

import time

from django.core.management.base import BaseCommand, CommandError

from screening.admin.policy import reviewers
from screening.demo import DEFAULT_BATCH_SIZE, create_synthetic_submissions


class Command(BaseCommand):
    help = (
        "Create N synthetic screening submissions (marked is_synthetic, named "
        "'Synthetic patient NNNNN', emails at example.invalid) spread over 16 weeks, "
        "covering every outcome and status. For demos and load tests only."
    )

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, required=True, help="How many to create.")
        parser.add_argument("--seed", type=int, default=None, help="Repeatable randomness.")
        parser.add_argument(
            "--batch-size",
            type=int,
            default=DEFAULT_BATCH_SIZE,
            help=f"Rows per INSERT batch (default {DEFAULT_BATCH_SIZE}).",
        )

    def handle(self, *args, count, seed, batch_size, **options):
        if count < 0:
            raise CommandError("--count cannot be negative.")
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1.")
        # Existing reviewers get some of the submissions assigned, for a realistic list.
        assignees = list(reviewers())
        started = time.perf_counter()
        created = create_synthetic_submissions(
            count, seed=seed, batch_size=batch_size, assignees=assignees
        )
        seconds = time.perf_counter() - started
        self.stdout.write(
            f"Created {created} synthetic submission{'' if created == 1 else 's'} "
            f"in {seconds:.1f} s."
        )
