"""Benchmark steps that run inside Django, against the benchmark database.

Run by bench/run.py as `python bench/in_django.py <step>` with the bench environment
(DJANGO_SETTINGS_MODULE=clinic_site.settings.bench, DATABASE_URL=...clinic_perf_bench).
Each step prints one JSON object on its last line.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clinic_site.settings.bench")

import django

django.setup()


def emit(data: dict) -> None:
    print(json.dumps(data), flush=True)


def article_url() -> None:
    """The URL path of the longest live article: the conservative choice for render time
    and page weight."""
    from content.models import ArticlePage

    article = ArticlePage.objects.live().order_by("-reading_time", "path").first()
    emit({"path": article.url})


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
    if step == "article-url":
        article_url()
    elif step == "submissions":
        submissions()
    else:
        sys.exit(f"unknown step {step}")
