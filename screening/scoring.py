"""assess(answers, version=None) -> Assessment: evaluates a criteria rule set.

Plain Python (no Django), deterministic. The rules themselves are data in
``screening/rules/`` (one rule set per criteria version); this module only checks the
answers against a rule set's questions and walks its rules: the first outcome rule that
matches wins, and the refer rule aside, the same walk gives ``benefit_outcome``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from screening.rules import rule_set
from screening.rules.base import Effect, Kind, Outcome, Question, Referral, RuleSet, Stage

__all__ = ["Assessment", "Reason", "assess", "normalise_answers"]


@dataclass(frozen=True)
class Reason:
    code: str
    criterion: str
    effect: Effect
    text: str  # a sentence for staff
    patient_text: str = ""  # one or two short sentences for the patient
    what_would_change: str = ""  # for reasons that count against or are flags; may be empty

    def as_dict(self) -> dict[str, str]:
        # Stored on a submission: codes and the staff sentence. The patient texts are
        # read again from the rule set of the stored criteria version when needed.
        return {
            "code": self.code,
            "criterion": self.criterion,
            "effect": str(self.effect),
            "text": self.text,
        }


@dataclass(frozen=True)
class Assessment:
    outcome: Outcome
    score: int
    reasons: tuple[Reason, ...]
    criteria_version: str
    stage: Stage
    # What the answers suggest apart from any medical review; equals outcome unless refer.
    benefit_outcome: Outcome = Outcome.POSSIBLE
    # Empty unless the outcome is refer: "diagnosis" and/or "safety", in that order.
    referral: tuple[str, ...] = ()

    @property
    def outcome_label(self) -> str:
        return rule_set(self.criteria_version).outcomes[self.outcome].staff_label

    def reason_codes(self) -> tuple[str, ...]:
        return tuple(reason.code for reason in self.reasons)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form, as stored on a submission."""
        return {
            "outcome": str(self.outcome),
            "score": self.score,
            "reasons": [reason.as_dict() for reason in self.reasons],
            "criteria_version": self.criteria_version,
            "stage": str(self.stage),
            "benefit_outcome": str(self.benefit_outcome),
            "referral": list(self.referral),
        }


def _is_empty(value: Any) -> bool:
    return value is None or value == "" or (isinstance(value, list | tuple) and not value)


def _clean_integer(question: Question, value: Any) -> int:
    if isinstance(value, bool):
        raise ValueError(f"{question.key}: expected a whole number, got {value!r}")
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if not isinstance(value, int):
        raise ValueError(f"{question.key}: expected a whole number, got {value!r}")
    low, high = question.min_value, question.max_value
    if (low is not None and value < low) or (high is not None and value > high):
        raise ValueError(f"{question.key}: must be between {low} and {high}, got {value}")
    return value


def _clean_single(question: Question, value: Any) -> str:
    if not isinstance(value, str) or value not in question.code_set:
        raise ValueError(f"{question.key}: unknown code {value!r}")
    return value


def _clean_multiple(question: Question, value: Any) -> tuple[str, ...]:
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise ValueError(f"{question.key}: expected a list of codes, got {value!r}")
    codes: list[str] = []
    known = question.code_set
    for code in value:
        if not isinstance(code, str) or code not in known:
            raise ValueError(f"{question.key}: unknown code {code!r}")
        if code not in codes:
            codes.append(code)
    if not codes:
        raise ValueError(f"{question.key}: at least one answer is required")
    if question.exclusive_code in codes and len(codes) > 1:
        raise ValueError(
            f"{question.key}: {question.exclusive_code!r} cannot be combined with other answers"
        )
    # Display order, so equal answers always give equal assessments.
    return tuple(code for code in question.codes if code in codes)


