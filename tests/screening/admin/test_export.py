"""CSV and XLSX export of the filtered listing: contract keys, codes, streaming, audit."""

import csv
import io

import pytest
from django.db import connection
from django.db.models.query import QuerySet
from django.test.utils import CaptureQueriesContext
from wagtail.models import ModelLogEntry

from screening.demo import OUTCOME_PROFILES
from screening.models import Submission
from tests.support.staff import CONTRACT_HEADINGS, admin_url


def csv_rows(response) -> list[dict]:
    body = b"".join(response.streaming_content).decode("utf-8")
    return list(csv.DictReader(io.StringIO(body)))


@pytest.fixture
def two(make_submission, reviewer):
    return {
        "refer": make_submission(
            answers={
                **OUTCOME_PROFILES["refer"],
                "medical_conditions": ["blood_thinners", "keloid_scarring"],
                "previous_treatments": ["minoxidil", "prp"],
            },
            status="in_review",
            assigned_to=reviewer,
            name='=HYPERLINK("http://evil.example")',
            phone="+44 20 7946 0000",
        ),
        "likely": make_submission(answers=OUTCOME_PROFILES["likely"], phone=""),
    }


def test_csv_streams_the_filtered_list_with_contract_keys_as_headings(reviewer_client, two):
    response = reviewer_client.get(admin_url("index") + "?export=csv&outcome=refer")
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"].startswith("text/csv")
    assert 'attachment; filename="screening-submissions-' in response["Content-Disposition"]

    body = b"".join(response.streaming_content).decode("utf-8")
    header = next(csv.reader(io.StringIO(body)))
    assert header == CONTRACT_HEADINGS
    rows = list(csv.DictReader(io.StringIO(body)))
    assert [row["reference"] for row in rows] == [two["refer"].reference]

    row = rows[0]
    submission = two["refer"]
    assert row["outcome"] == "refer" and row["status"] == "in_review"
    assert row["referral"] == "safety"
    # A v1 submission: the questions v2 added are empty, its v1 result kept.
    assert (row["criteria_version"], row["warning_signs"]) == ("2026.11-1", "")
    assert row["assigned_to"] == "rita"
    assert row["medical_conditions"] == "blood_thinners;keloid_scarring"
    assert row["previous_treatments"] == "minoxidil;prp"
    assert row["hair_loss_pattern"] == submission.answers["hair_loss_pattern"]
    assert row["age"] == str(submission.answers["age"])
    assert row["smooth_bald_years"] == ""
    assert row["created_at"].startswith(submission.created_at.date().isoformat()[:4])
    assert "T" in row["created_at"] and row["created_at"][-6] in "+-"
    assert row["consent_marketing_at"] in ("", row["consent_health_data_at"])


def test_patient_text_cannot_run_as_a_spreadsheet_formula(reviewer_client, two):
    rows = csv_rows(reviewer_client.get(admin_url("index") + "?export=csv&outcome=refer"))
    assert rows[0]["name"] == '\'=HYPERLINK("http://evil.example")'
    assert rows[0]["phone"] == "'+44 20 7946 0000"


def test_export_follows_search_and_ordering(reviewer_client, make_submission):
    low = make_submission(email="robin@mail.example", score=10)
    high = make_submission(email="Robin@Mail.example", score=90)
    make_submission(email="someone@mail.example")
    rows = csv_rows(
        reviewer_client.get(
            admin_url("index") + "?export=csv&q=ROBIN%40mail.example&ordering=score"
        )
    )
    assert [row["reference"] for row in rows] == [low.reference, high.reference]


def test_the_queryset_is_iterated_in_chunks_while_streaming(reviewer_client, two, monkeypatch):
    chunk_sizes = []
    original = QuerySet.iterator

    def spy(self, chunk_size=None):
        chunk_sizes.append(chunk_size)
        return original(self, chunk_size=chunk_size)

    monkeypatch.setattr(QuerySet, "iterator", spy)
    with CaptureQueriesContext(connection) as before_streaming:
        response = reviewer_client.get(admin_url("index") + "?export=csv")
    # Nothing but the row count has been read yet: rows are fetched as the body streams.
    selects = [
        q["sql"] for q in before_streaming.captured_queries if "screening_submission" in q["sql"]
    ]
    assert len(selects) == 1 and "COUNT" in selects[0].upper()
    assert chunk_sizes == []
    assert len(csv_rows(response)) == 2
    assert chunk_sizes == [2000]


