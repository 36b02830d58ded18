"""The public "How we assess candidacy" explanation, derived from the criteria and the scorer.

Plain Python, like the scorer. Two things are worked out here rather than written by
hand, so the public page cannot drift from the rules:

* ``PRECEDENCE``: the four rules in order, with the answers each one looks at, taken
  from the criteria table (stages, codes, labels). A test checks that applying these
  rules gives exactly what ``assess()`` gives, for any valid answers.
* ``explain_question()``: what each answer leads to on its own, found by asking
  ``assess()`` itself: the best-case answers with only that one answer changed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from screening.criteria import (
    CONDITIONAL_KEYS,
    FINE_HAIRS,
    HAIR_LOSS_PATTERN,
    LOSS_PROGRESSION,
    MAX_AGE,
    MEDICAL_CONDITIONS,
    MIN_AGE,
    OUTCOMES,
    QUESTION_GROUPS,
    QUESTIONS,
    REASONS,
    SMOOTH_BALD_AREAS,
    Kind,
    Outcome,
    Question,
    QuestionGroup,
    Stage,
)
from screening.scoring import assess

# The answers that fit best; each explanation changes exactly one of them.
BEST_CASE: dict[str, Any] = {
    "age": 40,
    "hair_loss_pattern": "norwood_2",
    "loss_duration": "1_5y",
    "loss_progression": "stable",
    "fine_hairs_in_thinning_areas": "yes",
    "smooth_bald_areas": "none",
    "medical_conditions": ["none"],
    "previous_treatments": ["none"],
    "goal": "thicker_thinning_hair",
    "open_to_transplant": "yes",
}


def _pattern_codes(*stages: Stage) -> frozenset[str]:
    return frozenset(o.code for o in HAIR_LOSS_PATTERN.options if o.stage in stages)


@dataclass(frozen=True)
class Condition:
    question: Question
    codes: frozenset[str]

    def holds(self, answers: Mapping[str, Any]) -> bool:
        value = answers.get(self.question.key)
        if self.question.kind is Kind.MULTIPLE:
            return any(code in self.codes for code in value or ())
        return value in self.codes

    @property
    def labels(self) -> list[str]:
        return [o.label for o in self.question.options if o.code in self.codes]


@dataclass(frozen=True)
class Rule:
    outcome: Outcome
    needs_all: bool  # True: every condition must hold; False: any one is enough
    conditions: tuple[Condition, ...]

    def matches(self, answers: Mapping[str, Any]) -> bool:
        results = (condition.holds(answers) for condition in self.conditions)
        return all(results) if self.needs_all else any(results)

    @property
    def heading(self) -> str:
        return OUTCOMES[self.outcome].patient_heading


_ANY_CONDITION = frozenset(MEDICAL_CONDITIONS.codes) - {MEDICAL_CONDITIONS.exclusive_code}

# First match wins; anything that matches none of them is Outcome.POSSIBLE.
PRECEDENCE: tuple[Rule, ...] = (
    Rule(Outcome.REFER, False, (Condition(MEDICAL_CONDITIONS, _ANY_CONDITION),)),
    Rule(
        Outcome.UNLIKELY,
        False,
        (
            Condition(HAIR_LOSS_PATTERN, _pattern_codes(Stage.ADVANCED)),
            Condition(SMOOTH_BALD_AREAS, frozenset({"large"})),
            Condition(FINE_HAIRS, frozenset({"no"})),
        ),
    ),
    Rule(
        Outcome.LIKELY,
        True,
        (
            Condition(HAIR_LOSS_PATTERN, _pattern_codes(Stage.EARLY, Stage.MODERATE)),
            Condition(FINE_HAIRS, frozenset({"yes", "some"})),
            Condition(SMOOTH_BALD_AREAS, frozenset({"none"})),
            Condition(LOSS_PROGRESSION, frozenset({"stable", "slow"})),
        ),
    ),
)
FALLBACK = Outcome.POSSIBLE


def outcome_by_precedence(answers: Mapping[str, Any]) -> Outcome:
    """The outcome the published rules give; must always equal ``assess()``'s."""
    return next((rule.outcome for rule in PRECEDENCE if rule.matches(answers)), FALLBACK)


@dataclass(frozen=True)
class AnswerExplanation:
    code: str
    label: str
    outcome: Outcome  # with the best-case answers and only this one changed
    notes: tuple[str, ...]  # what the rules say about this answer, in patients' words

    @property
    def heading(self) -> str:
        return OUTCOMES[self.outcome].patient_heading


@dataclass(frozen=True)
class QuestionExplanation:
    question: Question
    answers: tuple[AnswerExplanation, ...]
    notes: tuple[str, ...]  # for questions without options (age)
    asked_when: str  # for a follow-up question: the answers that make us ask it


def _answers_with(question: Question, value: Any) -> dict[str, Any]:
    answers = {**BEST_CASE, question.key: value}
    if question.key in CONDITIONAL_KEYS:
        # A follow-up question is only asked after certain answers: use the first of them.
        controller, shown_for = CONDITIONAL_KEYS[question.key]
        answers[controller] = next(
            option.code for option in QUESTIONS[controller].options if option.code in shown_for
        )
    for key, (controller, shown_for) in CONDITIONAL_KEYS.items():
        # An answer that opens a follow-up question needs it answered: use its first option.
        if answers[controller] in shown_for and key not in answers:
            answers[key] = QUESTIONS[key].options[0].code
    return answers


def _notes(question: Question, answers: Mapping[str, Any]) -> tuple[str, ...]:
    return tuple(
        REASONS[reason.code].public_text
        for reason in assess(answers).reasons
        if reason.criterion == question.key
    )


def explain_question(question: Question) -> QuestionExplanation:
    asked_when = ""
    if question.key in CONDITIONAL_KEYS:
        controller, shown_for = CONDITIONAL_KEYS[question.key]
        labels = [o.label for o in QUESTIONS[controller].options if o.code in shown_for]
        asked_when = " or ".join(f"“{label}”" for label in labels)
    if question.kind is Kind.INTEGER:
        # Every accepted age gives the same outcome; the ends of the range show any flag.
        notes: list[str] = []
        for value in (MIN_AGE, MAX_AGE):
            notes.extend(
                n for n in _notes(question, _answers_with(question, value)) if n not in notes
            )
        return QuestionExplanation(question, (), tuple(notes), asked_when)
    explained = []
    for option in question.options:
        value = [option.code] if question.kind is Kind.MULTIPLE else option.code
        answers = _answers_with(question, value)
        explained.append(
            AnswerExplanation(
                option.code,
                option.label,
                assess(answers).outcome,
                _notes(question, answers),
            )
        )
    return QuestionExplanation(question, tuple(explained), (), asked_when)


@dataclass(frozen=True)
class GroupExplanation:
    group: QuestionGroup
    questions: tuple[QuestionExplanation, ...]


@cache  # the criteria are constants: work it out once per process
def explain_all() -> tuple[GroupExplanation, ...]:
    return tuple(
        GroupExplanation(group, tuple(explain_question(QUESTIONS[key]) for key in group.keys))
        for group in QUESTION_GROUPS
    )
