"""The public "How we assess candidacy" page is read from the current rule set and agrees
with assess() under every rule set."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from screening import explain
from screening.criteria import CRITERIA_VERSION, CURRENT, Outcome
from screening.rules import RULE_SETS
from screening.scoring import assess
from tests.support.screening import valid_answers

URL = reverse("screening:how_we_assess")


@pytest.mark.parametrize("version", list(RULE_SETS))
@settings(max_examples=200)
@given(data=st.data())
def test_the_published_precedence_gives_what_assess_gives(version, data):
    answers = data.draw(valid_answers(version=version))
    assert explain.outcome_by_precedence(answers, version) is assess(answers, version).outcome


def test_precedence_is_the_rule_sets_own_rules():
    assert explain.PRECEDENCE is CURRENT.rules
    assert [r.outcome for r in explain.precedence()] == [r.outcome for r in CURRENT.rules]


@pytest.mark.parametrize("version", list(RULE_SETS))
def test_the_best_case_is_likely(version):
    assert assess(explain.BEST_CASE, version).outcome is Outcome.LIKELY


@pytest.mark.parametrize("version", list(RULE_SETS))
def test_each_answer_is_explained_by_asking_the_scorer(version):
    rules = RULE_SETS[version]
    for group in explain.explain_all(version):
        for explained in group.questions:
            question = explained.question
            if not explained.answers:
                continue
            assert [a.code for a in explained.answers] == list(question.codes)
            for answer in explained.answers:
                value = [answer.code] if question.kind == "multiple" else answer.code
                changed = explain._answers_with(question, value, rules)
                assert answer.outcome is assess(changed, version).outcome


def test_the_page_shows_every_rule_in_order_with_its_answers_and_the_version(client, site_tree):
    response = client.get(URL)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    page = BeautifulSoup(response.content, "html.parser")
    text = page.get_text(" ", strip=True)
    assert page.h1.get_text(strip=True) == "How we assess candidacy"
    rules = page.select(".screening-precedence > li")
    assert [r.strong.get_text(strip=True).strip("“”") for r in rules] == [
        CURRENT.outcomes[Outcome.REFER].patient_heading,
        CURRENT.outcomes[Outcome.UNLIKELY].patient_heading,
        CURRENT.outcomes[Outcome.LIKELY].patient_heading,
        CURRENT.outcomes[Outcome.POSSIBLE].patient_heading,
    ]
    for rule, item in zip(CURRENT.rules, rules, strict=False):
        assert rule.summary in item.get_text(" ", strip=True)
    # Every answer a rule looks at is named, in the patient's words.
    for label in ("Round or oval bald patches", "1 to 5 years ago", "No, none at all"):
        assert label in text
    for outcome in CURRENT.outcomes.values():
        assert outcome.patient_heading in text
    for referral in CURRENT.referral_texts.values():
        assert referral.patient_heading in text
    for key in ("other_health_factors", "recent_treatment_change", "wellbeing_impact"):
        assert CURRENT.questions[key].label in text
    assert CRITERIA_VERSION in text
    assert "You never see a score" in text


def test_the_page_is_shorter_than_before(client, site_tree):
    """v1's page listed every answer of every question (about 16,000px on a phone)."""
    page = BeautifulSoup(client.get(URL).content, "html.parser")
    words = len(page.select_one("main").get_text(" ", strip=True).split())
    assert words < 1300
    assert not page.select("table")


def test_the_page_is_linked_from_the_start_page(client, site_tree):
    start = BeautifulSoup(client.get(reverse("screening:start")).content, "html.parser")
    assert start.find("a", href=URL)
