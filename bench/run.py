"""`make bench`: measure the production shape on this machine and write bench/RESULTS.md.

Steps (each prints what it does; raw outputs go to bench/out/, git-ignored):

1. A fresh PostgreSQL database (BENCH_DATABASE_URL, default clinic_perf_bench), migrated,
   with the site content and 100,000 synthetic submissions; static files collected.
2. gunicorn servers with deploy/gunicorn.conf.py and clinic_site.settings.bench
   (production settings + /bench/baseline + relaxed questionnaire limits), each behind
   HAProxy running deploy/haproxy.cfg, as in production: "cached", two servers with the
   page cache on (Redis), and "uncached", one server with it off. Workers per server:
   GUNICORN_WORKERS, default 2 x cores + 1.
3. wrk through HAProxy: the baseline view and the article cached ("cached"), the article
   uncached ("uncached"), in interleaved rounds.
4. Failover: wrk on the cached article while one of the two servers is stopped; HAProxy
   must lose no request (retries, then its health check takes the server out).
5. The article page's transferred bytes (HTML, CSS, JS, SVG; compressed as served).
6. 16 concurrent questionnaire clients (bench/questionnaire.py) through "uncached".
7. The staff listing and the CSV export at 100k submissions: bench/staff_listing.py
   (the staff-review benchmark) in its own scratch database, clinic_perf_staff_bench.
8. Lighthouse 12.2.3 (bench/package.json, npm ci) on home, an article, /screening/.

Environment: BENCH_SECONDS (15), BENCH_CONNECTIONS (16), BENCH_SUBMISSIONS (100000),
BENCH_PORT (8106: "cached" HAProxy; "uncached" is the next port, the app servers and
stats pages the five after), BENCH_REDIS_URL (redis://127.0.0.1:6379/5),
BENCH_SKIP_LIGHTHOUSE=1 to skip step 8, BENCH_REUSE_DB=1 to keep the last run's database,
BENCH_ONLY=throughput,failover (a comma-separated subset of throughput, failover,
page-weight, questionnaire, staff, lighthouse) to run only some steps; BENCH_ONLY=patient
(only when named) runs bench/patient_wrk.py: issue 20's patient paths (article uncached
and cached, questionnaire start page, a step POST with a session, search) under wrk at 8
connections with p50/p95/p99, as ratios to the baseline in the same run.
"""

from __future__ import annotations

import datetime
import gzip
import json
import os
import platform
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from email.message import Message
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR.parent))

from report import write_results  # noqa: E402

from deploy import local_stack  # noqa: E402

BASE_DIR = local_stack.BASE_DIR
OUT = BENCH_DIR / "out"
RESULTS = BENCH_DIR / "RESULTS.md"
ACCESS_LOG = OUT / "access-uncached-server.log"

SECONDS = int(os.environ.get("BENCH_SECONDS", "15"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))
SUBMISSIONS = int(os.environ.get("BENCH_SUBMISSIONS", "100000"))
PORT_CACHED = int(os.environ.get("BENCH_PORT", "8106"))
PORT_UNCACHED = PORT_CACHED + 1
APP_PORTS_CACHED = [PORT_CACHED + 2, PORT_CACHED + 3]
APP_PORT_UNCACHED = PORT_CACHED + 4
STATS_CACHED, STATS_UNCACHED = PORT_CACHED + 5, PORT_CACHED + 6
FAILOVER_SECONDS = 12
FAILOVER_STOP_AFTER = 3
STEPS = ("throughput", "failover", "page-weight", "questionnaire", "staff", "lighthouse")
ONLY = [step for step in os.environ.get("BENCH_ONLY", "").split(",") if step]
WORKERS = int(os.environ.get("GUNICORN_WORKERS", 2 * (os.cpu_count() or 1) + 1))
DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/clinic_perf_bench"
)
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/5")
STAFF_DATABASE_URL = os.environ.get(
    "BENCH_STAFF_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/clinic_perf_staff_bench"
)
LIGHTHOUSE_VERSION = "12.2.3"
# Everything comes from 127.0.0.1 here: HAProxy's per-client limits must not count wrk's
# 16 connections and thousands of requests a second as one abusive client.
BENCH_BALANCER_LIMITS = {"LB_MAX_CONN_PER_CLIENT": "100000", "LB_MAX_REQ_PER_10S": "1000000000"}


