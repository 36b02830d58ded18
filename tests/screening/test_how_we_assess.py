"""The public "How we assess candidacy" page is built from the criteria and agrees with assess()."""

from bs4 import BeautifulSoup
from django.urls import reverse
from hypothesis import given, settings

from screening import explain
from screening.criteria import (
    CRITERIA_VERSION,
    OUTCOMES,
    QUESTIONS,
    REASONS,
    Outcome,
)
from screening.scoring import assess
from tests.support.screening import valid_answers

URL = reverse("screening:how_we_assess")


@settings(max_examples=500)
@given(valid_answers())
def test_the_published_precedence_gives_what_assess_gives(answers):
    assert explain.outcome_by_precedence(answers) is assess(answers).outcome


def test_the_best_case_is_likely():
    assert assess(explain.BEST_CASE).outcome is Outcome.LIKELY


def test_each_answer_is_explained_by_asking_the_scorer():
    for group in explain.explain_all():
        for explained in group.questions:
            question = explained.question
            if not explained.answers:
                continue
            assert [a.code for a in explained.answers] == list(question.codes)
            for answer in explained.answers:
                value = [answer.code] if question.kind == "multiple" else answer.code
                changed = explain._answers_with(question, value)
                assert answer.outcome is assess(changed).outcome


def test_the_page_shows_every_question_answer_rule_and_the_version(client, site_tree):
    response = client.get(URL)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    page = BeautifulSoup(response.content, "html.parser")
    text = page.get_text(" ", strip=True)
    assert page.h1.get_text(strip=True) == "How we assess candidacy"
    for question in QUESTIONS.values():
        assert question.label in text
        for option in question.options:
            assert option.label in text
    for outcome in OUTCOMES.values():
        assert outcome.patient_heading in text
    for reason in REASONS.values():
        if reason.criterion != "medical_conditions":
            assert reason.public_text in text, reason.code
    rules = page.select(".screening-precedence > li")
    assert [r.strong.get_text(strip=True).strip("“”") for r in rules] == [
        OUTCOMES[Outcome.REFER].patient_heading,
        OUTCOMES[Outcome.UNLIKELY].patient_heading,
        OUTCOMES[Outcome.LIKELY].patient_heading,
        OUTCOMES[Outcome.POSSIBLE].patient_heading,
    ]
    assert CRITERIA_VERSION in text
    assert "score" in text  # ... only to say that nobody is shown one
    assert "You never see a score" in text


def test_the_page_is_linked_from_the_start_page(client, site_tree):
    start = BeautifulSoup(client.get(reverse("screening:start")).content, "html.parser")
    assert start.find("a", href=URL)