def test_xlsx_has_the_same_headings_and_rows(reviewer_client, two):
    from openpyxl import load_workbook

    response = reviewer_client.get(admin_url("index") + "?export=xlsx&ordering=score")
    assert response.status_code == 200
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)
    rows = list(workbook.active.iter_rows(values_only=True))
    assert list(rows[0]) == CONTRACT_HEADINGS
    assert len(rows) == 3
    references = {row[0] for row in rows[1:]}
    assert references == {two["refer"].reference, two["likely"].reference}


def test_xlsx_keeps_formula_like_text_as_plain_text(reviewer_client, two):
    from openpyxl import load_workbook

    response = reviewer_client.get(admin_url("index") + "?export=xlsx&outcome=refer")
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    name_cell = workbook.active.cell(row=2, column=CONTRACT_HEADINGS.index("name") + 1)
    phone_cell = workbook.active.cell(row=2, column=CONTRACT_HEADINGS.index("phone") + 1)
    assert name_cell.data_type == "s" and name_cell.value == two["refer"].name
    assert phone_cell.value == "+44 20 7946 0000"


def test_each_export_is_logged_once_without_personal_data(reviewer_client, reviewer, two):
    response = reviewer_client.get(
        admin_url("index")
        + "?export=csv&outcome=refer&has_medical_conditions=true&q=%2B44%2020%207946%200000"
    )
    csv_rows(response)
    entry = ModelLogEntry.objects.get(action="screening.exported")
    assert entry.user == reviewer
    assert entry.data["rows"] == 1 and entry.data["format"] == "csv"
    assert entry.data["filters"] == {"outcome": ["refer"], "has_medical_conditions": True}
    assert entry.data["searched"] is True
    assert "7946" not in repr(entry.data) and "7946" not in entry.label
    assert entry.message == "Exported 1 submission as CSV"


def test_exports_appear_in_the_site_history_report(reviewer_client, two):
    csv_rows(reviewer_client.get(admin_url("index") + "?export=csv"))
    response = reviewer_client.get("/admin/reports/site-history/")
    assert response.status_code == 200
    assert "Exported 2 submissions as CSV" in response.content.decode()


def test_invalid_filters_export_nothing(reviewer_client, two):
    response = reviewer_client.get(
        admin_url("index") + "?export=csv&created_at_from=not-a-date", follow=True
    )
    assert "Some filters are not valid, so nothing was exported." in response.content.decode()
    assert not ModelLogEntry.objects.filter(action="screening.exported").exists()


def test_export_buttons_are_offered_to_reviewers(reviewer_client, two):
    html = reviewer_client.get(admin_url("index") + "?outcome=refer").content.decode()
    assert "export=csv" in html and "export=xlsx" in html
    # The buttons keep the current filters.
    assert "outcome=refer&amp;export=csv" in html


def test_unknown_export_formats_just_show_the_listing(reviewer_client, two):
    response = reviewer_client.get(admin_url("index") + "?export=pdf")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert Submission.objects.count() == 2


@pytest.mark.parametrize("role", ["editor", "moderator"])
def test_other_staff_never_see_screening_entries_in_site_history(reviewer_client, users, two, role):
    from tests.support.staff import client_for

    csv_rows(reviewer_client.get(admin_url("index") + "?export=csv"))
    reviewer_client.post(admin_url("note", two["likely"].pk), {"text": "Checked."})
    html = client_for(users[role]).get("/admin/reports/site-history/").content.decode()
    assert "Exported 2 submissions" not in html
    assert "Internal note added" not in html
    assert two["likely"].reference not in html