def say(message: str) -> None:
    print(f"== {message}", flush=True)


def bench_env(**overrides: str) -> dict[str, str]:
    settings = {
        "DJANGO_SETTINGS_MODULE": "clinic_site.settings.bench",
        "DATABASE_URL": DATABASE_URL,
        "REDIS_URL": REDIS_URL,
        "GUNICORN_ACCESS_LOG": "",
    }
    return local_stack.production_env(**{**settings, **overrides})


def in_django(env: dict[str, str], *args: str) -> dict:
    result = subprocess.run(
        [local_stack.PYTHON, str(BENCH_DIR / "in_django.py"), *args],
        cwd=BASE_DIR,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    (OUT / f"django-{args[0]}.log").write_text(result.stdout + result.stderr)
    return json.loads(result.stdout.strip().splitlines()[-1])


def command_output(args: list[str]) -> str:
    try:
        return subprocess.run(args, capture_output=True, text=True, check=False).stdout.strip()
    except OSError:
        return "not installed"


def machine(env: dict[str, str]) -> dict[str, str]:
    cpu = "unknown"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    memory_kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
    import psycopg
    import redis

    with psycopg.connect(DATABASE_URL) as connection:
        postgres = connection.execute("SHOW server_version").fetchone()[0]
    redis_version = redis.Redis.from_url(REDIS_URL).info("server")["redis_version"]
    commit = command_output(["git", "-C", str(BASE_DIR), "rev-parse", "--short", "HEAD"])
    dirty = command_output(["git", "-C", str(BASE_DIR), "status", "--porcelain"])
    return {
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": commit + (" (with uncommitted changes)" if dirty else ""),
        "cpu": cpu,
        "cores": str(os.cpu_count()),
        "memory": f"{memory_kb / 2**20:.1f} GiB",
        "os": platform.platform(),
        "python": platform.python_version(),
        "postgresql": postgres,
        "redis": redis_version,
        "gunicorn": command_output([local_stack.GUNICORN, "--version"]),
        "haproxy": " ".join(
            command_output([local_stack.haproxy_binary() or "haproxy", "-v"]).split()[:3]
        ),
        "wrk": command_output(["wrk", "--version"]).split(" [")[0] if shutil.which("wrk") else "",
        "node": command_output(["node", "--version"]),
        "chromium": command_output(["/usr/bin/chromium", "--version"]),
    }


def ensure_wrk() -> None:
    if shutil.which("wrk"):
        return
    say("installing wrk (Debian package)")
    subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True)


def to_ms(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def wanted(step: str) -> bool:
    return not ONLY or step in ONLY


def wrk(name: str, url: str, seconds: int = SECONDS, warmup: int = 3) -> dict:
    if warmup:
        subprocess.run(
            ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{warmup}s", url],
            capture_output=True,
            check=True,
        )
    args = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency", url]
    output = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    (OUT / f"wrk-{name}.txt").write_text(" ".join(args) + "\n" + output)
    return {"name": name, "command": " ".join(args), **parse_wrk(output)}


def parse_wrk(output: str) -> dict:
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)\s*$", output, re.MULTILINE))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: (.*)$", output, re.MULTILINE)
    latency_max = re.search(r"^\s+Latency\s+\S+\s+\S+\s+(\S+)", output, re.MULTILINE)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "requests": int(re.search(r"(\d+) requests in", output).group(1)),
        "p50_ms": to_ms(latency["50"]),
        "p99_ms": to_ms(latency["99"]),
        "max_ms": to_ms(latency_max.group(1)) if latency_max else None,
        "non_2xx": int(errors.group(1)) if errors else 0,
        "socket_errors": socket_errors.group(1) if socket_errors else "",
        "socket_errors_total": sum(
            int(n) for n in re.findall(r"\d+", socket_errors.group(1) if socket_errors else "")
        ),
    }


