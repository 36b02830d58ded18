"""deploy/scheduler.py: the container scheduler runs the daily jobs once a day at the
configured time (UTC), keeps going when one fails, and runs only real commands."""

import datetime
import sys

import pytest
from django.core.management import get_commands

from deploy import scheduler

UTC = datetime.UTC


def at(day, hour, minute, second=0):
    return datetime.datetime(2026, 12, day, hour, minute, second, tzinfo=UTC)


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (at(3, 1, 0), at(3, 3, 10)),  # earlier today: later today
        (at(3, 3, 10), at(4, 3, 10)),  # exactly on time: it has just run, so tomorrow
        (at(3, 3, 10, 1), at(4, 3, 10)),
        (at(31, 23, 59), datetime.datetime(2027, 1, 1, 3, 10, tzinfo=UTC)),
    ],
)
def test_next_run_is_the_next_daily_time(now, expected):
    assert scheduler.next_run(now, datetime.time(3, 10)) == expected


def test_daily_time_is_checked():
    assert scheduler.parse_daily_at("04:30") == datetime.time(4, 30)
    for wrong in ("4.30", "25:00", "noon", ""):
        with pytest.raises(SystemExit, match="SCHEDULER_DAILY_AT must be HH:MM"):
            scheduler.parse_daily_at(wrong)


def test_every_job_is_a_management_command():
    assert {job[0] for job in scheduler.DAILY_JOBS} <= set(get_commands())


def test_a_failing_job_does_not_stop_the_others(monkeypatch, capsys):
    ran = []

    class Result:
        def __init__(self, returncode):
            self.returncode = returncode

    def fake_run(args, **kwargs):
        assert args[:2] == [sys.executable, "manage.py"]
        ran.append(args[2])
        return Result(1 if args[2] == "screening_purge" else 0)

    monkeypatch.setattr(scheduler.subprocess, "run", fake_run)
    assert scheduler.main(["--once"]) == 1
    assert ran == [job[0] for job in scheduler.DAILY_JOBS]
    output = capsys.readouterr().out
    assert "screening_purge: failed (1)" in output
    assert "clearsessions: ok" in output
