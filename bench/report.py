"""Turn bench/out/results.json into the generated section of bench/RESULTS.md.

render() assembles small section renderers; each takes the results and returns lines.
Verdicts are computed from the numbers against bench/targets.py, so a missed target can
never read as met.
"""

from __future__ import annotations

import json
from pathlib import Path

from targets import (
    TARGET_CACHED_RATIO,
    TARGET_CSV_PEAK_MB,
    TARGET_FAILOVER_FAILED_REQUESTS,
    TARGET_LIGHTHOUSE,
    TARGET_LISTING_MS,
    TARGET_LISTING_QUERIES,
    TARGET_PAGE_KB,
    TARGET_SUBMIT_P95_MS,
)

BENCH_DIR = Path(__file__).resolve().parent
RESULTS = BENCH_DIR / "RESULTS.md"
BEGIN = "<!-- BEGIN GENERATED RESULTS -->"
END = "<!-- END GENERATED RESULTS -->"
LIGHTHOUSE_TARGETS = ", ".join(str(value) for value in TARGET_LIGHTHOUSE.values())


def fmt_load(load) -> str:
    return "n/a" if not load else ", ".join(f"{value:.1f}" for value in load)


def verdict(met: bool | None) -> str:
    if met is None:
        return "not measured"
    return "met" if met else "**missed**"


def summary_row(measure: str, result: str, target: str, met: bool | None) -> str:
    return f"| {measure} | {result} | {target} | {verdict(met)} |"


def throughput_by_name(r: dict) -> dict[str, dict]:
    return {row["name"]: row for row in r["throughput"]}


def header(r: dict) -> list[str]:
    m = r["machine"]
    return [
        BEGIN,
        "",
        f"Run on {m['date']} at commit `{m['commit']}` with `make bench`.",
        "",
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory']} RAM; {m['os']}; "
        f"Python {m['python']}, PostgreSQL {m['postgresql']}, Redis {m['redis']}, "
        f"{m['gunicorn']}, {m.get('haproxy', 'HAProxy')}, {m['wrk']}, Node {m['node']}, "
        f"{m['chromium']}.",
        "",
        f"Every request goes through HAProxy running `deploy/haproxy.cfg` in front of the "
        f"gunicorn servers (`deploy/gunicorn.conf.py`, {r['settings']['workers']} sync "
        "workers each, 2 × cores + 1), settings `clinic_site.settings.bench` (production + "
        "the baseline view + relaxed questionnaire limits). wrk, HAProxy and the servers "
        "share the same 2 cores.",
        "",
    ]


def throughput_summary(r: dict) -> list[str]:
    throughput = throughput_by_name(r)
    baseline = throughput["baseline"]["rps"]
    cached_ratio = throughput["article-cached"]["rps"] / baseline
    uncached_ratio = throughput["article-uncached"]["rps"] / baseline
    return [
        summary_row(
            "Cached article / baseline (both through HAProxy)",
            f"{cached_ratio:.2f}",
            f"≥ {TARGET_CACHED_RATIO}",
            cached_ratio >= TARGET_CACHED_RATIO,
        ),
        f"| Uncached article / baseline | {uncached_ratio:.2f} | (none) | |",
    ]


def page_weight_summary(r: dict) -> list[str]:
    weight_kb = r["page_weight"]["total_bytes"] / 1024
    return [
        summary_row(
            "Article page on the wire (HTML+CSS+JS+SVG)",
            f"{weight_kb:.1f} KB",
            f"< {TARGET_PAGE_KB} KB",
            weight_kb < TARGET_PAGE_KB,
        )
    ]