def server_times(log_lines: list[str], request: str) -> dict:
    """p50/p95 of gunicorn's own request time (%(M)s ms) for one kind of request: the
    time spent in the worker, without the wait for a free worker."""
    times = sorted(
        int(match.group(1))
        for line in log_lines
        if f'"{request}"' in line and (match := re.search(r" (\d+)ms$", line.strip()))
    )
    if not times:
        return {}
    return {
        "count": len(times),
        "p50_ms": times[len(times) // 2],
        "p95_ms": times[min(len(times) - 1, round(0.95 * (len(times) - 1)))],
        "max_ms": times[-1],
    }


def median_run(name: str, runs: list[dict]) -> dict:
    """The round with the median requests/s, and every round's figure beside it.

    Other work on the machine (this is a shared 2-core box) comes and goes; rounds of
    baseline, uncached and cached, interleaved, see the same conditions on average.
    """
    ordered = sorted(runs, key=lambda run: run["rps"])
    middle = ordered[len(ordered) // 2]
    return {**middle, "name": name, "rounds_rps": [round(run["rps"]) for run in runs]}


def fetch(url: str, encoding: str = "br, gzip") -> tuple[int, Message, bytes]:
    """Status, headers (looked up without regard to case: HAProxy sends them in lower
    case) and the body as sent."""
    # Only ever our own servers on localhost.
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding})  # noqa: S310
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        return response.status, response.headers, response.read()


def decoded(headers: Message, body: bytes) -> bytes:
    encoding = headers.get("Content-Encoding")
    if encoding == "br":
        import brotli

        return brotli.decompress(body)
    if encoding == "gzip":
        return gzip.decompress(body)
    return body


def page_weight(base: str, path: str) -> dict:
    """Bytes on the wire for one page and what it loads from our origin (no images).

    Fetched as a browser would (Accept-Encoding: br, gzip) from the server with the page
    cache, after the page is cached: what a visitor gets on a hit.
    """
    _, headers, body = fetch(base + path)
    html = decoded(headers, body)
    assets = sorted(
        set(re.findall(r'(?:href|src)="(/static/[^"]+\.(?:css|js|svg))"', html.decode()))
    )
    items = [
        {
            "url": path,
            "bytes": len(body),
            "raw_bytes": len(html),
            "encoding": headers.get("Content-Encoding", "none"),
        }
    ]
    for asset in assets:
        _, asset_headers, asset_body = fetch(base + asset)
        items.append(
            {
                "url": asset,
                "bytes": len(asset_body),
                "raw_bytes": len(decoded(asset_headers, asset_body)),
                "encoding": asset_headers.get("Content-Encoding", "none"),
                "cache_control": asset_headers.get("Cache-Control", ""),
            }
        )
    return {
        "path": path,
        "items": items,
        "total_bytes": sum(item["bytes"] for item in items),
        "total_raw_bytes": sum(item["raw_bytes"] for item in items),
    }


def lighthouse(base: str, pages: dict[str, str]) -> dict:
    if os.environ.get("BENCH_SKIP_LIGHTHOUSE"):
        return {"skipped": "BENCH_SKIP_LIGHTHOUSE is set"}
    say(f"installing Lighthouse {LIGHTHOUSE_VERSION} (npm ci --prefix bench)")
    subprocess.run(
        ["npm", "ci", "--prefix", str(BENCH_DIR), "--no-audit", "--no-fund", "--quiet"],
        check=True,
        capture_output=True,
    )
    binary = BENCH_DIR / "node_modules" / ".bin" / "lighthouse"
    env = {**os.environ, "CHROME_PATH": "/usr/bin/chromium"}
    scores = {}
    for name, path in pages.items():
        report = OUT / f"lighthouse-{name}.json"
        args = [
            str(binary),
            base + path,
            "--output=json",
            f"--output-path={report}",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
            "--only-categories=performance,accessibility,best-practices,seo",
            "--quiet",
        ]
        say(f"lighthouse {base + path}")
        run = subprocess.run(args, env=env, check=False, capture_output=True, text=True)
        if run.returncode != 0:
            # e.g. a page that does not exist yet: Lighthouse refuses to score a 404.
            reason = (run.stderr.strip().splitlines() or ["no output"])[-1][:200]
            scores[name] = {"url": path, "error": reason}
            continue
        data = json.loads(report.read_text())
        failed = [
            audit_id
            for audit_id, audit in data["audits"].items()
            if audit.get("score") is not None
            and audit["score"] < 1
            and audit.get("scoreDisplayMode") in ("binary", "metricSavings", "numeric")
        ]
        scores[name] = {
            "url": path,
            **{key: round(cat["score"] * 100) for key, cat in data["categories"].items()},
            "metrics": {
                metric: data["audits"][metric]["displayValue"]
                for metric in (
                    "first-contentful-paint",
                    "largest-contentful-paint",
                    "total-blocking-time",
                    "cumulative-layout-shift",
                    "speed-index",
                )
            },
            "failed_audits": failed,
        }
    shown = [
        "CHROME_PATH=/usr/bin/chromium bench/node_modules/.bin/lighthouse <url>",
        "--output=json --output-path=bench/out/lighthouse-<page>.json",
        '--chrome-flags="--headless=new --no-sandbox --disable-gpu"',
        *args[5:],
    ]
    return {"command": " ".join(shown), "pages": scores}


