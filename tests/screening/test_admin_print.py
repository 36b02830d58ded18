"""The print view for the consultation file (issue 18, item 2): the answers as the
submission's own questionnaire version asked them, each with the reasons it gave, and an
audit entry for every printing."""

import html as html_lib
import re

import pytest
from wagtail.models import ModelLogEntry

from screening.demo import OUTCOME_PROFILES
from screening.rules import CURRENT, rule_set
from tests.support.staff import admin_url, client_for

V2_ANSWERS = {
    "warning_signs": ["none"],
    "age": 38,
    "loss_duration": "1_5y",
    "loss_progression": "stable",
    "pattern_scale": "men",
    "hair_loss_pattern": "norwood_3",
    "fine_hairs_in_thinning_areas": "yes",
    "smooth_bald_areas": "none",
    "medical_conditions": ["blood_thinners"],
    "other_health_factors": ["none"],
    "recent_treatment_change": "no",
    "previous_treatments": ["minoxidil"],
    "goal": "thicker_thinning_hair",
    "open_to_transplant": "yes",
    "wellbeing_impact": "some",
}


def text_of(fragment: str) -> str:
    return re.sub(r"\s+", " ", html_lib.unescape(re.sub(r"<[^>]+>", " ", fragment))).strip()


def answer_rows(page: str) -> dict[str, tuple[str, str]]:
    """question -> (answer, reasons cell), read from the answers tables."""
    rows = re.findall(r'<th scope="row">(.*?)</th>\s*<td>(.*?)</td>\s*<td>(.*?)</td>', page, re.S)
    return {text_of(q): (text_of(a), text_of(r)) for q, a, r in rows}


@pytest.fixture
def v2_submission(make_submission):
    return make_submission(answers=V2_ANSWERS, name="Robin Print", phone="07700 900456")


@pytest.fixture
def v1_submission(make_submission):
    return make_submission(
        answers={**OUTCOME_PROFILES["refer"], "previous_treatments": ["prp"]},
        criteria_version="2026.11-1",
        name="Vera One",
    )


def test_print_view_lives_at_its_url_and_is_linked_from_the_submission(
    reviewer_client, v2_submission
):
    url = admin_url("print", v2_submission.pk)
    assert url == f"/admin/screening/submissions/print/{v2_submission.pk}/"
    inspect = reviewer_client.get(admin_url("inspect", v2_submission.pk)).content.decode()
    assert f'href="{url}"' in inspect


def test_printed_answers_follow_the_v2_steps_with_reasons_beside_them(
    reviewer_client, v2_submission
):
    rules = rule_set(v2_submission.criteria_version)
    assert rules is CURRENT
    response = reviewer_client.get(admin_url("print", v2_submission.pk))
    assert response.status_code == 200
    page = response.content.decode()
    assert "print.css" in page
    assert "Robin Print" in page and "07700 900456" in page and v2_submission.reference in page

    rows = answer_rows(page)
    for key, value in V2_ANSWERS.items():
        question = rules.question(key).staff_label
        assert rows[question][0] == rules.answer_label(key, value)
    # Every stored reason sits in the row of the answer it came from.
    assert v2_submission.reasons
    for reason in v2_submission.reasons:
        question = rules.question(reason["criterion"]).staff_label
        assert reason["text"] in rows[question][1]
    blood_thinners = rules.question("medical_conditions").staff_label
    assert rows[blood_thinners][1].startswith("Flag") or "Against" in rows[blood_thinners][1]

    # The steps in the order the questionnaire asks them.
    titles = [step.title for step in rules.steps if step.applies(V2_ANSWERS)]
    positions = [page.index(f">{title}<") for title in dict.fromkeys(titles)]
    assert positions == sorted(positions)
    # The women's pattern step was not asked of this patient: its pictures are not named.
    assert "hair-pattern-b" not in page


def test_a_v1_submission_prints_as_v1_asked_it(reviewer_client, v1_submission):
    rules = rule_set("2026.11-1")
    page = reviewer_client.get(admin_url("print", v1_submission.pk)).content.decode()
    rows = answer_rows(page)
    for key in rules.required_keys:
        assert rows[rules.question(key).staff_label][0] == rules.answer_label(
            key, v1_submission.answers.get(key)
        )
    assert CURRENT.question("warning_signs").staff_label not in rows
    assert ">About you and your hair loss<" in page


def test_each_printing_is_recorded_without_health_data(reviewer_client, reviewer, v2_submission):
    for _ in range(2):
        assert reviewer_client.get(admin_url("print", v2_submission.pk)).status_code == 200
    entries = ModelLogEntry.objects.filter(
        action="screening.printed", object_id=str(v2_submission.pk)
    )
    assert entries.count() == 2
    entry = entries.first()
    assert entry.user_id == reviewer.pk
    assert entry.data == {}
    assert "Robin" not in entry.label
    history = reviewer_client.get(admin_url("history", v2_submission.pk)).content.decode()
    assert "Submission printed for the consultation file" in history


@pytest.mark.parametrize("role", ["editor", "moderator"])
def test_staff_without_access_get_403_and_nothing_is_printed(users, v2_submission, role):
    response = client_for(users[role]).get(admin_url("print", v2_submission.pk))
    assert response.status_code == 403
    assert "Robin" not in response.content.decode()
    assert not ModelLogEntry.objects.filter(action="screening.printed").exists()


def test_anonymous_visitors_are_sent_to_the_login(v2_submission):
    response = client_for().get(admin_url("print", v2_submission.pk))
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_an_unknown_submission_is_404_for_reviewers(reviewer_client, v2_submission):
    assert reviewer_client.get(admin_url("print", v2_submission.pk + 999)).status_code == 404