def questionnaire_summary(r: dict) -> list[str]:
    q = r["questionnaire"]
    p95 = q.get("submit_p95_ms")
    consistent = (
        q["flows_completed"] > 0
        and q["stored"] == q["flows_completed"]
        and q["duplicate_flow_ids"] == 0
        and q["stored_without_flow_id"] == 0
    )
    return [
        summary_row(
            "Questionnaire final submit p95 (16 clients)",
            "n/a" if p95 is None else f"{p95} ms",
            f"< {TARGET_SUBMIT_P95_MS} ms",
            None if p95 is None else p95 < TARGET_SUBMIT_P95_MS,
        ),
        summary_row(
            "Stored submissions = completed flows, no duplicates",
            f"{q['stored']} stored / {q['flows_completed']} completed, "
            f"{q['duplicate_flow_ids']} duplicate flow ids",
            "equal, 0",
            consistent if q["flows_attempted"] else None,
        ),
    ]


def staff_summary(r: dict) -> list[str]:
    staff = r.get("staff_review", {})
    if "views" not in staff:
        return [
            f"| Staff listing and CSV export | failed: {staff.get('error', 'not run')} "
            f"| < {TARGET_LISTING_MS} ms, ≤ {TARGET_LISTING_QUERIES} queries, "
            f"< {TARGET_CSV_PEAK_MB} MB | not measured |"
        ]
    listings = {name: v for name, v in staff["views"].items() if name.startswith("listing")}
    slowest_name, slowest = max(listings.items(), key=lambda item: item[1]["median_ms"])
    most_queries = max(v["queries"] for v in listings.values())
    default = staff["views"]["listing (default, newest first)"]
    csv = next(e for e in staff["exports"] if e["format"] == "csv")
    rss_growth = round(csv["process_peak_rss_mb"] - csv["rss_before_export_mb"], 1)
    return [
        summary_row(
            f"Staff listing at {staff['submissions']:,}: server time, default view "
            f"(slowest of {len(listings)} listing variants)",
            f"{default['median_ms']} ms ({slowest['median_ms']} ms, {slowest_name})",
            f"< {TARGET_LISTING_MS} ms",
            slowest["median_ms"] < TARGET_LISTING_MS,
        ),
        summary_row(
            "Staff listing: queries (most of any variant)",
            f"{default['queries']} ({most_queries})",
            f"≤ {TARGET_LISTING_QUERIES}",
            most_queries <= TARGET_LISTING_QUERIES,
        ),
        summary_row(
            f"CSV export of {staff['submissions']:,} rows: peak memory of the process",
            f"{csv['process_peak_rss_mb']} MB peak RSS (+{rss_growth} MB during the export; "
            f"Python allocations {staff['csv_python_peak_mb']} MB)",
            f"< {TARGET_CSV_PEAK_MB} MB",
            csv["process_peak_rss_mb"] < TARGET_CSV_PEAK_MB,
        ),
    ]


def failover_summary(r: dict) -> list[str]:
    failover = r.get("failover")
    if not failover:
        return []
    failed = failover["non_2xx"] + failover["socket_errors_total"]
    return [
        summary_row(
            "Requests failed while one app server stops under load",
            f"{failed} of {failover['requests']:,}",
            f"{TARGET_FAILOVER_FAILED_REQUESTS}",
            failed <= TARGET_FAILOVER_FAILED_REQUESTS and failover["server_marked_down"],
        )
    ]


def lighthouse_summary(r: dict) -> list[str]:
    lh = r["lighthouse"]
    lines = []
    for name, page in lh.get("pages", {}).items():
        measure = f"Lighthouse mobile, {name} (`{page['url']}`)"
        if "error" in page:
            lines.append(f"| {measure} | failed: {page['error']} | {LIGHTHOUSE_TARGETS} | "
                         "not measured |")  # fmt: skip
            continue
        scores = ", ".join(f"{key} {page[key]}" for key in TARGET_LIGHTHOUSE)
        met = all(page[key] >= target for key, target in TARGET_LIGHTHOUSE.items())
        lines.append(summary_row(measure, scores, LIGHTHOUSE_TARGETS, met))
    if "skipped" in lh:
        lines.append(f"| Lighthouse | skipped ({lh['skipped']}) | | not measured |")
    return lines


