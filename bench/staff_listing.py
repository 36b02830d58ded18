"""Staff review benchmark: 100k synthetic submissions in a scratch database, then

- demo-data speed (rows per second through screening_demo_data's code path),
- listing, inspect and dashboard: server time (median of several runs, in-process test
  client, so middleware + view + template, no network) and queries per request,
- CSV, XLSX and FHIR NDJSON export of every row: peak memory, measured in a fresh process,
- the questionnaire funnel's cost: queries of a step POST with and without a new event.

Usage (the scratch database is dropped and re-created on each run):

    .venv/bin/python bench/staff_listing.py                     # SQLite, var/bench_staff.sqlite3
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/clinic_staff_bench \\
        .venv/bin/python bench/staff_listing.py [--count 100000] [--runs 7]

Budgets from the issue: listing < 500 ms and <= 15 queries, inspect <= 15 queries,
CSV export of 100k rows < 200 MB peak; issue 18: NDJSON of 100k rows < 200 MB peak, the
funnel counters at most one query more on a questionnaire step. The script prints the
numbers and exits non-zero if a budget is broken.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode, urlparse

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
os.environ.setdefault("DATABASE_URL", f"sqlite:///{BASE_DIR / 'var' / 'bench_staff.sqlite3'}")
os.environ["DJANGO_SETTINGS_MODULE"] = "clinic_site.settings.test"

LISTING_MS, LISTING_QUERIES, INSPECT_QUERIES, EXPORT_MB = 500, 15, 15, 200
FUNNEL_EXTRA_QUERIES = 1


def recreate_scratch_database() -> None:
    url = urlparse(os.environ["DATABASE_URL"])
    if url.scheme.startswith("sqlite"):
        path = Path(url.path)
        path.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return
    import psycopg
    from psycopg import sql

    name = url.path.lstrip("/")
    if "bench" not in name:
        sys.exit(f"Refusing to drop {name!r}: the scratch database name must contain 'bench'.")
    admin = psycopg.connect(
        host=url.hostname,
        port=url.port or 5432,
        user=url.username,
        password=url.password,
        dbname="postgres",
        autocommit=True,
    )
    with admin.cursor() as cursor:
        cursor.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
        cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    admin.close()


def setup_django():
    import django

    django.setup()


def timed(client, url, runs):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm caches (templates, permissions, content types)
    durations = []
    queries = 0
    for _ in range(runs):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(url)
            if response.streaming:
                for _chunk in response.streaming_content:
                    pass
            durations.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
        queries = len(captured)
    return statistics.median(durations), queries


def measure_export(export_format: str, trace: bool) -> None:
    """Runs in a fresh process: stream the whole export, report time and peak memory.

    Peak RSS (the process's high-water mark) is the budget's measure. tracemalloc, which
    counts Python allocations only and slows everything down, runs in a separate pass."""
    import resource
    import tracemalloc

    setup_django()
    from django.contrib.auth import get_user_model
    from django.test import Client

    client = Client()
    client.force_login(get_user_model().objects.get(username="bench-reviewer"))
    client.get("/admin/screening/submissions/")  # load templates and permissions first
    baseline_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if trace:
        tracemalloc.start()
    started = time.perf_counter()
    response = client.get(f"/admin/screening/submissions/?export={export_format}")
    size = 0
    for chunk in response.streaming_content:
        size += len(chunk)
    seconds = time.perf_counter() - started
    result = {
        "format": export_format,
        "bytes": size,
        "seconds": round(seconds, 2),
        "process_peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "rss_before_export_mb": round(baseline_rss / 1024, 1),
    }
    if trace:
        result["python_peak_mb"] = round(tracemalloc.get_traced_memory()[1] / 2**20, 1)
        tracemalloc.stop()
    print(json.dumps(result))


def funnel_step_queries() -> dict[str, int]:
    """Queries of the questionnaire's second step POST: the first time (the next step is
    reached: one funnel upsert) and again (already counted: no funnel query)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from tests.support.screening import step_data, step_url

    steps = step_data()
    for client in (Client(), Client()):  # the first warms per-process caches (site data)
        client.post(step_url(steps[0][0]), steps[0][1])
        client.post(step_url(steps[1][0]), steps[1][1])
    client = Client()
    client.post(step_url(steps[0][0]), steps[0][1])
    slug, data = steps[1]
    counts = {}
    for label in ("new_event", "no_event"):
        with CaptureQueriesContext(connection) as captured:
            response = client.post(step_url(slug), data)
        assert response.status_code == 302, response.status_code
        counts[label] = len(captured)
    return counts


