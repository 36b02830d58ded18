"""Every patient-facing text of every rule set reads plainly (contract v2, "Reading level").

Flesch reading ease >= 70 over each kind of text, and no sentence over 20 words, measured
with textstat: outcome and referral texts, benefit messages, reasons' patient_text and
what_would_change, question labels and hints, option labels and hints.
"""

import re

import pytest
import textstat

from screening.rules import RULE_SETS

MIN_FLESCH = 70
MAX_WORDS = 20
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    return text if text[-1:] in ".!?" else text + "."


def texts_by_kind(rules) -> dict[str, list[str]]:
    questions = [*rules.questions.values(), *rules.form_questions.values()]
    outcome_texts = [*rules.outcomes.values(), *rules.referral_texts.values()]
    return {
        "outcomes": [t.patient_heading for t in outcome_texts]
        + [t.patient_summary for t in outcome_texts]
        + list(rules.benefit_messages.values()),
        "patient_text": [r.patient_text for r in rules.reasons.values() if r.patient_text]
        + [r.what_would_change for r in rules.reasons.values() if r.what_would_change],
        "questions": [q.label for q in questions] + [q.hint for q in questions if q.hint],
        "options": [o.label for q in questions for o in q.options]
        + [o.hint for q in questions for o in q.options if o.hint],
    }


CASES = [
    (version, kind, texts)
    for version, rules in RULE_SETS.items()
    for kind, texts in texts_by_kind(rules).items()
]


@pytest.mark.parametrize(("version", "kind", "texts"), CASES, ids=[f"{v}-{k}" for v, k, _ in CASES])
def test_each_kind_of_text_reads_plainly(version, kind, texts):
    assert texts
    combined = " ".join(_sentence(text) for text in texts)
    assert textstat.flesch_reading_ease(combined) >= MIN_FLESCH


@pytest.mark.parametrize(("version", "kind", "texts"), CASES, ids=[f"{v}-{k}" for v, k, _ in CASES])
def test_no_sentence_is_longer_than_20_words(version, kind, texts):
    long = [
        sentence
        for text in texts
        for sentence in SENTENCE_END.split(_sentence(text))
        if len(sentence.split()) > MAX_WORDS
    ]
    assert long == []


def test_every_outcome_summary_reads_plainly_on_its_own():
    for rules in RULE_SETS.values():
        for text in [*rules.outcomes.values(), *rules.referral_texts.values()]:
            assert textstat.flesch_reading_ease(text.patient_summary) >= MIN_FLESCH, text