def normalise_answers(answers: Mapping[str, Any], version: str | None = None) -> dict[str, Any]:
    """Check answers against a rule set's questions and return them in canonical form.

    Raises ValueError naming the key for a missing required answer, an unknown code,
    ``none`` beside another code, or a missing ``smooth_bald_years`` where it is needed.
    Keys that are not questions (contact details, consents) are dropped.
    """
    rules = rule_set(version)
    if not isinstance(answers, Mapping):
        raise ValueError(f"answers: expected a mapping, got {type(answers).__name__}")
    clean: dict[str, Any] = {}
    for key, question in rules.questions.items():
        value = answers.get(key)
        condition = rules.conditional_keys.get(key)
        if condition is not None:
            controlling_key, when = condition
            needed = clean.get(controlling_key) in when
            if _is_empty(value):
                if needed:
                    raise ValueError(f"{key}: required when {controlling_key} is not 'none'")
                continue
            cleaned = _clean_single(question, value)
            if needed:
                clean[key] = cleaned
            continue
        kind = question.kind
        # The common case first: a known code, checked with one set lookup.
        if kind is Kind.SINGLE and type(value) is str and value in question.code_set:
            clean[key] = value
        elif _is_empty(value):
            raise ValueError(f"{key}: an answer is required")
        elif kind is Kind.INTEGER:
            clean[key] = _clean_integer(question, value)
        elif kind is Kind.SINGLE:
            clean[key] = _clean_single(question, value)
        else:
            clean[key] = _clean_multiple(question, value)
    return clean


@cache
def _points_range(rules: RuleSet) -> tuple[int, int]:
    lowest = highest = 0
    for key in rules.fit_keys:
        points = [option.points for option in rules.questions[key].options]
        if key in rules.conditional_keys:  # not always asked: it may add nothing
            points.append(0)
        lowest += min(points)
        highest += max(points)
    return lowest, highest


def _score(rules: RuleSet, band: Outcome, answers: Mapping[str, Any]) -> int:
    points = sum(
        rules.questions[key].option(answers[key]).points for key in rules.fit_keys if key in answers
    )
    lowest, highest = _points_range(rules)
    low, high = rules.score_bands[band]
    return low + round((points - lowest) / (highest - lowest) * (high - low))


@cache
def _reason(rules: RuleSet, position: int) -> Reason:
    definition = rules.reason_list[position]
    return Reason(
        definition.code,
        definition.criterion,
        definition.effect,
        definition.staff_text,
        definition.patient_text,
        definition.what_would_change,
    )


def _reason_positions(rules: RuleSet, clean: Mapping[str, Any]) -> list[int]:
    """The reasons the answers give, in the rule set's order (same as testing each
    reason's condition, found by looking each answer up once)."""
    index = rules.reasons_by_answer
    positions: list[int] = []
    for key, value in clean.items():
        for code in value if isinstance(value, tuple) else (value,):
            positions.extend(index.get((key, code), ()))
    positions.extend(p for p in rules.range_reasons if rules.reason_list[p].when.holds(clean))
    positions.sort()
    return positions


def _outcomes(rules: RuleSet, clean: Mapping[str, Any]) -> tuple[Outcome, Outcome]:
    """(outcome, benefit_outcome) in one walk of the rules: the first rule that matches
    gives the outcome; the first matching rule other than refer gives the benefit."""
    outcome = benefit = None
    for rule in rules.rules:
        if rule.outcome is Outcome.REFER:
            if outcome is None and rule.matches(clean):
                outcome = Outcome.REFER
        elif rule.matches(clean):
            benefit = rule.outcome
            break
    benefit = benefit or rules.fallback
    return outcome or benefit, benefit


def first_matching(rules, answers: Mapping[str, Any], fallback: Outcome) -> Outcome:
    return next((rule.outcome for rule in rules if rule.matches(answers)), fallback)


def assess(answers: Mapping[str, Any], version: str | None = None) -> Assessment:
    """Assess answers (the contract's keys and codes) under a criteria version.

    ``version=None`` uses the current rules; a stored ``criteria_version`` replays that
    version's rules exactly; an unknown version is a ValueError.
    """
    rules = rule_set(version)
    clean = normalise_answers(answers, rules.version)
    outcome, benefit = _outcomes(rules, clean)
    referral: tuple[str, ...] = ()
    if outcome is Outcome.REFER:
        referral = tuple(str(rule.kind) for rule in rules.referrals if rule.matches(clean)) or (
            str(Referral.SAFETY),
        )
    reasons = tuple(_reason(rules, position) for position in _reason_positions(rules, clean))
    return Assessment(
        outcome=outcome,
        score=_score(rules, benefit, clean),
        reasons=reasons,
        criteria_version=rules.version,
        stage=rules.stage_for(clean[rules.pattern_key]),
        benefit_outcome=benefit,
        referral=referral,
    )
