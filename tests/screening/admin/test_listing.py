"""The submissions listing: columns, default order, sorting, filters, search, paging."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from screening.demo import OUTCOME_PROFILES
from tests.support.staff import admin_url


def listed(client, query="") -> list[str]:
    """References on the listing page, in display order."""
    response = client.get(admin_url("index") + query)
    assert response.status_code == 200
    return re.findall(r"HS-[0-9A-Z]{4}-[0-9A-Z]{4}", response.content.decode())


def test_the_listing_lives_at_the_agreed_url(db):
    assert admin_url("index") == "/admin/screening/submissions/"


def test_columns_show_reference_received_outcome_score_status_reviewer_and_stage(
    reviewer_client, make_submission, reviewer
):
    submission = make_submission(
        answers=OUTCOME_PROFILES["refer"],
        status="in_review",
        assigned_to=reviewer,
        created_at=timezone.make_aware(timezone.datetime(2026, 3, 4, 9, 5)),
    )
    html = reviewer_client.get(admin_url("index")).content.decode()

    thead = re.search(r"<thead>.*?</thead>", html, re.S).group(0)
    headings = [h.strip() for h in re.findall(r">\s*([A-Z][a-z]+(?: [a-z]+)?)\s*<", thead)]
    assert headings == [
        "Reference",
        "Patient",
        "Received",
        "Waiting",
        "Outcome",
        "Score",
        "Status",
        "Assigned reviewer",
        "Stage summary",
        "Other submissions",
    ]
    assert submission.reference in html
    assert f'href="{admin_url("inspect", submission.pk)}"' in html
    assert "4 Mar 2026, 09:05" in html
    # The outcome badge carries its words, not only a colour.
    assert re.search(r'screening-outcome--refer"[^>]*>Refer<', html)
    assert f">{submission.score}<" in html.replace(" ", "").replace("\n", "")
    assert "In review" in html
    assert "Rita Reviewer" in html
    assert "Early · 4 for, 0 against, 1 flag" in html


def test_oldest_waiting_first_by_default_and_sortable_by_date_and_score(
    reviewer_client, make_submission
):
    now = timezone.now()
    likely = OUTCOME_PROFILES["likely"]
    old = make_submission(answers=likely, created_at=now - timedelta(days=3), score=90)
    new = make_submission(answers=likely, created_at=now - timedelta(hours=1), score=10)
    middle = make_submission(answers=likely, created_at=now - timedelta(days=1), score=50)

    assert listed(reviewer_client) == [old.reference, middle.reference, new.reference]
    assert listed(reviewer_client, "?ordering=created_at") == [
        old.reference,
        middle.reference,
        new.reference,
    ]
    assert listed(reviewer_client, "?ordering=-score") == [
        old.reference,
        middle.reference,
        new.reference,
    ]
    assert listed(reviewer_client, "?ordering=score")[0] == new.reference
    # Not a sortable column: ignored, default order.
    assert listed(reviewer_client, "?ordering=email")[0] == old.reference


def test_fifty_per_page(reviewer_client, make_submission):
    now = timezone.now()
    made = [make_submission(created_at=now - timedelta(minutes=i)) for i in range(55)]
    first_page = listed(reviewer_client)
    second_page = listed(reviewer_client, "?p=2")
    assert len(first_page) == 50 and len(second_page) == 5
    assert set(first_page + second_page) == {s.reference for s in made}


@pytest.fixture
def mix(make_submission, reviewer, manager):
    now = timezone.now()
    return {
        "likely_new": make_submission(answers=OUTCOME_PROFILES["likely"], status="new"),
        "refer_review": make_submission(
            answers=OUTCOME_PROFILES["refer"], status="in_review", assigned_to=reviewer
        ),
        "unlikely_closed": make_submission(
            answers=OUTCOME_PROFILES["unlikely"],
            status="closed",
            assigned_to=manager,
            created_at=now - timedelta(days=40),
        ),
        "possible_contacted": make_submission(
            answers=OUTCOME_PROFILES["possible"],
            status="contacted",
            created_at=now - timedelta(days=10),
        ),
    }


def refs(mix, *keys):
    return {mix[key].reference for key in keys}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?outcome=refer", ["refer_review"]),
        ("?outcome=likely&outcome=possible", ["likely_new", "possible_contacted"]),
        ("?status=new", ["likely_new"]),
        ("?status=in_review&status=contacted", ["refer_review", "possible_contacted"]),
        ("?has_medical_conditions=true", ["refer_review"]),
        (
            "?has_medical_conditions=false",
            ["likely_new", "unlikely_closed", "possible_contacted"],
        ),
        ("?assigned_to=null", ["likely_new", "possible_contacted"]),
        ("?outcome=unlikely&status=new", []),
    ],
)
def test_filters(reviewer_client, mix, query, expected):
    assert set(listed(reviewer_client, query)) == refs(mix, *expected)


def test_filter_by_assigned_reviewer(reviewer_client, mix, reviewer, manager):
    assert set(listed(reviewer_client, f"?assigned_to={reviewer.pk}")) == refs(mix, "refer_review")
    assert set(listed(reviewer_client, f"?assigned_to={manager.pk}")) == refs(
        mix, "unlikely_closed"
    )


def test_filter_by_date_range(reviewer_client, mix):
    today = timezone.localdate()
    from_date = (today - timedelta(days=20)).isoformat()
    to_date = (today - timedelta(days=5)).isoformat()
    assert set(listed(reviewer_client, f"?created_at_from={from_date}")) == refs(
        mix, "likely_new", "refer_review", "possible_contacted"
    )
    assert set(
        listed(reviewer_client, f"?created_at_from={from_date}&created_at_to={to_date}")
    ) == refs(mix, "possible_contacted")
    # The end date includes the whole of that day.
    assert refs(mix, "likely_new") <= set(
        listed(reviewer_client, f"?created_at_to={today.isoformat()}")
    )


def test_reviewer_filter_offers_only_people_who_can_review(reviewer_client, users, superuser):
    html = reviewer_client.get(admin_url("index")).content.decode()
    select = re.search(r'<select name="assigned_to".*?</select>', html, re.S).group(0)
    assert "Rita Reviewer" in select and "Manny Manager" in select and "root" in select
    assert "eddie" not in select and "molly" not in select
    assert "Unassigned" in select


@pytest.fixture
def people(make_submission):
    return {
        "alex": make_submission(
            name="Alex Morgan", email="alex.m@mail.example", phone="+44 7700 900123"
        ),
        "sam": make_submission(name="Sam Patel", email="sam@otherdomain.example", phone=""),
    }


# Names, emails and phones are encrypted: an exact email (any case) or phone (any
# spacing) is found through its blind index; parts of them and names are not.
@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("alex.m@mail.example", {"alex"}),
        ("  SAM@otherdomain.EXAMPLE ", {"sam"}),
        ("+447700900123", {"alex"}),
        ("+44 (7700) 900-123", {"alex"}),
        ("morgan", set()),
        ("Sam Patel", set()),
        ("otherdomain", set()),
        ("@mail.example", set()),
        ("900123", set()),
        ("nobody", set()),
    ],
)
def test_search_by_exact_email_or_phone(reviewer_client, people, term, expected):
    from urllib.parse import quote

    assert set(listed(reviewer_client, f"?q={quote(term)}")) == {
        people[key].reference for key in expected
    }


def test_the_search_box_says_what_it_can_find(reviewer_client, people):
    html = reviewer_client.get(admin_url("index")).content.decode()
    assert "names cannot be searched" in html


def test_search_by_reference_in_any_case(reviewer_client, people):
    reference = people["sam"].reference
    assert listed(reviewer_client, f"?q={reference.lower()}") == [reference]
    assert listed(reviewer_client, f"?q={reference[3:7]}") == [reference]


def test_results_view_serves_the_filtered_table_fragment(reviewer_client, mix):
    response = reviewer_client.get(admin_url("index_results") + "?outcome=refer")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html
    assert set(re.findall(r"HS-[0-9A-Z]{4}-[0-9A-Z]{4}", html)) == refs(mix, "refer_review")


def test_listing_offers_no_add_button(manager_client, db):
    html = manager_client.get(admin_url("index")).content.decode()
    assert "/admin/screening/submissions/new/" not in html
    assert "Add submission" not in html