def summary(r: dict) -> list[str]:
    return [
        "### Summary",
        "",
        "| Measure | Result | Target | |",
        "|---|---|---|---|",
        *throughput_summary(r),
        *page_weight_summary(r),
        *questionnaire_summary(r),
        *staff_summary(r),
        *failover_summary(r),
        *lighthouse_summary(r),
    ]


def throughput_section(r: dict) -> list[str]:
    settings = r["settings"]
    baseline = throughput_by_name(r)["baseline"]["rps"]
    lines = [
        "",
        f"### Throughput ({settings['seconds']} s per target in "
        f"{settings.get('rounds', 3)} interleaved rounds after a 3 s warm-up, "
        f"{settings['connections']} connections, 2 wrk threads)",
        "",
        "Each row is the round with the median requests/s (every round in the last "
        "column); ratios use those medians. Load average (1, 5, 15 min) before: "
        f"{fmt_load(r.get('load_average_before'))}, after: "
        f"{fmt_load(r.get('load_average_after'))}: the machine is shared with the other "
        "developers' test runs, so absolute numbers move between runs; the ratios, measured "
        "side by side, move much less.",
        "",
        f"Article: `{r['article_path']}`. Baseline and cached article: HAProxy in front of "
        "two app servers with the page cache on (Redis); checked before the run: X-Cache "
        f"`{r['cache_check']['x_cache']}`. Uncached: a second HAProxy in front of a server "
        "started with `PAGE_CACHE_ENABLED=false` (every request renders the page from "
        "PostgreSQL).",
        "",
        "| Target | Requests/s | Ratio to baseline | p50 | p99 | Non-2xx | Rounds (req/s) |",
        "|---|---|---|---|---|---|---|",
    ]
    for row in r["throughput"]:
        lines.append(
            f"| {row['name']} | {row['rps']:.0f} | {row['rps'] / baseline:.2f} | "
            f"{row['p50_ms']:.1f} ms | {row['p99_ms']:.1f} ms | {row['non_2xx']} | "
            f"{', '.join(map(str, row.get('rounds_rps', [])))} |"
        )
    return lines


def failover_section(r: dict) -> list[str]:
    failover = r.get("failover")
    if not failover:
        return []
    return [
        "",
        "### One app server stops under load",
        "",
        f"`{failover['command']}` against the cached article through HAProxy; "
        f"{failover['stopped_after_s']} s in, app server 2 gets SIGTERM (gunicorn finishes "
        "its requests and closes its socket). HAProxy retries a refused connection on the "
        "other server, and its health check marked the server "
        f"{'DOWN' if failover['server_marked_down'] else '**not down**'} "
        f"{failover.get('marked_down_after_s', 'n/a')} s after the signal. Requests: "
        f"{failover['requests']:,}; non-2xx: {failover['non_2xx']}; socket errors: "
        f"{failover['socket_errors'] or 'none'}; slowest {failover.get('max_ms') or 0:.0f} ms "
        "(a request that reached the stopping server waits for gunicorn to close its socket, "
        "then HAProxy's retry, one second later, on the other server).",
    ]


def page_weight_section(r: dict) -> list[str]:
    weight = r["page_weight"]
    lines = ["", "### Article page weight (a cache hit, as a browser receives it)", ""]
    lines += ["| Resource | Bytes on the wire | Uncompressed | Encoding |", "|---|---|---|---|"]
    for item in weight["items"]:
        lines.append(
            f"| `{item['url']}` | {item['bytes']} | {item['raw_bytes']} | {item['encoding']} |"
        )
    return [
        *lines,
        "",
        f"Total: {weight['total_bytes']} bytes on the wire "
        f"({weight['total_raw_bytes']} uncompressed), images excluded. HTML comes "
        "compressed from the page cache; static files from WhiteNoise's precompressed copies.",
    ]