def staff_review() -> dict:
    """The staff-review benchmark (bench/staff_listing.py), run against PostgreSQL.

    It builds its own scratch database (STAFF_DATABASE_URL) with the same number of
    synthetic submissions, assigned to a real reviewer account, and measures the listing
    and inspect views in-process and the exports' memory in a fresh process.
    """
    report = OUT / "staff_listing.json"
    report.unlink(missing_ok=True)
    env = {**os.environ, "DATABASE_URL": STAFF_DATABASE_URL}
    args = [
        local_stack.PYTHON,
        str(BENCH_DIR / "staff_listing.py"),
        *("--count", str(SUBMISSIONS), "--runs", "7", "--json-out", str(report)),
    ]
    run = subprocess.run(args, cwd=BASE_DIR, env=env, capture_output=True, text=True, check=False)
    (OUT / "staff_listing.txt").write_text(run.stdout + run.stderr)
    if not report.exists():
        return {"error": (run.stderr.strip().splitlines() or ["no output"])[-1][:200]}
    return {
        "command": f"DATABASE_URL={STAFF_DATABASE_URL} python bench/staff_listing.py "
        f"--count {SUBMISSIONS} --runs 7",
        **json.loads(report.read_text()),
    }


def seed(env: dict[str, str]) -> dict:
    """The staff-review work's generator: realistic outcomes, statuses and assignees."""
    local_stack.manage(env, "screening_demo_data", "--count", str(SUBMISSIONS), quiet=True)
    return {"via": f"manage.py screening_demo_data --count {SUBMISSIONS}"}


class Stack:
    """The servers of a run: two HAProxy front ends over three gunicorn servers.

    "cached" (PORT_CACHED): two app servers with the page cache on, as in production.
    "uncached" (PORT_UNCACHED): one app server with the page cache off, in both of
    HAProxy's server slots. Everything goes through deploy/haproxy.cfg.
    """

    def __init__(self, processes: local_stack.Processes, env: dict[str, str]):
        self.processes = processes
        self.env = env
        self.haproxy = local_stack.ensure_haproxy()
        self.cached = f"http://localhost:{PORT_CACHED}"
        self.uncached = f"http://localhost:{PORT_UNCACHED}"
        self.app_servers: dict[int, object] = {}

    def start(self) -> None:
        log = OUT / "gunicorn.log"
        log.write_text("")
        ACCESS_LOG.write_text("")
        for port in APP_PORTS_CACHED:
            self.app_servers[port] = self.processes.start(
                local_stack.gunicorn_args(port, WORKERS), self.env, log
            )
        self.app_servers[APP_PORT_UNCACHED] = self.processes.start(
            local_stack.gunicorn_args(APP_PORT_UNCACHED, WORKERS),
            # Its access log (path, status, server time: no query strings or bodies) gives
            # the questionnaire's server-side times; the questionnaire never uses the cache.
            bench_env(PAGE_CACHE_ENABLED="false", GUNICORN_ACCESS_LOG=str(ACCESS_LOG)),
            log,
        )
        for port in self.app_servers:
            local_stack.wait_until_healthy(port)
        for name, port, app_ports, stats in (
            ("cached", PORT_CACHED, APP_PORTS_CACHED, STATS_CACHED),
            ("uncached", PORT_UNCACHED, [APP_PORT_UNCACHED], STATS_UNCACHED),
        ):
            balancer_env = local_stack.haproxy_env(
                port, app_ports, stats_port=stats, **BENCH_BALANCER_LIMITS
            )
            local_stack.check_haproxy_config(self.haproxy, balancer_env)
            self.processes.start(
                local_stack.haproxy_args(self.haproxy), balancer_env, OUT / f"haproxy-{name}.log"
            )
            local_stack.wait_for_backend(stats, {"app1": "UP", "app2": "UP"})

    def stop_app_server(self, port: int) -> None:
        """SIGTERM, as systemd or docker stop sends: gunicorn finishes its requests."""
        child = self.app_servers[port]
        os.killpg(child.pid, signal.SIGTERM)


