"""`make bench-uncached`: what a page costs when the page cache cannot help, in-process.

Every scenario goes through Django's whole handler and middleware stack (the test
client's WSGI handler, production settings via clinic_site.settings.bench, DEBUG off,
PAGE_CACHE_ENABLED off) against a scratch SQLite database built with the site content,
in interleaved rounds, so each ratio compares numbers taken side by side:

* baseline: /bench/baseline, the minimal Django view, through the same middleware;
* article uncached: the longest live article, routed and rendered on every request
  (the page cache off; the site data cache and page fragments warm, as for a visitor
  with a session cookie, or any visitor but the first after a publish);
* article right after a publish: the same, with the site data cache and fragments
  retired before every request (a new generation), as for the first visitor after a
  publish;
* home uncached: the home page, likewise;
* questionnaire start: /screening/ (never cached: it is per patient);
* questionnaire step POST: a patient part-way through (an encrypted database session)
  sends a step's answers again, validated, saved to the session, answered with a redirect;
* result page: a patient who has sent the questionnaire opens /screening/result/ (their
  session, then the one submission it names);
* search: /search/?q=PRP (never cached), and a search that finds nothing (the page
  then suggests where to go).

For each: p50 and p99 in milliseconds, requests a second (1 / mean), the ratio of that
to the baseline's, the thread's CPU time per request (p50/p95, and the p50 ratio: on a
shared machine the wall clock includes waiting for a core, the CPU time does not), SQL
queries per request and response bytes. Then a cProfile summary
(top 15 functions by own time) of the uncached article, and the per-request cost of each
middleware on a public GET (the time spent inside it, minus the time inside the next).

No server, no network: it isolates what the application does from gunicorn and the
proxy (bench/run.py measures those). Environment: BENCH_REQUESTS (300 per scenario and
round), BENCH_ROUNDS (3), BENCH_JSON (a path: also write the numbers as JSON),
BENCH_PARTS (scenarios,middleware,profile: any subset), BENCH_SCRATCH (where the
database goes).
"""

from __future__ import annotations

import cProfile
import io
import json
import os
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

SCRATCH = Path(
    os.environ.get("BENCH_SCRATCH") or Path(tempfile.gettempdir()) / "clinic-bench-uncached"
)
SCRATCH.mkdir(exist_ok=True)
DB_PATH = SCRATCH / "db.sqlite3"
os.environ.update(
    {
        "DJANGO_SETTINGS_MODULE": "clinic_site.settings.bench",
        "SECRET_KEY": "bench-only-not-secret-" + "x" * 40,
        "ALLOWED_HOSTS": "localhost,testserver",
        "DATABASE_URL": f"sqlite:///{DB_PATH}",
        "REDIS_URL": "",
        "PAGE_CACHE_ENABLED": "false",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0",
        "LOG_LEVEL": "WARNING",
        # Patient data (the questionnaire scenarios) is encrypted: a throwaway key.
        "FIELD_ENCRYPTION_KEYS": "YmVuY2gtb25seS1rZXktbm90LWZvci1wcm9kdWN0aW8=",
        "BLIND_INDEX_KEY": "bench-only-blind-index-key-not-for-production",
    }
)

REQUESTS = int(os.environ.get("BENCH_REQUESTS", "300"))
PARTS = os.environ.get("BENCH_PARTS", "scenarios,middleware,profile").split(",")
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client, override_settings  # noqa: E402

# No collectstatic for an in-process run: serve static URLs from the finders. The site
# data cache on: production needs Redis for it (every worker must see a publish), but
# here one process serves every request from its own local-memory cache.
STATIC_OVERRIDE = override_settings(
    SITE_DATA_CACHE_ENABLED=True,
    STORAGES={
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    },
    DEBUG=False,
    SCREENING_MIN_SECONDS=0,  # the bench answers in milliseconds; no "too quick" refusal
)


def build_database() -> None:
    if DB_PATH.exists():
        DB_PATH.unlink()
    call_command("migrate", verbosity=0)
    call_command("load_initial_data", stdout=io.StringIO(), stderr=io.StringIO())
    # Production settings do not index pages as they are saved here: build the index,
    # or search would only ever measure "nothing found".
    call_command("update_index", stdout=io.StringIO(), stderr=io.StringIO())


def article_path() -> str:
    from content.models import ArticlePage

    return ArticlePage.objects.live().order_by("-reading_time", "path").first().url


COLD = "article right after a publish"


def retire_cached_site_data() -> None:
    """What a publish does to the caches (a new generation), without the publish."""
    try:
        from content import site_cache
    except ImportError:  # a tree from before the site data cache: nothing to retire
        return
    site_cache._set_new_generation()


STEP_POST = "questionnaire step POST"
RESULT = "result page"
# The scenarios that keep the patient's session cookie between requests.
WITH_SESSION = {STEP_POST, RESULT}

