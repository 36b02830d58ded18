"""Where the final questionnaire submit spends its time, in-process (cProfile).

Walks N complete questionnaires with Django's test client (consent, every question step,
contact; not timed), then times and profiles only each final ``POST /screening/submit/``:
the same request bench/questionnaire.py times over HTTP, here without gunicorn, the
proxy or other clients, so what is left is what the application does.

Settings: clinic_site.settings.bench (production + relaxed questionnaire limits), DEBUG
off. Database: DATABASE_URL (default: a scratch SQLite file; give a PostgreSQL URL of
your own, e.g. postgres://postgres@127.0.0.1:5432/clinic_<you>, to profile what the
servers run on); REDIS_URL as the servers use it (default none: local memory).

    DATABASE_URL=postgres://... REDIS_URL=redis://127.0.0.1:6379/11 \
        python bench/submit_profile.py --submits 200

Prints the submit's p50/p95 (ms), its SQL statements, and the top functions by own and
cumulative time under the profiler.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
sys.path.insert(0, str(BASE_DIR / "bench"))

SCRATCH = Path(tempfile.gettempdir()) / "clinic-bench-submit"
SCRATCH.mkdir(exist_ok=True)
os.environ.setdefault("DATABASE_URL", f"sqlite:///{SCRATCH / 'db.sqlite3'}")
os.environ.update(
    {
        "DJANGO_SETTINGS_MODULE": "clinic_site.settings.bench",
        "SECRET_KEY": "bench-only-not-secret-" + "x" * 40,
        "ALLOWED_HOSTS": "localhost,testserver",
        "REDIS_URL": os.environ.get("REDIS_URL", ""),
        "PAGE_CACHE_ENABLED": "false",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0",
        "LOG_LEVEL": "WARNING",
        "FIELD_ENCRYPTION_KEYS": "YmVuY2gtb25seS1rZXktbm90LWZvci1wcm9kdWN0aW8=",
        "BLIND_INDEX_KEY": "bench-only-blind-index-key-not-for-production",
    }
)

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.urls import reverse  # noqa: E402

OVERRIDE = override_settings(
    STORAGES={
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    },
    DEBUG=False,
    SCREENING_MIN_SECONDS=0,
    SCREENING_SUBMIT_RATE="1000000/hour",
)


def walk(client: Client, posts) -> None:
    for path, data in posts:
        response = client.post(path, data, HTTP_HOST="localhost")
        if response.status_code != 302:
            raise SystemExit(f"{path} answered {response.status_code}")


def submit(client: Client) -> None:
    response = client.post(reverse("screening:submit"), HTTP_HOST="localhost")
    if response.status_code != 302 or response["Location"] != reverse("screening:result"):
        raise SystemExit(f"submit answered {response.status_code}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--submits", type=int, default=200)
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--no-build", action="store_true", help="reuse the database")
    parser.add_argument("--no-profile", action="store_true", help="time only, no cProfile")
    options = parser.parse_args()
    from uncached import step_posts

    with OVERRIDE:
        if not options.no_build:
            call_command("migrate", verbosity=0)
            call_command("load_initial_data", stdout=io.StringIO(), stderr=io.StringIO())
        posts = step_posts()
        for _ in range(3):  # warm up
            client = Client()
            walk(client, posts)
            submit(client)
        client = Client()
        walk(client, posts)
        connection.force_debug_cursor = True
        reset_queries()
        submit(client)
        statements = [query["sql"][:140] for query in connection.queries]
        connection.force_debug_cursor = False

        samples = []
        profiler = cProfile.Profile()
        for _ in range(options.submits):
            client = Client()
            walk(client, posts)
            start = time.perf_counter()
            if not options.no_profile:
                profiler.enable()
            submit(client)
            if not options.no_profile:
                profiler.disable()
            samples.append(time.perf_counter() - start)
        samples.sort()
        print(f"database: {connection.vendor}; cache: {settings.CACHES['default']['BACKEND']}")
        print(
            f"submit{'' if options.no_profile else ' under cProfile'}: "
            f"p50 {statistics.median(samples) * 1000:.2f} ms, "
            f"p95 {samples[int(len(samples) * 0.95) - 1] * 1000:.2f} ms "
            f"({options.submits} submits)"
        )
        print(f"{len(statements)} SQL statements:")
        for sql in statements:
            print("   ", sql)
        for order in () if options.no_profile else ("tottime", "cumulative"):
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats(order).print_stats(options.top)
            print(out.getvalue())


if __name__ == "__main__":
    main()
