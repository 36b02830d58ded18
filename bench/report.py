"""Turn bench/out/results.json into the generated section of bench/RESULTS.md."""

from __future__ import annotations

import json
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
RESULTS = BENCH_DIR / "RESULTS.md"
BEGIN = "<!-- BEGIN GENERATED RESULTS -->"
END = "<!-- END GENERATED RESULTS -->"


def fmt_load(load) -> str:
    return "n/a" if not load else ", ".join(f"{value:.1f}" for value in load)


def verdict(met: bool | None) -> str:
    if met is None:
        return "not measured"
    return "met" if met else "**missed**"


def render(r: dict) -> str:
    from run import (
        TARGET_CACHED_RATIO,
        TARGET_CSV_PEAK_MB,
        TARGET_LIGHTHOUSE,
        TARGET_LISTING_MS,
        TARGET_LISTING_QUERIES,
        TARGET_PAGE_KB,
        TARGET_SUBMIT_P95_MS,
    )

    m = r["machine"]
    lines = [
        BEGIN,
        "",
        f"Run on {m['date']} at commit `{m['commit']}` with `make bench`.",
        "",
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory']} RAM; {m['os']}; "
        f"Python {m['python']}, PostgreSQL {m['postgresql']}, Redis {m['redis']}, "
        f"{m['gunicorn']}, {m['wrk']}, Node {m['node']}, {m['chromium']}.",
        "",
        f"gunicorn: `deploy/gunicorn.conf.py`, {r['settings']['workers']} sync workers "
        "(2 × cores + 1), settings `clinic_site.settings.bench` (production + the baseline "
        "view + relaxed questionnaire limits). wrk and the servers share the same 2 cores.",
        "",
        "### Summary",
        "",
        "| Measure | Result | Target | |",
        "|---|---|---|---|",
    ]
    throughput = {row["name"]: row for row in r["throughput"]}
    baseline = throughput["baseline"]["rps"]
    cached_ratio = throughput["article-cached"]["rps"] / baseline
    uncached_ratio = throughput["article-uncached"]["rps"] / baseline
    lines.append(
        f"| Cached article / baseline | {cached_ratio:.2f} | ≥ {TARGET_CACHED_RATIO} "
        f"| {verdict(cached_ratio >= TARGET_CACHED_RATIO)} |"
    )
    lines.append(f"| Uncached article / baseline | {uncached_ratio:.2f} | (none) | |")
    weight_kb = r["page_weight"]["total_bytes"] / 1024
    lines.append(
        f"| Article page on the wire (HTML+CSS+JS+SVG) | {weight_kb:.1f} KB "
        f"| < {TARGET_PAGE_KB} KB "
        f"| {verdict(weight_kb < TARGET_PAGE_KB)} |"
    )
    q = r["questionnaire"]
    p95 = q.get("submit_p95_ms")
    consistent = (
        q["flows_completed"] > 0
        and q["stored"] == q["flows_completed"]
        and q["duplicate_flow_ids"] == 0
        and q["stored_without_flow_id"] == 0
    )
    lines.append(
        f"| Questionnaire final submit p95 (16 clients) | "
        f"{'n/a' if p95 is None else f'{p95} ms'} | < {TARGET_SUBMIT_P95_MS} ms | "
        f"{verdict(None if p95 is None else p95 < TARGET_SUBMIT_P95_MS)} |"
    )
    lines.append(
        f"| Stored submissions = completed flows, no duplicates | "
        f"{q['stored']} stored / {q['flows_completed']} completed, "
        f"{q['duplicate_flow_ids']} duplicate flow ids | equal, 0 | "
        f"{verdict(consistent if q['flows_attempted'] else None)} |"
    )
    staff = r.get("staff_review", {})
    if "views" in staff:
        listings = {name: v for name, v in staff["views"].items() if name.startswith("listing")}
        slowest = max(listings.items(), key=lambda item: item[1]["median_ms"])
        most_queries = max(v["queries"] for v in listings.values())
        default = staff["views"]["listing (default, newest first)"]
        lines.append(
            f"| Staff listing at {staff['submissions']:,}: server time, default view "
            f"(slowest of {len(listings)} listing variants) | {default['median_ms']} ms "
            f"({slowest[1]['median_ms']} ms, {slowest[0]}) | < {TARGET_LISTING_MS} ms | "
            f"{verdict(slowest[1]['median_ms'] < TARGET_LISTING_MS)} |"
        )
        lines.append(
            f"| Staff listing: queries (most of any variant) | {default['queries']} "
            f"({most_queries}) | ≤ {TARGET_LISTING_QUERIES} | "
            f"{verdict(most_queries <= TARGET_LISTING_QUERIES)} |"
        )
        csv = next(e for e in staff["exports"] if e["format"] == "csv")
        rss_growth = round(csv["process_peak_rss_mb"] - csv["rss_before_export_mb"], 1)
        lines.append(
            f"| CSV export of {staff['submissions']:,} rows: peak memory of the process | "
            f"{csv['process_peak_rss_mb']} MB peak RSS (+{rss_growth} MB during the export; "
            f"Python allocations {staff['csv_python_peak_mb']} MB) | < {TARGET_CSV_PEAK_MB} MB "
            f"| {verdict(csv['process_peak_rss_mb'] < TARGET_CSV_PEAK_MB)} |"
        )
    else:
        lines.append(
            f"| Staff listing and CSV export | failed: {staff.get('error', 'not run')} "
            f"| < {TARGET_LISTING_MS} ms, ≤ {TARGET_LISTING_QUERIES} queries, "
            f"< {TARGET_CSV_PEAK_MB} MB | not measured |"
        )
    lh = r["lighthouse"]
    for name, page in lh.get("pages", {}).items():
        if "error" in page:
            lines.append(
                f"| Lighthouse mobile, {name} (`{page['url']}`) | failed: {page['error']} "
                "| 95, 100, 100, 100 | not measured |"
            )
            continue
        scores = ", ".join(f"{key} {page[key]}" for key in TARGET_LIGHTHOUSE)
        met = all(page[key] >= target for key, target in TARGET_LIGHTHOUSE.items())
        lines.append(
            f"| Lighthouse mobile, {name} (`{page['url']}`) | {scores} | 95, 100, 100, 100 "
            f"| {verdict(met)} |"
        )
    if "skipped" in lh:
        lines.append(f"| Lighthouse | skipped ({lh['skipped']}) | | not measured |")

    lines += [
        "",
        f"### Throughput ({r['settings']['seconds']} s per target in "
        f"{r['settings'].get('rounds', 3)} interleaved rounds after a 3 s warm-up, "
        f"{r['settings']['connections']} connections, 2 wrk threads)",
        "",
        "Each row is the round with the median requests/s (every round in the last "
        "column); ratios use those medians. Load average (1, 5, 15 min) before: "
        f"{fmt_load(r.get('load_average_before'))}, after: "
        f"{fmt_load(r.get('load_average_after'))}: the machine is shared with the other "
        "developers' test runs, so absolute numbers move between runs; the ratios, measured "
        "side by side, move much less.",
        "",
        f"Article: `{r['article_path']}`. Uncached: a second gunicorn with "
        "`PAGE_CACHE_ENABLED=false` (every request renders the page from PostgreSQL). "
        "Cached: page cache on (Redis); checked before the run: X-Cache "
        f"`{r['cache_check']['x_cache']}`.",
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
    lines += ["", "### Article page weight (a cache hit, as a browser receives it)", ""]
    lines += ["| Resource | Bytes on the wire | Uncompressed | Encoding |", "|---|---|---|---|"]
    for item in r["page_weight"]["items"]:
        lines.append(
            f"| `{item['url']}` | {item['bytes']} | {item['raw_bytes']} | {item['encoding']} |"
        )
    lines += [
        "",
        f"Total: {r['page_weight']['total_bytes']} bytes on the wire "
        f"({r['page_weight']['total_raw_bytes']} uncompressed), images excluded. HTML comes "
        "compressed from the page cache; static files from WhiteNoise's precompressed copies.",
        "",
        "### Questionnaire",
        "",
        f"{q['clients']} concurrent clients × "
        f"{q['flows_attempted'] // max(1, q['clients'])} flows each: "
        f"{q['flows_completed']} completed of {q['flows_attempted']} in {q['wall_seconds']} s; "
        f"final submit p50 {q['submit_p50_ms']} ms, p95 {q['submit_p95_ms']} ms, "
        f"max {q['submit_max_ms']} ms. Failures: {', '.join(q['failures']) or 'none'}.",
        "",
        "Measured at the client: the wait for a free gunicorn worker (5 workers, 16 "
        "clients, each request of every flow competing on 2 cores with the clients "
        "themselves) plus the time in the worker. The worker's own time for the same "
        "submits, from gunicorn's access log: "
        + (
            f"p50 {q['server']['p50_ms']} ms, p95 {q['server']['p95_ms']} ms, "
            f"max {q['server']['max_ms']} ms ({q['server']['count']} submits)."
            if q.get("server")
            else "not available."
        ),
        "",
    ]
    if "views" in staff:
        lines += [
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
        lines.append("")
    if lh.get("pages"):
        lines += ["### Lighthouse (mobile preset)", "", f"`{lh['command']}`", ""]
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
                lines.append(
                    f"- {name}: audits below full score: {', '.join(page['failed_audits'])}"
                )
        lines.append("")
    lines += [
        f"Setup (fresh database, content, {r['seed']['via']}, collectstatic): "
        f"{r['setup_seconds']} s. Raw outputs: `bench/out/` (git-ignored).",
        "",
        END,
    ]
    return "\n".join(lines)


def write_results(results: dict) -> None:
    text = RESULTS.read_text() if RESULTS.exists() else f"# Benchmark results\n\n{BEGIN}\n{END}\n"
    before, _, rest = text.partition(BEGIN)
    _, _, after = rest.partition(END)
    RESULTS.write_text(before + render(results) + after)


if __name__ == "__main__":
    write_results(json.loads((BENCH_DIR / "out" / "results.json").read_text()))