CONSENTS = {"consent_health_data": "on", "consent_contact": "on"}
CONTACT = {
    "name": "Bench Patient",
    "email": "bench.patient@example.org",
    "phone": "+44 7700 900461",
    "preferred_contact": "phone",
}
ANSWERS = {
    "warning_signs": ["none"],
    "age": "38",
    "pattern_scale": "men",
    "hair_loss_pattern": "norwood_3",
    "loss_duration": "1_5y",
    "loss_progression": "slow",
    "fine_hairs_in_thinning_areas": "yes",
    "smooth_bald_areas": "none",
    "medical_conditions": ["none"],
    "previous_treatments": ["minoxidil"],
    "goal": "thicker_thinning_hair",
    "open_to_transplant": "not_sure",
    "other_health_factors": ["none"],
    "recent_treatment_change": "no",
    "wellbeing_impact": "little",
}


def step_posts() -> list[tuple[str, dict]]:
    """(step URL, form data) for every step of the questionnaire, in order."""
    from django.urls import reverse

    from screening.criteria import CURRENT

    steps = [("consent", CONSENTS)]
    for group in CURRENT.steps:
        if group.applies(ANSWERS):
            steps.append((group.slug, {k: ANSWERS[k] for k in group.keys if k in ANSWERS}))
    steps.append(("contact", CONTACT))
    return [(reverse("screening:step", args=[slug]), data) for slug, data in steps]


class Scenario:
    """One request, repeated: a GET, or a POST of ``data`` (a redirect is its answer)."""

    def __init__(self, path: str, data: dict | None = None):
        self.path, self.data = path, data

    def __call__(self, client: Client):
        if self.data is None:
            response = client.get(self.path, HTTP_HOST="localhost")
            expected = 200
        else:
            response = client.post(self.path, self.data, HTTP_HOST="localhost")
            expected = 302
        if response.status_code != expected:
            raise SystemExit(f"{self.path} answered {response.status_code}")
        return response


def patient_clients() -> dict[str, Client]:
    """A patient part-way through the questionnaire, and one who has sent it."""
    from django.urls import reverse

    posts = step_posts()
    midway = Client()
    for path, data in posts[:2]:
        Scenario(path, data)(midway)
    finished = Client()
    for path, data in posts:
        Scenario(path, data)(finished)
    response = finished.post(reverse("screening:submit"), HTTP_HOST="localhost")
    if response.status_code != 302 or response["Location"] != reverse("screening:result"):
        raise SystemExit(f"submit answered {response.status_code}")
    return {STEP_POST: midway, RESULT: finished}


def scenarios() -> dict[str, Scenario]:
    article = article_path()
    # The second step (the first after consent), sent again: what every step POST does.
    step_path, step_data = step_posts()[1]
    return {
        "baseline": Scenario("/bench/baseline"),
        "article uncached": Scenario(article),
        COLD: Scenario(article),
        "home uncached": Scenario("/"),
        "questionnaire start": Scenario("/screening/"),
        STEP_POST: Scenario(step_path, step_data),
        RESULT: Scenario("/screening/result/"),
        "search": Scenario("/search/?q=PRP"),
        "search, nothing found": Scenario("/search/?q=xylophonist"),
    }


def fetch(client: Client, path: str):
    return Scenario(path)(client)


def measure(paths: dict[str, Scenario]) -> dict[str, dict]:
    clients = {name: Client() for name in paths}
    clients.update(patient_clients())
    for name, scenario in paths.items():  # warm up: imports, templates, site caches
        for _ in range(5):
            scenario(clients[name])
    timings: dict[str, list[float]] = {name: [] for name in paths}
    # CPU time of this thread per request: on a machine shared with other people's jobs the
    # wall-clock time includes waiting for a core; the CPU time is the work itself (SQLite
    # and the cache run in this thread, so it is all the work).
    cpu: dict[str, list[float]] = {name: [] for name in paths}
    for _round in range(ROUNDS):
        for name, scenario in paths.items():
            client, samples = clients[name], timings[name]
            for _ in range(REQUESTS):
                if name not in WITH_SESSION:
                    client.cookies.clear()  # every request an anonymous first visitor
                if name == COLD:
                    retire_cached_site_data()
                start, start_cpu = time.perf_counter(), time.thread_time()
                scenario(client)
                samples.append(time.perf_counter() - start)
                cpu[name].append(time.thread_time() - start_cpu)
    results = {}
    for name, scenario in paths.items():
        client = clients[name]
        if name not in WITH_SESSION:
            client.cookies.clear()
        if name == COLD:
            retire_cached_site_data()
        else:
            scenario(client)  # warm again: an earlier scenario may have retired it
            if name not in WITH_SESSION:
                client.cookies.clear()
        connection.force_debug_cursor = True
        reset_queries()
        response = scenario(client)
        queries = len(connection.queries)
        connection.force_debug_cursor = False
        samples = sorted(timings[name])
        cpu_samples = sorted(cpu[name])
        results[name] = {
            "cpu_p50_ms": statistics.median(cpu_samples) * 1000,
            "cpu_p95_ms": cpu_samples[int(len(cpu_samples) * 0.95) - 1] * 1000,
            "path": scenario.path + (" (POST)" if scenario.data is not None else ""),
            "p50_ms": statistics.median(samples) * 1000,
            "p99_ms": samples[int(len(samples) * 0.99) - 1] * 1000,
            "per_second": len(samples) / sum(samples),
            "queries": queries,
            "bytes": len(response.content),
        }
    baseline = results["baseline"]
    for result in results.values():
        result["ratio"] = result["per_second"] / baseline["per_second"]
        # The mean is sensitive to other processes on a shared machine; the medians less so.
        result["ratio_p50"] = baseline["p50_ms"] / result["p50_ms"]
        result["cpu_ratio_p50"] = baseline["cpu_p50_ms"] / result["cpu_p50_ms"]
    return results


