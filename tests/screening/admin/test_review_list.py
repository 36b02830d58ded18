"""Issue 18, the list: patient names, waiting time against the service level, referral
badges, "needs attention first", the "mine" filter and repeat submissions."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from screening.demo import OUTCOME_PROFILES
from tests.support.staff import admin_url


def listed(client, query="") -> list[str]:
    response = client.get(admin_url("index") + query)
    assert response.status_code == 200
    return re.findall(r"HS-[0-9A-Z]{4}-[0-9A-Z]{4}", response.content.decode())


def row_of(html: str, reference: str) -> str:
    return re.search(rf"<tr[^>]*>(?:(?!</tr>).)*{reference}.*?</tr>", html, re.S).group(0)


def test_needs_attention_first_diagnosis_then_safety_then_oldest(reviewer_client, make_submission):
    now = timezone.now()
    likely = OUTCOME_PROFILES["likely"]
    oldest = make_submission(answers=likely, created_at=now - timedelta(days=9))
    newer = make_submission(answers=likely, created_at=now - timedelta(days=1))
    safety = make_submission(
        outcome="refer", referral="safety", created_at=now - timedelta(hours=2)
    )
    diagnosis = make_submission(
        outcome="refer", referral="diagnosis", created_at=now - timedelta(hours=1)
    )
    both = make_submission(
        outcome="refer", referral="diagnosis safety", created_at=now - timedelta(hours=3)
    )

    assert listed(reviewer_client) == [
        both.reference,
        diagnosis.reference,
        safety.reference,
        oldest.reference,
        newer.reference,
    ]


def test_names_are_shown_and_referral_is_a_text_badge(reviewer_client, make_submission):
    submission = make_submission(name="Ada Lovelace", outcome="refer", referral="diagnosis")
    html = reviewer_client.get(admin_url("index")).content.decode()
    row = row_of(html, submission.reference)
    assert "Ada Lovelace" in row
    assert re.search(r'screening-outcome--refer"[^>]*>Refer<', row)
    assert "Referral: Diagnosis first (GP or dermatologist)" in row
    # Contact details stay off the list.
    assert submission.email not in html


@pytest.mark.parametrize(("service_level", "overdue"), [(2, True), (20, False)])
def test_waiting_time_in_working_days_is_highlighted_past_the_service_level(
    reviewer_client, make_submission, settings, service_level, overdue
):
    settings.SCREENING_REVIEW_SERVICE_LEVEL_DAYS = service_level
    now = timezone.now()
    # Two weeks ago: 10 working days, whatever today is (weekends do not count).
    waiting = make_submission(status="new", created_at=now - timedelta(days=14))
    closed = make_submission(status="closed", created_at=now - timedelta(days=30))
    html = reviewer_client.get(admin_url("index")).content.decode()

    row = row_of(html, waiting.reference)
    assert "10 working days" in row
    assert (f"Overdue (over {service_level})" in row) is overdue
    assert "Not waiting" in row_of(html, closed.reference)


def test_mine_filter_shows_only_my_submissions(reviewer_client, make_submission, reviewer, manager):
    mine = make_submission(assigned_to=reviewer)
    theirs = make_submission(assigned_to=manager)
    nobody = make_submission()
    assert listed(reviewer_client, "?mine=true") == [mine.reference]
    assert set(listed(reviewer_client)) == {mine.reference, theirs.reference, nobody.reference}


def test_repeat_submissions_are_counted_and_linked_by_blind_index(reviewer_client, make_submission):
    first = make_submission(email="Sam@Mail.example", phone="")
    again = make_submission(email="sam@mail.example ", phone="+44 7700 900111")
    by_phone = make_submission(email="other@mail.example", phone="+447700900111")
    stranger = make_submission(email="stranger@mail.example", phone="")

    html = reviewer_client.get(admin_url("index")).content.decode()
    link = f'href="{admin_url("index")}?same_patient={first.pk}"'
    assert link in row_of(html, first.reference)
    assert "1 other submission" in row_of(html, first.reference)
    assert "2 other submissions" in row_of(html, again.reference)
    assert "1 other submission" in row_of(html, by_phone.reference)
    assert "None" in row_of(html, stranger.reference)
    # No contact details in the link.
    assert "mail.example" not in link

    assert set(listed(reviewer_client, f"?same_patient={again.pk}")) == {
        first.reference,
        again.reference,
        by_phone.reference,
    }
    assert listed(reviewer_client, f"?same_patient={stranger.pk}") == [stranger.reference]


def test_the_inspect_page_lists_the_patients_other_submissions(reviewer_client, make_submission):
    earlier = make_submission(email="kim@mail.example", phone="")
    later = make_submission(email="KIM@mail.example", phone="")
    stranger = make_submission(email="lee@mail.example", phone="")

    html = reviewer_client.get(admin_url("inspect", later.pk)).content.decode()
    assert f'<a href="{admin_url("inspect", earlier.pk)}">{earlier.reference}</a>' in html
    assert stranger.reference not in html

    alone = reviewer_client.get(admin_url("inspect", stranger.pk)).content.decode()
    assert "None: this is the only submission" in alone
