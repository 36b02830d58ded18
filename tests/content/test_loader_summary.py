"""load_initial_data's closing line counts the same things on every run: what the first
run created, the next one finds already present."""

import io
import re

from django.core.management import call_command


def run_loader() -> str:
    out = io.StringIO()
    call_command("load_initial_data", stdout=out, stderr=io.StringIO())
    return out.getvalue()


def summary(output: str) -> tuple[int, int]:
    match = re.search(r"^(\d+) created, (\d+) already present", output, re.MULTILINE)
    assert match, output
    return int(match.group(1)), int(match.group(2))


def test_a_second_run_finds_present_everything_the_first_created(db):
    created, present = summary(run_loader())
    assert created > 0 and present == 0
    assert summary(run_loader()) == (0, created)