def profile(path: str, requests: int = 200) -> str:
    client = Client()
    fetch(client, path)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(requests):
        client.cookies.clear()
        fetch(client, path)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(15)
    total = stats.total_tt / requests * 1000
    lines = [line for line in out.getvalue().splitlines() if line.strip()]
    table = [line for line in lines if "ncalls" in line or "{" in line or ".py:" in line]
    return f"per request: {total:.2f} ms under cProfile\n" + "\n".join(table)


def middleware_costs(path: str, requests: int = 300) -> dict[str, float]:
    """Microseconds spent in each middleware itself (not in the ones it calls)."""
    inclusive: dict[str, float] = {}
    order = list(settings.MIDDLEWARE)

    # Wrap each middleware class's __call__, and the handler's own view step (URL
    # resolving, process_view hooks, the view) that the innermost middleware calls.
    from django.core.handlers.base import BaseHandler
    from django.utils.module_loading import import_string

    view_step = "(URL resolving, process_view hooks and the view itself)"
    classes = {path_: import_string(path_) for path_ in order}
    saved = {name: cls.__call__ for name, cls in classes.items()}
    saved_get_response = BaseHandler._get_response

    def make(name, inner):
        def __call__(self, request):
            start = time.perf_counter()
            try:
                return inner(self, request)
            finally:
                inclusive[name] = inclusive.get(name, 0.0) + time.perf_counter() - start

        return __call__

    for name, cls in classes.items():
        cls.__call__ = make(name, cls.__call__)
    BaseHandler._get_response = make(view_step, saved_get_response)
    try:
        client = Client()  # its handler chains the wrapped callables
        fetch(client, path)
        inclusive.clear()
        for _ in range(requests):
            client.cookies.clear()
            fetch(client, path)
    finally:
        for name, cls in classes.items():
            cls.__call__ = saved[name]
        BaseHandler._get_response = saved_get_response
    chain = [name for name in [*order, view_step] if name in inclusive]
    own = {}
    for position, name in enumerate(chain):
        inner = inclusive[chain[position + 1]] if position + 1 < len(chain) else 0.0
        own[name] = (inclusive[name] - inner) / requests * 1e6
    return own


def main() -> None:
    with STATIC_OVERRIDE:
        say = print
        say(f"== building {DB_PATH}")
        build_database()
        paths = scenarios()
        results, costs, report = {}, {}, ""
        if "scenarios" in PARTS:
            say(f"== {ROUNDS} rounds x {REQUESTS} requests per scenario")
            results = measure(paths)
        say(
            "| Scenario | p50 ms | p99 ms | req/s | × baseline (mean) | × baseline (p50) "
            "| CPU p50 / p95 ms | × baseline (CPU p50) | queries | bytes |"
        )
        say("|---|---|---|---|---|---|---|---|---|---|")
        for name, r in results.items():
            say(
                f"| {name} (`{r['path']}`) | {r['p50_ms']:.2f} | {r['p99_ms']:.2f} | "
                f"{r['per_second']:.0f} | {r['ratio']:.3f} | {r['ratio_p50']:.3f} | "
                f"{r['cpu_p50_ms']:.2f} / {r['cpu_p95_ms']:.2f} | {r['cpu_ratio_p50']:.3f} | "
                f"{r['queries']} | {r['bytes']} |"
            )
        if "middleware" in PARTS:
            say("\n== middleware: own time per public GET of the baseline view (µs)")
            costs = middleware_costs(paths["baseline"].path)
            for name, micros in costs.items():
                say(f"  {micros:8.1f}  {name}")
        if "profile" in PARTS:
            say("\n== profile: uncached article, top 15 functions by own time")
            report = profile(paths["article uncached"].path)
            say(report)
        if os.environ.get("BENCH_JSON"):
            Path(os.environ["BENCH_JSON"]).write_text(
                json.dumps({"results": results, "middleware_us": costs, "profile": report})
            )


if __name__ == "__main__":
    main()
