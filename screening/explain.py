"""The public "How we assess candidacy" explanation, read from a rule set.

Plain Python, like the scorer. Nothing here restates a rule:

* ``precedence()``: the rule set's own outcome rules, in order, each with the answers it
  looks at in patients' words. A test checks that applying them gives exactly what
  ``assess()`` gives, for any valid answers, under every rule set.
* ``explain_question()``: what each answer leads to on its own, found by asking
  ``assess()`` itself: the best-case answers with only that one answer changed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from screening.rules import CURRENT, rule_set
from screening.rules.base import (
    AllOf,
    Condition,
    Effect,
    Kind,
    Outcome,
    OutcomeText,
    Question,
    QuestionGroup,
    Rule,
    RuleSet,
)
from screening.scoring import assess, first_matching

# The answers that fit best; each explanation changes exactly one of them. Keys a rule
# set does not ask are ignored by assess().
BEST_CASE: dict[str, Any] = {
    "warning_signs": ["none"],
    "age": 40,
    "hair_loss_pattern": "norwood_2",
    "loss_duration": "1_5y",
    "loss_progression": "stable",
    "fine_hairs_in_thinning_areas": "yes",
    "smooth_bald_areas": "none",
    "medical_conditions": ["none"],
    "other_health_factors": ["none"],
    "recent_treatment_change": "no",
    "previous_treatments": ["none"],
    "goal": "thicker_thinning_hair",
    "open_to_transplant": "yes",
    "wellbeing_impact": "little",
}


def outcome_by_precedence(answers: Mapping[str, Any], version: str | None = None) -> Outcome:
    """The outcome the published rules give; must always equal ``assess()``'s."""
    rules = rule_set(version)
    return first_matching(rules.rules, answers, rules.fallback)


@dataclass(frozen=True)
class ConditionText:
    question: str  # the question's label
    answers: tuple[str, ...]  # the answer labels that make the condition hold


@dataclass(frozen=True)
class RuleText:
    outcome: Outcome
    heading: str
    summary: str
    needs_all: bool
    conditions: tuple[tuple[ConditionText, ...], ...]  # each item: one or more (all) parts


def _condition_text(rules: RuleSet, condition: Condition) -> ConditionText:
    question = rules.questions[condition.key]
    return ConditionText(
        question.label, tuple(o.label for o in question.options if o.code in condition.codes)
    )


def precedence(rules: RuleSet = CURRENT) -> tuple[RuleText, ...]:
    texts = []
    for rule in rules.rules:
        parts = []
        for condition in rule.conditions:
            inner = condition.conditions if isinstance(condition, AllOf) else (condition,)
            parts.append(tuple(_condition_text(rules, c) for c in inner))
        texts.append(
            RuleText(
                rule.outcome,
                rules.outcomes[rule.outcome].patient_heading,
                rule.summary,
                rule.needs_all,
                tuple(parts),
            )
        )
    return tuple(texts)


PRECEDENCE: tuple[Rule, ...] = CURRENT.rules
FALLBACK = CURRENT.fallback


@dataclass(frozen=True)
class AnswerExplanation:
    code: str
    label: str
    outcome: Outcome  # with the best-case answers and only this one changed
    notes: tuple[str, ...]  # what the rules say about this answer, in patients' words
    heading: str


@dataclass(frozen=True)
class QuestionExplanation:
    question: Question
    answers: tuple[AnswerExplanation, ...]
    notes: tuple[str, ...]  # for questions without options (age)
    asked_when: str  # for a follow-up question: the answers that make us ask it


def _answers_with(question: Question, value: Any, rules: RuleSet = CURRENT) -> dict[str, Any]:
    answers = {**BEST_CASE, question.key: value}
    conditional = rules.conditional_keys
    if question.key in conditional:
        # A follow-up question is only asked after certain answers: use the first of them.
        controller, shown_for = conditional[question.key]
        answers[controller] = next(
            o.code for o in rules.questions[controller].options if o.code in shown_for
        )
    for key, (controller, shown_for) in conditional.items():
        if answers[controller] in shown_for and key not in answers:
            answers[key] = rules.questions[key].options[0].code
    return answers


def _notes(rules: RuleSet, question: Question, answers: Mapping[str, Any]) -> tuple[str, ...]:
    return tuple(
        rules.reasons[reason.code].public_text
        for reason in assess(answers, rules.version).reasons
        if reason.criterion == question.key
    )


def explain_question(question: Question, rules: RuleSet = CURRENT) -> QuestionExplanation:
    asked_when = ""
    if question.key in rules.conditional_keys:
        controller, shown_for = rules.conditional_keys[question.key]
        labels = [o.label for o in rules.questions[controller].options if o.code in shown_for]
        asked_when = " or ".join(f"“{label}”" for label in labels)
    if question.kind is Kind.INTEGER:
        notes: list[str] = []
        for value in (question.min_value, question.max_value):
            answers = _answers_with(question, value, rules)
            notes.extend(n for n in _notes(rules, question, answers) if n not in notes)
        return QuestionExplanation(question, (), tuple(notes), asked_when)
    explained = []
    for option in question.options:
        value = [option.code] if question.kind is Kind.MULTIPLE else option.code
        answers = _answers_with(question, value, rules)
        outcome = assess(answers, rules.version).outcome
        explained.append(
            AnswerExplanation(
                option.code,
                option.label,
                outcome,
                _notes(rules, question, answers),
                rules.outcomes[outcome].patient_heading,
            )
        )
    return QuestionExplanation(question, tuple(explained), (), asked_when)


@dataclass(frozen=True)
class GroupExplanation:
    group: QuestionGroup
    questions: tuple[QuestionExplanation, ...]


@cache  # the rule sets are constants: work it out once per process and version
def explain_all(version: str | None = None) -> tuple[GroupExplanation, ...]:
    rules = rule_set(version)
    return tuple(
        GroupExplanation(
            group, tuple(explain_question(rules.questions[key], rules) for key in group.keys)
        )
        for group in rules.groups
    )


@dataclass(frozen=True)
class FlagText:
    question: str
    texts: tuple[str, ...]


def flags_that_never_change_the_outcome(rules: RuleSet = CURRENT) -> tuple[FlagText, ...]:
    """Questions whose answers only ever add a flag for staff, with what each flag says."""
    rule_keys = {
        part.key
        for rule in rules.rules
        for condition in rule.conditions
        for part in (condition.conditions if isinstance(condition, AllOf) else (condition,))
    }
    by_question: dict[str, list[str]] = {}
    for reason in rules.reasons.values():
        if reason.criterion in rule_keys or reason.effect is not Effect.FLAG:
            continue
        texts = by_question.setdefault(reason.criterion, [])
        if reason.public_text not in texts:
            texts.append(reason.public_text)
    return tuple(
        FlagText(rules.questions[key].label, tuple(texts)) for key, texts in by_question.items()
    )


def outcome_texts(rules: RuleSet = CURRENT) -> list[OutcomeText]:
    return list(rules.outcomes.values())
