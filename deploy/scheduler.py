"""The daily jobs, for deployments without systemd (compose.yaml's `scheduler` service).

    python deploy/scheduler.py            # runs the jobs now, then every day at 03:10 UTC
    python deploy/scheduler.py --once     # runs them once and exits (a cron line can call this)

The same jobs as the timers in deploy/systemd/: without them a deployment keeps health
data past its retention period (screening_purge), expired sessions with unfinished
answers (clearsessions), old task results and login access logs. SCHEDULER_DAILY_AT
(HH:MM, UTC) moves the daily run. A job that fails is logged and the others still run;
the exit status of --once says whether all succeeded.
"""

from __future__ import annotations

import argparse
import datetime
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

# (management command and arguments): each deletes what is past its time.
DAILY_JOBS: list[list[str]] = [
    ["screening_purge"],
    ["clearsessions"],
    ["prune_db_task_results"],
    ["axes_reset_logs"],
]


def next_run(now: datetime.datetime, daily_at: datetime.time) -> datetime.datetime:
    """The first moment after `now` (aware, UTC) at `daily_at` o'clock UTC."""
    today = datetime.datetime.combine(now.date(), daily_at, tzinfo=datetime.UTC)
    return today if today > now else today + datetime.timedelta(days=1)


def parse_daily_at(value: str) -> datetime.time:
    try:
        hours, minutes = (int(part) for part in value.split(":"))
        return datetime.time(hours, minutes)
    except ValueError:
        raise SystemExit(f"SCHEDULER_DAILY_AT must be HH:MM (UTC), not {value!r}") from None


def log(message: str) -> None:
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M:%S")
    print(f"{stamp} scheduler {message}", flush=True)


def run_jobs() -> bool:
    """Run every job once; True when all of them succeeded."""
    succeeded = True
    for job in DAILY_JOBS:
        # The commands print counts only, never personal data.
        result = subprocess.run([sys.executable, "manage.py", *job], cwd=BASE_DIR, check=False)
        outcome = "ok" if result.returncode == 0 else f"failed ({result.returncode})"
        log(f"{' '.join(job)}: {outcome}")
        succeeded = succeeded and result.returncode == 0
    return succeeded


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--once", action="store_true", help="run the jobs once and exit")
    args = parser.parse_args(argv)
    if args.once:
        return 0 if run_jobs() else 1
    daily_at = parse_daily_at(os.environ.get("SCHEDULER_DAILY_AT", "03:10"))
    # Stop at once on `docker compose stop` (SIGTERM) rather than after the grace period.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    run_jobs()
    while True:
        due = next_run(datetime.datetime.now(datetime.UTC), daily_at)
        log(f"next run at {due:%Y-%m-%d %H:%M} UTC")
        while (remaining := (due - datetime.datetime.now(datetime.UTC)).total_seconds()) > 0:
            time.sleep(min(remaining, 300))
        run_jobs()


if __name__ == "__main__":
    sys.exit(main())
