"""bench/report.py turns measurements into RESULTS.md verdicts: check the verdicts are
computed from the numbers, so a missed target can never read as met."""

import sys
from pathlib import Path

import pytest

BENCH_DIR = Path(__file__).resolve().parent.parent.parent / "bench"


@pytest.fixture
def report(monkeypatch):
    # The bench scripts import each other as top-level modules (they run as scripts).
    monkeypatch.syspath_prepend(str(BENCH_DIR))
    for module in ("report", "targets"):
        monkeypatch.delitem(sys.modules, module, raising=False)
    import report

    return report


def results(
    cached_rps=3000.0,
    submit_p95=100.0,
    stored=80,
    listing_ms=50.0,
    csv_mb=150.0,
    failover_non_2xx=0,
    failover_socket_errors=0,
    marked_down=True,
):
    def wrk(name, rps):
        return {"name": name, "rps": rps, "p50_ms": 3.0, "p99_ms": 9.0, "non_2xx": 0}

    return {
        "settings": {"workers": 5, "seconds": 15, "rounds": 3, "connections": 16},
        "machine": dict.fromkeys(
            [
                "date",
                "commit",
                "cpu",
                "cores",
                "memory",
                "os",
                "python",
                "postgresql",
                "redis",
                "gunicorn",
                "wrk",
                "node",
                "chromium",
            ],
            "x",
        ),
        "article_path": "/articles/faq/",
        "cache_check": {"x_cache": "hit"},
        "throughput": [
            wrk("baseline", 4000.0),
            wrk("article-uncached", 200.0),
            wrk("article-cached", cached_rps),
        ],
        "page_weight": {
            "items": [{"url": "/", "bytes": 9000, "raw_bytes": 40000, "encoding": "br"}],
            "total_bytes": 20000,
            "total_raw_bytes": 60000,
        },
        "questionnaire": {
            "clients": 16,
            "flows_attempted": 80,
            "flows_completed": 80,
            "stored": stored,
            "duplicate_flow_ids": 0,
            "stored_without_flow_id": 0,
            "submit_p50_ms": 80.0,
            "submit_p95_ms": submit_p95,
            "submit_max_ms": 150.0,
            "wall_seconds": 6.0,
            "failures": [],
        },
        "staff_review": {
            "command": "python bench/staff_listing.py",
            "submissions": 100000,
            "runs": 7,
            "views": {"listing (default, newest first)": {"median_ms": listing_ms, "queries": 12}},
            "exports": [
                {
                    "format": "csv",
                    "bytes": 1,
                    "seconds": 1,
                    "process_peak_rss_mb": csv_mb,
                    "rss_before_export_mb": 100.0,
                }
            ],
            "csv_python_peak_mb": 10.0,
        },
        "failover": {
            "command": "wrk",
            "stopped_after_s": 3,
            "server_marked_down": marked_down,
            "marked_down_after_s": 2.1 if marked_down else None,
            "requests": 2500,
            "non_2xx": failover_non_2xx,
            "socket_errors": "",
            "socket_errors_total": failover_socket_errors,
            "max_ms": 2700.0,
        },
        "lighthouse": {"skipped": "test"},
        "seed": {"via": "test"},
        "setup_seconds": 1,
    }


def row(text, label):
    return next(line for line in text.splitlines() if line.startswith(f"| {label}"))


def test_targets_met_read_as_met(report):
    text = report.render(results())
    labels = ("Cached article", "Questionnaire final", "Stored", "Staff listing", "CSV", "Requests")
    for label in labels:
        assert row(text, label).endswith("| met |"), label


@pytest.mark.parametrize(
    ("changes", "label"),
    [
        ({"cached_rps": 1900.0}, "Cached article"),
        # 0.575 of the baseline: issue 8's 0.5 would pass; through HAProxy the target is 0.6.
        ({"cached_rps": 2300.0}, "Cached article"),
        ({"failover_non_2xx": 1}, "Requests failed"),
        ({"failover_socket_errors": 2}, "Requests failed"),
        ({"marked_down": False}, "Requests failed"),
        ({"submit_p95": 250.0}, "Questionnaire final"),
        ({"stored": 79}, "Stored"),
        ({"listing_ms": 600.0}, "Staff listing at"),
        ({"csv_mb": 250.0}, "CSV"),
    ],
)
def test_a_missed_target_reads_as_missed(report, changes, label):
    assert row(report.render(results(**changes)), label).endswith("| **missed** |")
