"""The questionnaire funnel (issue 18, item 4): aggregate counters per day × criteria
version × event, counted through the real questionnaire over HTTP, at most one query more
per questionnaire request, and the managers' report with its drop-off per step."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from screening import funnel
from screening.criteria import CRITERIA_VERSION
from screening.models import FunnelCount
from tests.support.screening import LIKELY_ANSWERS, post_steps, step_data, step_url
from tests.support.staff import client_for

REPORT = "/admin/reports/screening-funnel/"
SUBMIT = reverse("screening:submit")
PHOTOS = reverse("screening:photos")


def walk_to_check(client, answers=LIKELY_ANSWERS):
    """Every step, then the optional photo step without a photo, as a patient goes on to
    check-your-answers (post_steps alone stops before the photo step)."""
    post_steps(client, answers)
    response = client.post(PHOTOS)
    assert response["Location"] == reverse("screening:check"), response.status_code


@pytest.fixture
def complete_questionnaire(django_capture_on_commit_callbacks):
    def run(client, answers=LIKELY_ANSWERS, *, follow=True):
        walk_to_check(client, answers)
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(SUBMIT, follow=follow)

    return run


def counts(day=None, version=CRITERIA_VERSION) -> dict[str, int]:
    day = day or timezone.localdate()
    return dict(
        FunnelCount.objects.filter(day=day, criteria_version=version).values_list("event", "count")
    )


def expected_run(answers=LIKELY_ANSWERS, *, submitted=True) -> dict[str, int]:
    """What one complete run counts, worked out from the steps the patient is shown."""
    slugs = [slug for slug, _ in step_data(answers)]
    assert slugs[0] == "consent"
    expected = {"started": 1, **{f"step:{slug}": 1 for slug in slugs[1:]}}
    # Every run passes the optional photo step (screening/photo_views.py) after contact.
    expected["step:photos"] = 1
    expected["check_your_answers"] = 1
    if submitted:
        expected["submitted"] = 1
    return expected


# --- counting ---------------------------------------------------------------------------


def test_a_complete_run_counts_each_stage_once(patient, complete_questionnaire):
    response = complete_questionnaire(patient, follow=False)
    assert response["Location"] == reverse("screening:result")
    assert counts() == expected_run()
    # Nothing but the counters: no session key, no answer, no person.
    assert {f.name for f in FunnelCount._meta.get_fields()} == {
        "id",
        "day",
        "criteria_version",
        "event",
        "count",
    }


def test_two_runs_add_up_and_going_back_counts_nothing_twice(patient, complete_questionnaire):
    steps = step_data()
    for slug, data in steps[:4]:
        assert patient.post(step_url(slug), data).status_code == 302
    # Back to the second step and forward again: the third step was already reached.
    for slug, data in steps[1:4]:
        assert patient.post(step_url(slug), data).status_code == 302
    complete_questionnaire(patient)
    complete_questionnaire(client_for())
    assert counts() == dict.fromkeys(expected_run(), 2)


def test_changing_an_answer_from_check_your_answers_is_not_a_new_visit(patient):
    walk_to_check(patient)
    first = counts()
    slug, data = step_data()[2]
    response = patient.post(step_url(slug, change=True), data)
    assert response["Location"] == reverse("screening:check")
    assert counts() == first == expected_run(submitted=False)


def test_refusals_are_counted(patient, settings):
    steps = step_data()
    assert patient.post(step_url(steps[0][0]), steps[0][1]).status_code == 302  # consent
    slug = next(slug for slug, data in steps if "age" in data)
    for earlier, data in steps[1:]:
        if earlier == slug:
            break
        patient.post(step_url(earlier), data)
    under_age = {**dict(steps)[slug], "age": "16"}
    response = patient.post(step_url(slug), under_age)
    assert response["Location"] == reverse("screening:adults_only")
    assert counts()["refused_under_18"] == 1

    settings.SCREENING_MIN_SECONDS = 3600
    quick = client_for()
    walk_to_check(quick)
    response = quick.post(SUBMIT)
    assert response.status_code == 200  # the check page again, with a notice
    assert counts()["refused_too_quick"] == 1
    assert "submitted" not in counts()


def test_a_second_click_on_submit_counts_one_submission(patient):
    walk_to_check(patient)
    assert patient.post(SUBMIT).status_code == 302
    assert patient.post(SUBMIT).status_code == 302
    assert counts()["submitted"] == 1


def test_the_session_remembers_only_event_names_and_forgets_them_on_submit(patient):
    walk_to_check(patient)
    remembered = patient.session[funnel.SESSION_KEY]
    assert all(isinstance(event, str) for event in remembered)
    assert set(remembered) == set(expected_run(submitted=False)) - {"started"}
    patient.post(SUBMIT)
    assert funnel.SESSION_KEY not in patient.session


def test_counting_adds_at_most_one_query_to_a_questionnaire_step(patient):
    steps = step_data()
    for slug, data in steps[:2]:
        patient.post(step_url(slug), data)
    slug, data = steps[2]
    with CaptureQueriesContext(connection) as first:
        assert patient.post(step_url(slug), data).status_code == 302
    with CaptureQueriesContext(connection) as again:  # the next step was already reached
        assert patient.post(step_url(slug), data).status_code == 302
    first_sql = [q["sql"] for q in first.captured_queries]
    again_sql = [q["sql"] for q in again.captured_queries]
    funnel_sql = [sql for sql in first_sql if "screening_funnelcount" in sql]
    assert len(funnel_sql) == 1 and funnel_sql[0].startswith("INSERT")
    assert len(first_sql) == len(again_sql) + 1
    assert not [sql for sql in again_sql if "screening_funnelcount" in sql]


def test_one_statement_upserts_several_counters(db):
    day = datetime.date(2026, 3, 2)
    with CaptureQueriesContext(connection) as captured:
        funnel.record(["started", "step:about-you"], day=day, version="v-test")
    funnel.record(["started"], day=day, version="v-test")
    assert len(captured.captured_queries) == 1
    assert counts(day, "v-test") == {"started": 2, "step:about-you": 1}


# --- the report -------------------------------------------------------------------------


@pytest.fixture
def seeded(db):
    """Counters over several days and two versions; returns the raw rows."""
    today = timezone.localdate()
    rows = []
    plan = {
        0: {"started": 10, "step:warning-signs": 9, "step:about-you": 8, "step:pattern-scale": 8},
        1: {"started": 5, "step:warning-signs": 5, "step:about-you": 3, "step:pattern-scale": 3},
        3: {"step:hair-pattern-a": 6, "step:hair-pattern-b": 4, "step:contact": 7},
        4: {"check_your_answers": 6, "submitted": 5, "refused_under_18": 2},
        45: {"started": 100, "submitted": 90},  # outside the default 30 days
    }
    for offset, events in plan.items():
        for event, count in events.items():
            rows.append((today - datetime.timedelta(days=offset), CRITERIA_VERSION, event, count))
    rows.append((today, "2026.11-1", "started", 50))  # another version
    FunnelCount.objects.bulk_create(
        FunnelCount(day=d, criteria_version=v, event=e, count=c) for d, v, e, c in rows
    )
    return rows


def table(html: str, table_id: str) -> dict[str, dict[str, str]]:
    body = re.search(rf'<table[^>]*id="{table_id}".*?</table>', html, re.S).group(0)
    result = {}
    for event, row in re.findall(r'<tr data-event="([^"]+)">(.*?)</tr>', body, re.S):
        cells = dict(re.findall(r"<td (data-[\w-]+)>(.*?)</td>", row, re.S))
        result[event] = {key: value.strip() for key, value in cells.items()}
    return result


def expected_totals(rows, date_from, date_to, version):
    totals = {}
    for day, row_version, event, count in rows:
        if row_version == version and date_from <= day <= date_to:
            totals[event] = totals.get(event, 0) + count
    return totals


def test_the_report_shows_the_counts_and_drop_off_for_the_default_range(manager, seeded):
    response = client_for(manager).get(REPORT)
    assert response.status_code == 200
    html = response.content.decode()
    today = timezone.localdate()
    totals = expected_totals(seeded, today - datetime.timedelta(days=29), today, CRITERIA_VERSION)
    stages = table(html, "funnel-table")
    for event, cells in stages.items():
        assert int(cells["data-count"]) == totals.get(event, 0), event
    assert stages["started"]["data-count"] == "15"
    # Drop-off from the stage before on every path: 15 started, 14 reached the first step.
    assert stages["step:warning-signs"]["data-dropped"] == "1"
    assert stages["step:warning-signs"]["data-percent-lost"] == "6.7%"
    assert stages["step:about-you"]["data-dropped"] == str(14 - 11)
    # The two pattern steps are branches: the next common step compares with the one
    # before them (pattern-scale, 11 runs).
    assert "data-dropped" not in stages["step:hair-pattern-a"]
    refusals = table(html, "funnel-refusals")
    assert refusals["refused_under_18"]["data-count"] == "2"
    assert refusals["refused_too_quick"]["data-count"] == "0"
    assert "<svg" in html and "Questionnaire runs reaching each stage" in html


def test_the_date_range_and_version_filter_the_counts(manager, seeded):
    today = timezone.localdate()
    date_from = today - datetime.timedelta(days=60)
    query = f"?date_from={date_from.isoformat()}&date_to={today.isoformat()}"
    html = client_for(manager).get(REPORT + query).content.decode()
    stages = table(html, "funnel-table")
    totals = expected_totals(seeded, date_from, today, CRITERIA_VERSION)
    assert stages["started"]["data-count"] == str(totals["started"]) == "115"
    assert stages["submitted"]["data-count"] == str(totals["submitted"]) == "95"

    html = client_for(manager).get(REPORT + "?version=2026.11-1").content.decode()
    stages = table(html, "funnel-table")
    assert stages["started"]["data-count"] == "50"
    assert stages["submitted"]["data-count"] == "0"
    assert "step:warning-signs" not in stages  # v1 had no warning-signs step


@pytest.mark.parametrize(
    "query",
    [
        "?date_from=2026-05-10&date_to=2026-05-01",
        "?date_from=not-a-date",
        "?date_from=2020-01-01&date_to=2026-01-01",
        "?version=9999.1",
    ],
)
def test_bad_filters_get_a_clear_message_not_an_error(manager, seeded, query):
    response = client_for(manager).get(REPORT + query)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="funnel-table"' not in html
    assert "error" in html.lower()


@pytest.mark.parametrize("role", ["editor", "moderator", "reviewer"])
def test_only_managers_see_the_report(users, seeded, role):
    response = client_for(users[role]).get(REPORT)
    assert response.status_code == 403
    assert "funnel-table" not in response.content.decode()


def test_managers_find_the_report_in_the_reports_menu(manager_client, seeded):
    html = manager_client.get("/admin/").content.decode()
    assert REPORT in html
