"""Benchmark steps that run inside Django, against the benchmark database.

Run by bench/run.py as `python bench/in_django.py <step>` with the bench environment
(DJANGO_SETTINGS_MODULE=clinic_site.settings.bench, DATABASE_URL=...clinic_perf_bench).
Each step prints one JSON object on its last line.
"""

from __future__ import annotations

import datetime
import json
import os
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clinic_site.settings.bench")

import django

django.setup()

from django.db import connection  # noqa: E402


def emit(data: dict) -> None:
    print(json.dumps(data), flush=True)


def random_answers(rng: random.Random) -> dict:
    from screening.criteria import MAX_AGE, MIN_AGE, QUESTIONS, Kind

    answers = {}
    for key, question in QUESTIONS.items():
        if question.kind is Kind.INTEGER:
            answers[key] = rng.randint(MIN_AGE, MAX_AGE)
        elif question.kind is Kind.SINGLE:
            answers[key] = rng.choice(question.codes)
        else:
            others = [code for code in question.codes if code != question.exclusive_code]
            if question.exclusive_code and rng.random() < 0.6:
                answers[key] = [question.exclusive_code]
            else:
                answers[key] = rng.sample(others, k=min(len(others), rng.randint(1, 2)))
    return answers


def seed(count: int) -> None:
    """Synthetic submissions, scored by the real assess(), written in batches.

    The staff-review work adds `manage.py screening_demo_data --count N`; run.py prefers
    it when present and falls back to this.
    """
    from django.utils import timezone

    from screening.models import Submission
    from screening.scoring import assess

    rng = random.Random(8)
    now = timezone.now()
    batch: list[Submission] = []
    created = 0
    for number in range(count):
        answers = random_answers(rng)
        assessment = assess(answers)
        moment = now - datetime.timedelta(minutes=number * 5)
        batch.append(
            Submission(
                reference=f"HS-B{number:07d}"[:12],
                answers=answers,
                outcome=assessment.outcome.value,
                score=assessment.score,
                reasons=[reason.as_dict() for reason in assessment.reasons],
                criteria_version=assessment.criteria_version,
                stage=assessment.stage.value,
                has_medical_conditions=assessment.outcome.value == "refer",
                name=f"Synthetic Patient {number}",
                email=f"synthetic{number}@example.invalid",
                preferred_contact="email",
                consent_text_version="bench",
                consent_health_data_at=moment,
                consent_contact_at=moment,
                is_synthetic=True,
            )
        )
        if len(batch) == 5000:
            Submission.objects.bulk_create(batch)
            created += len(batch)
            batch.clear()
    Submission.objects.bulk_create(batch)
    created += len(batch)
    # created_at is auto_now_add: spread the rows over time for realistic ordering.
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "UPDATE screening_submission SET created_at = now() - (id * interval '5 minutes') "
                "WHERE is_synthetic"
            )
            cursor.execute("ANALYZE screening_submission")
    emit({"created": created})


def article_url() -> None:
    """The URL path of the first live article (the home page until articles exist)."""
    from wagtail.models import Page

    try:
        from content.models import ArticlePage

        article = ArticlePage.objects.live().order_by("path").first()
    except ImportError:
        article = None
    page = article or Page.objects.live().filter(depth=2).first()
    emit({"path": page.url_path_for_site() if hasattr(page, "url_path_for_site") else page.url})


def submissions() -> None:
    """How many real (non-synthetic) submissions exist, and flow ids stored twice."""
    from django.db.models import Count

    from screening.models import Submission

    real = Submission.objects.filter(is_synthetic=False)
    duplicates = (
        real.exclude(flow_id=None).values("flow_id").annotate(n=Count("id")).filter(n__gt=1).count()
    )
    emit(
        {
            "real": real.count(),
            "without_flow_id": real.filter(flow_id=None).count(),
            "duplicate_flow_ids": duplicates,
            "total": Submission.objects.count(),
        }
    )


if __name__ == "__main__":
    step, *args = sys.argv[1:]
    if step == "seed":
        seed(int(args[0]))
    elif step == "article-url":
        article_url()
    elif step == "submissions":
        submissions()
    else:
        sys.exit(f"unknown step {step}")