def questionnaire_section(r: dict) -> list[str]:
    q = r["questionnaire"]
    server = q.get("server")
    server_times = (
        f"p50 {server['p50_ms']} ms, p95 {server['p95_ms']} ms, "
        f"max {server['max_ms']} ms ({server['count']} submits)."
        if server
        else "not available."
    )
    return [
        "",
        "### Questionnaire",
        "",
        f"{q['clients']} concurrent clients × "
        f"{q['flows_attempted'] // max(1, q['clients'])} flows each: "
        f"{q['flows_completed']} completed of {q['flows_attempted']} in {q['wall_seconds']} s; "
        f"final submit p50 {q['submit_p50_ms']} ms, p95 {q['submit_p95_ms']} ms, "
        f"max {q['submit_max_ms']} ms. Failures: {', '.join(q['failures']) or 'none'}.",
        "",
        "Measured at the client, through HAProxy: the wait for a free gunicorn worker "
        "(16 clients, each request of every flow competing on 2 cores with the clients "
        "themselves) plus the time in the worker. The worker's own time for the same "
        f"submits, from gunicorn's access log: {server_times}",
        "",
    ]


def staff_section(r: dict) -> list[str]:
    staff = r.get("staff_review", {})
    if "views" not in staff:
        return []
    lines = [
        "### Staff review at 100k submissions",
        "",
        f"`{staff['command']}` (PostgreSQL scratch database; in-process test client as "
        f"a member of Screening reviewers, median of {staff['runs']} runs; exports "
        "streamed in a fresh process).",
        "",
        "| View | Median server time | Queries |",
        "|---|---|---|",
    ]
    for name, view in staff["views"].items():
        lines.append(f"| {name} | {view['median_ms']} ms | {view['queries']} |")
    lines.append("")
    for export in staff["exports"]:
        lines.append(
            f"- Export {export['format']}: {export['bytes'] / 2**20:.1f} MB in "
            f"{export['seconds']} s, process peak RSS {export['process_peak_rss_mb']} MB "
            f"(before the export {export['rss_before_export_mb']} MB)."
        )
    return [*lines, ""]


def lighthouse_section(r: dict) -> list[str]:
    lh = r["lighthouse"]
    if not lh.get("pages"):
        return []
    lines = ["### Lighthouse (mobile preset)", "", f"`{lh['command']}`", ""]
    lines += ["| Page | Perf | A11y | Best practices | SEO | FCP | LCP | TBT | CLS |"]
    lines += ["|---|---|---|---|---|---|---|---|---|"]
    for name, page in lh["pages"].items():
        if "error" in page:
            continue
        metrics = page["metrics"]
        lines.append(
            f"| {name} | {page['performance']} | {page['accessibility']} | "
            f"{page['best-practices']} | {page['seo']} | "
            f"{metrics['first-contentful-paint']} | {metrics['largest-contentful-paint']} | "
            f"{metrics['total-blocking-time']} | {metrics['cumulative-layout-shift']} |"
        )
    lines.append("")
    for name, page in lh["pages"].items():
        if page.get("failed_audits"):
            lines.append(f"- {name}: audits below full score: {', '.join(page['failed_audits'])}")
    return [*lines, ""]


def footer(r: dict) -> list[str]:
    return [
        f"Setup (fresh database, content, {r['seed']['via']}, collectstatic): "
        f"{r['setup_seconds']} s. Raw outputs: `bench/out/` (git-ignored).",
        "",
        END,
    ]


SECTIONS = (
    header,
    summary,
    throughput_section,
    failover_section,
    page_weight_section,
    questionnaire_section,
    staff_section,
    lighthouse_section,
    footer,
)


def render(r: dict) -> str:
    return "\n".join(line for section in SECTIONS for line in section(r))


def write_results(results: dict) -> None:
    text = RESULTS.read_text() if RESULTS.exists() else f"# Benchmark results\n\n{BEGIN}\n{END}\n"
    before, _, rest = text.partition(BEGIN)
    _, _, after = rest.partition(END)
    RESULTS.write_text(before + render(results) + after)


if __name__ == "__main__":
    write_results(json.loads((BENCH_DIR / "out" / "results.json").read_text()))