def explain(vendor: str) -> list[str]:
    from django.db import connection

    from screening.models import Submission

    listing = Submission.objects.select_related("assigned_to").order_by("-created_at")[:50]
    filtered = (
        Submission.objects.filter(status__in=["new", "in_review"], has_medical_conditions=True)
        .order_by("-created_at")
        .select_related("assigned_to")[:50]
    )
    by_score = Submission.objects.order_by("-score").select_related("assigned_to")[:50]
    lines = []
    for label, queryset in (
        ("listing, newest first", listing),
        ("listing, open + medical conditions", filtered),
        ("listing, by score", by_score),
    ):
        sql, params = queryset.query.sql_with_params()
        prefix = "EXPLAIN ANALYZE " if vendor == "postgresql" else "EXPLAIN QUERY PLAN "
        with connection.cursor() as cursor:
            cursor.execute(prefix + sql, params)
            plan = [" ".join(str(col) for col in row) for row in cursor.fetchall()]
        lines.append(f"  {label}:")
        lines.extend(f"    {line}" for line in plan[:6])
    if vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute('EXPLAIN ANALYZE SELECT COUNT(*) FROM "screening_submission"')
            lines.append("  count(*):")
            lines.extend(f"    {row[0]}" for row in cursor.fetchall()[:4])
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "--measure-export", choices=["csv", "xlsx", "ndjson"], help=argparse.SUPPRESS
    )
    parser.add_argument("--trace", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--json-out", help="Also write the numbers as JSON here (make bench).")
    args = parser.parse_args()
    if args.measure_export:
        measure_export(args.measure_export, args.trace)
        return 0

    recreate_scratch_database()
    setup_django()
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from screening.demo import create_synthetic_submissions
    from screening.models import Submission
    from screening.workflow import add_note, assign, change_status

    vendor = connection.vendor
    call_command("migrate", verbosity=0)
    User = get_user_model()
    reviewer = User.objects.create_user("bench-reviewer", first_name="Bench", last_name="Reviewer")
    reviewer.groups.add(Group.objects.get(name="Screening reviewers"))
    manager = User.objects.create_user("bench-manager")
    manager.groups.add(Group.objects.get(name="Screening managers"))

    started = time.perf_counter()
    created = create_synthetic_submissions(args.count, seed=1, assignees=[reviewer, manager])
    demo_seconds = time.perf_counter() - started
    if vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE screening_submission")
    else:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

    sample = Submission.objects.filter(status="new").order_by("-created_at").first()
    for i in range(5):
        add_note(sample, f"Bench note {i}", reviewer)
    assign(sample, manager, reviewer)
    change_status(sample, "in_review", reviewer)

    client = Client()
    client.force_login(reviewer)
    base = "/admin/screening/submissions/"
    scenarios = {
        "listing (default, needs attention first)": base,
        "listing, newest first": base + "?ordering=-created_at",
        "listing, page 100": base + "?p=100",
        "listing, sorted by score": base + "?ordering=-score",
        "listing, status new+in_review, medical": base
        + "?status=new&status=in_review&has_medical_conditions=true",
        "listing, outcome refer, date range": base
        + "?outcome=refer&created_at_from=2000-01-01&created_at_to=2100-01-01",
        # Exact email and phone (blind indexes): names and fragments are not searchable.
        "listing, search by email": base + "?" + urlencode({"q": sample.email.upper()}),
        "listing, search by phone": base + "?" + urlencode({"q": sample.phone or "+4477"}),
        "inspect (5 notes, history)": f"{base}inspect/{sample.pk}/",
        "print view": f"{base}print/{sample.pk}/",
        "FHIR bundle": f"{base}fhir/{sample.pk}/",
        "admin home with dashboard panel": "/admin/",
    }
    results = {name: timed(client, url, args.runs) for name, url in scenarios.items()}
    manager_client = Client()
    manager_client.force_login(manager)
    results["funnel report (30 days)"] = timed(
        manager_client, "/admin/reports/screening-funnel/", args.runs
    )
    funnel_queries = funnel_step_queries()

    def export_run(*flags):
        output = subprocess.run(
            [sys.executable, __file__, "--measure-export", *flags],
            check=True,
            capture_output=True,
            text=True,
            env=os.environ,
        ).stdout
        return json.loads(output.strip().splitlines()[-1])

    exports = [export_run("csv"), export_run("xlsx"), export_run("ndjson")]
    traced_csv = export_run("csv", "--trace")

    print(f"\nStaff review benchmark — {vendor}, {created} submissions\n")
    print(
        f"demo data: {created} rows in {demo_seconds:.1f} s ({created / demo_seconds:,.0f} rows/s)"
    )
    print(f"\n{'view':45} {'median ms':>10} {'queries':>8}")
    for name, (ms, queries) in results.items():
        print(f"{name:45} {ms:10.1f} {queries:8d}")
    print()
    for export in exports:
        size_mb = export["bytes"] / 2**20
        print(
            f"export {export['format']}: {size_mb:.1f} MB in {export['seconds']} s; "
            f"process peak RSS {export['process_peak_rss_mb']} MB "
            f"(before the export {export['rss_before_export_mb']} MB)"
        )
    print(
        f"export csv, Python allocations at peak (tracemalloc): {traced_csv['python_peak_mb']} MB"
    )
    print(
        f"questionnaire step POST: {funnel_queries['new_event']} queries reaching a new step, "
        f"{funnel_queries['no_event']} reaching it again (funnel counters: "
        f"+{funnel_queries['new_event'] - funnel_queries['no_event']})"
    )
    print("\nquery plans:")
    print("\n".join(explain(vendor)))

    if args.json_out:
        Path(args.json_out).write_text(
            json.dumps(
                {
                    "vendor": vendor,
                    "submissions": created,
                    "views": {
                        name: {"median_ms": round(ms, 1), "queries": queries}
                        for name, (ms, queries) in results.items()
                    },
                    "exports": exports,
                    "csv_python_peak_mb": traced_csv["python_peak_mb"],
                    "funnel_step_queries": funnel_queries,
                    "runs": args.runs,
                },
                indent=2,
            )
        )

    failures = []
    for name, (ms, queries) in results.items():
        if name.startswith("listing") and (ms > LISTING_MS or queries > LISTING_QUERIES):
            failures.append(f"{name}: {ms:.0f} ms, {queries} queries")
    if results["inspect (5 notes, history)"][1] > INSPECT_QUERIES:
        failures.append("inspect over its query budget")
    for export in (exports[0], exports[2]):
        if export["process_peak_rss_mb"] > EXPORT_MB:
            failures.append(
                f"{export['format']} export peak RSS {export['process_peak_rss_mb']} MB"
            )
    if funnel_queries["new_event"] - funnel_queries["no_event"] > FUNNEL_EXTRA_QUERIES:
        failures.append(f"funnel counters add more than {FUNNEL_EXTRA_QUERIES} query a step")
    if failures:
        print("\nOVER BUDGET:\n  " + "\n  ".join(failures))
        return 1
    print("\nAll budgets met.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
