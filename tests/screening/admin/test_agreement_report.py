"""Issue 18: the managers' report "Score and clinician agreement" shows, per criteria
version, outcome × clinician decision with counts and percentages, and as CSV."""

import csv
import io
import random
import re
from collections import Counter

import pytest

from tests.support.staff import client_for

URL = "/admin/reports/screening-agreement/"
OUTCOMES = ["likely", "possible", "unlikely", "refer"]
DECISIONS = [
    "suitable",
    "suitable_with_conditions",
    "not_suitable",
    "referred_elsewhere",
    "did_not_attend",
]


@pytest.fixture
def seeded(make_submission):
    """A random but fixed mix; returns the (version, outcome, decision) of each decided one."""
    rng = random.Random(18)
    decided = []
    for _ in range(40):
        version = rng.choice(["2025.01-1", "2026.02-2"])
        outcome = rng.choice(OUTCOMES)
        decision = rng.choice([*DECISIONS, ""])  # some not decided yet
        make_submission(
            criteria_version=version,
            outcome=outcome,
            clinician_decision=decision,
            clinician_decision_reason="Seen." if decision else "",
        )
        if decision:
            decided.append((version, outcome, decision))
    return decided


def expected_cells(decided):
    counts = Counter(decided)
    totals = Counter((version, outcome) for version, outcome, _ in decided)
    return {
        (version, outcome, decision): (
            counts[(version, outcome, decision)],
            round(100 * counts[(version, outcome, decision)] / totals[(version, outcome)], 1),
        )
        for version, outcome in totals
        for decision in DECISIONS
    }


def test_the_page_shows_the_expected_table_per_version(manager, seeded):
    response = client_for(manager).get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    expected = expected_cells(seeded)
    tables = re.findall(
        r"<caption>Criteria version (\S+): (\d+) decisions?</caption>(.*?)</table>", html, re.S
    )
    assert {version for version, _, _ in tables} == {v for v, _, _ in seeded}
    shown = {}
    for version, total, body in tables:
        assert int(total) == sum(1 for v, _, _ in seeded if v == version)
        for outcome, row in re.findall(r'<tr data-outcome="(\w+)">(.*?)</tr>', body, re.S):
            for decision, count, pct in re.findall(
                r'<td data-decision="(\w+)">(\d+) \(([\d.]+)%\)</td>', row
            ):
                shown[(version, outcome, decision)] = (int(count), float(pct))
    assert shown == expected


def test_the_csv_has_the_same_numbers(manager, seeded):
    response = client_for(manager).get(URL + "?format=csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    got = {
        (r["criteria_version"], r["outcome"], r["clinician_decision"]): (
            int(r["count"]),
            float(r["percent_of_outcome"]),
        )
        for r in rows
    }
    assert got == expected_cells(seeded)


def test_an_empty_report_says_so(manager, db):
    response = client_for(manager).get(URL)
    assert response.status_code == 200
    assert "No clinician decisions have been recorded yet." in response.content.decode()


@pytest.mark.parametrize("role", ["editor", "moderator", "reviewer"])
def test_only_managers_may_see_the_report(users, role):
    client = client_for(users[role])
    assert client.get(URL).status_code == 403
    assert client.get(URL + "?format=csv").status_code == 403


def test_anonymous_visitors_are_sent_to_the_login(db):
    response = client_for().get(URL)
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_managers_see_it_in_the_reports_menu_and_reviewers_do_not(manager, reviewer):
    assert URL in client_for(manager).get("/admin/").content.decode()
    assert URL not in client_for(reviewer).get("/admin/").content.decode()


def test_demo_data_gives_plausible_decisions_for_part_of_the_rows(manager, db):
    from django.core.management import call_command

    from screening.models import Submission

    call_command("screening_demo_data", count=300, seed=5, stdout=io.StringIO())
    decided = Submission.objects.exclude(clinician_decision="")
    undecided_closed = Submission.objects.filter(
        status__in=["consultation_booked", "closed", "not_suitable"], clinician_decision=""
    )
    # Part of the rows, only where a consultation is over, each with a reason.
    assert 0 < decided.count() < Submission.objects.count()
    assert undecided_closed.exists()
    assert set(decided.values_list("status", flat=True)) <= {
        "consultation_booked",
        "closed",
        "not_suitable",
    }
    assert all(s.clinician_decision_reason for s in decided)
    # Plausible: "likely" is mostly found suitable, "unlikely" mostly not.
    by_outcome = Counter(decided.values_list("outcome", "clinician_decision"))
    assert by_outcome[("likely", "suitable")] > by_outcome[("likely", "not_suitable")]
    html = client_for(manager).get(URL).content.decode()
    assert "No clinician decisions have been recorded yet." not in html