def cache_check(stack: Stack, article: str) -> dict:
    status, _, _ = fetch(stack.cached + article)
    fetch(stack.cached + article)
    _, headers, _ = fetch(stack.cached + article)
    return {
        "article_status": status,
        "x_cache": headers.get("X-Cache"),
        "via": headers.get("Via"),
        "served_by": headers.get("X-Served-By"),
    }


def throughput(stack: Stack, article: str, results: dict) -> None:
    say(f"wrk through HAProxy: baseline, article uncached, article cached ({ROUNDS} rounds)")
    results["load_average_before"] = os.getloadavg()
    targets = {
        "baseline": f"{stack.cached}/bench/baseline",
        "article-uncached": stack.uncached + article,
        "article-cached": stack.cached + article,
    }
    for name, url in targets.items():
        wrk(name, url, seconds=3, warmup=0)  # warm every worker of every server
    rounds = {name: [] for name in targets}
    for number in range(1, ROUNDS + 1):
        for name, url in targets.items():
            rounds[name].append(wrk(f"{name}-{number}", url, SECONDS // ROUNDS, warmup=0))
    results["throughput"] = [median_run(name, runs) for name, runs in rounds.items()]
    results["load_average_after"] = os.getloadavg()


def failover(stack: Stack, article: str) -> dict:
    """wrk on the cached article while app server 2 stops: HAProxy must lose nothing."""
    say(f"failover: stop app server 2 {FAILOVER_STOP_AFTER} s into {FAILOVER_SECONDS} s of wrk")
    # wrk's own 2 s timeout would count a request still waiting for its retry as an error:
    # a request counts as failed here only if it is refused, reset or answered non-2xx.
    args = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{FAILOVER_SECONDS}s", "--latency"]
    args += ["--timeout", "60s"]
    args.append(stack.cached + article)
    load = subprocess.Popen(args, stdout=subprocess.PIPE, text=True)
    time.sleep(FAILOVER_STOP_AFTER)
    stopped_at = time.monotonic()
    stack.stop_app_server(APP_PORTS_CACHED[1])
    marked_down_after = None
    try:
        local_stack.wait_for_backend(STATS_CACHED, {"app2": "DOWN"}, timeout=FAILOVER_SECONDS)
        marked_down_after = round(time.monotonic() - stopped_at, 1)
    except RuntimeError:
        pass
    output, _ = load.communicate(timeout=FAILOVER_SECONDS + 30)
    (OUT / "wrk-failover.txt").write_text(" ".join(args) + "\n" + output)
    return {
        "command": " ".join(args[:-1]) + " <cached article>",
        "stopped_after_s": FAILOVER_STOP_AFTER,
        "server_marked_down": marked_down_after is not None,
        "marked_down_after_s": marked_down_after,
        **parse_wrk(output),
    }


def questionnaire(stack: Stack, env: dict[str, str]) -> dict:
    say("questionnaire: 16 concurrent clients through HAProxy")
    before = in_django(env, "submissions")
    log_lines_before = len(ACCESS_LOG.read_text().splitlines())
    flows = subprocess.run(
        [
            local_stack.PYTHON,
            str(BENCH_DIR / "questionnaire.py"),
            stack.uncached,
            *("--clients", "16", "--flows", "5"),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    (OUT / "questionnaire.log").write_text(flows.stdout + flows.stderr)
    result = json.loads(flows.stdout.strip().splitlines()[-1])
    after = in_django(env, "submissions")
    result["stored"] = after["real"] - before["real"]
    result["duplicate_flow_ids"] = after["duplicate_flow_ids"]
    result["stored_without_flow_id"] = after["without_flow_id"]
    result["server"] = server_times(
        ACCESS_LOG.read_text().splitlines()[log_lines_before:], "POST /screening/submit/"
    )
    return result


def patient_paths(stack: Stack, article: str) -> dict:
    """bench/patient_wrk.py: issue 20's patient paths under wrk at 8 connections."""
    say("patient paths under wrk: baseline, article, start page, step POST, search")
    run = subprocess.run(
        [
            local_stack.PYTHON,
            str(BENCH_DIR / "patient_wrk.py"),
            *("--cached", stack.cached, "--uncached", stack.uncached, "--article", article),
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=BENCH_DIR,
    )
    (OUT / "patient_wrk.log").write_text(run.stdout + run.stderr)
    return json.loads(run.stdout.strip().splitlines()[-1])


def prepare_database(env: dict[str, str], results: dict) -> None:
    started = time.perf_counter()
    if os.environ.get("BENCH_REUSE_DB"):
        say("BENCH_REUSE_DB: keeping the database of the last run")
        local_stack.prepare_release(env)
        results["seed"] = {"via": "the previous run (BENCH_REUSE_DB)"}
    else:
        say(f"fresh database {DATABASE_URL.rsplit('/', 1)[-1]}: migrate, content, collectstatic")
        local_stack.create_database(env, drop=True)
        local_stack.prepare_release(env)
        say(f"{SUBMISSIONS} synthetic submissions")
        results["seed"] = seed(env)
    results["setup_seconds"] = round(time.perf_counter() - started)


def main() -> int:
    OUT.mkdir(exist_ok=True)
    ensure_wrk()
    env = bench_env()
    local_stack.ensure_services(env)
    results: dict = {
        "settings": {
            "workers": WORKERS,
            "seconds": SECONDS,
            "rounds": ROUNDS,
            "connections": CONNECTIONS,
        }
    }
    prepare_database(env, results)
    results["machine"] = machine(env)
    article = in_django(env, "article-url")["path"]
    results["article_path"] = article

    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()
    processes = local_stack.Processes()
    with local_stack.running(processes):
        stack = Stack(processes, env)
        say(f"HAProxy :{PORT_CACHED} -> gunicorn x2 (cache on), :{PORT_UNCACHED} -> x1 (off)")
        stack.start()
        results["cache_check"] = cache_check(stack, article)
        if wanted("throughput"):
            throughput(stack, article, results)
        if wanted("page-weight"):
            say("page weight")
            results["page_weight"] = page_weight(stack.cached, article)
        if "patient" in ONLY:  # only when asked for: BENCH_ONLY=patient
            results["patient_paths"] = patient_paths(stack, article)
        if wanted("questionnaire"):
            results["questionnaire"] = questionnaire(stack, env)
        if wanted("lighthouse"):
            say("lighthouse")
            lighthouse_pages = {"home": "/", "article": article, "questionnaire": "/screening/"}
            for path in lighthouse_pages.values():
                fetch(stack.cached + path)  # as any visitor after the first: the page is cached
            results["lighthouse"] = lighthouse(stack.cached, lighthouse_pages)
        # Last on these servers: it stops one of them.
        if wanted("failover"):
            results["failover"] = failover(stack, article)

    if wanted("staff"):
        say(f"staff review at {SUBMISSIONS} submissions: bench/staff_listing.py (scratch database)")
        results["staff_review"] = staff_review()

    (OUT / "results.json").write_text(json.dumps(results, indent=2))
    if ONLY:
        say(f"BENCH_ONLY={','.join(ONLY)}: {RESULTS.name} left as it was; see out/results.json")
        print(json.dumps({key: results.get(key) for key in ("throughput", "failover")}, indent=2))
        return 0
    write_results(results)
    say(f"wrote {RESULTS.relative_to(BASE_DIR)} and {OUT.relative_to(BASE_DIR)}/results.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
