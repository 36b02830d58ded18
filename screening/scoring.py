"""assess(answers) -> Assessment: the candidacy rules of the screening contract.

Plain Python (no Django), deterministic, and driven by the table in ``criteria.py``.
Precedence, first match wins: refer, unlikely, likely, possible.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from screening.criteria import (
    CONDITIONAL_KEYS,
    CRITERIA_VERSION,
    FINE_HAIRS,
    HAIR_LOSS_PATTERN,
    LOSS_DURATION,
    LOSS_PROGRESSION,
    MAX_AGE,
    MEDICAL_CONDITIONS,
    MIN_AGE,
    OUTCOMES,
    QUESTIONS,
    REASONS,
    SCORE_BANDS,
    SMOOTH_BALD_AREAS,
    SMOOTH_BALD_YEARS,
    STUDIED_AGE_RANGE,
    Effect,
    Kind,
    Outcome,
    Question,
    Stage,
    stage_for,
)

__all__ = ["Assessment", "Reason", "assess", "normalise_answers"]

# The factors whose option points place a submission within its outcome's band.
_FIT_FACTORS: tuple[Question, ...] = (
    HAIR_LOSS_PATTERN,
    FINE_HAIRS,
    SMOOTH_BALD_AREAS,
    LOSS_PROGRESSION,
    LOSS_DURATION,
)


@dataclass(frozen=True)
class Reason:
    code: str
    criterion: str
    effect: Effect
    text: str  # a sentence for staff

    def as_dict(self) -> dict[str, str]:
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

    @property
    def outcome_label(self) -> str:
        return OUTCOMES[self.outcome].staff_label

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
    if not MIN_AGE <= value <= MAX_AGE:
        raise ValueError(f"{question.key}: must be between {MIN_AGE} and {MAX_AGE}, got {value}")
    return value


def _clean_single(question: Question, value: Any) -> str:
    if not isinstance(value, str) or value not in question.codes:
        raise ValueError(f"{question.key}: unknown code {value!r}")
    return value


def _clean_multiple(question: Question, value: Any) -> tuple[str, ...]:
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise ValueError(f"{question.key}: expected a list of codes, got {value!r}")
    codes: list[str] = []
    for code in value:
        if not isinstance(code, str) or code not in question.codes:
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


def normalise_answers(answers: Mapping[str, Any]) -> dict[str, Any]:
    """Check answers against the contract and return them in canonical form.

    Raises ValueError naming the key for a missing required answer, an unknown code,
    ``none`` beside another code, or a missing ``smooth_bald_years`` where it is needed.
    Keys that are not questions (contact details, consents) are dropped.
    """
    if not isinstance(answers, Mapping):
        raise ValueError(f"answers: expected a mapping, got {type(answers).__name__}")
    clean: dict[str, Any] = {}
    for key, question in QUESTIONS.items():
        value = answers.get(key)
        condition = CONDITIONAL_KEYS.get(key)
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
        if _is_empty(value):
            raise ValueError(f"{key}: an answer is required")
        if question.kind is Kind.INTEGER:
            clean[key] = _clean_integer(question, value)
        elif question.kind is Kind.SINGLE:
            clean[key] = _clean_single(question, value)
        else:
            clean[key] = _clean_multiple(question, value)
    return clean


def _reason(code: str) -> Reason:
    definition = REASONS[code]
    return Reason(definition.code, definition.criterion, definition.effect, definition.staff_text)


def _reasons_for(answers: Mapping[str, Any], stage: Stage) -> list[Reason]:
    codes: list[str] = [
        f"medical_{condition}"
        for condition in answers["medical_conditions"]
        if condition != MEDICAL_CONDITIONS.exclusive_code
    ]
    codes.append(f"stage_{stage}")

    fine_hairs = answers["fine_hairs_in_thinning_areas"]
    codes.append(
        {"yes": "fine_hairs_present", "some": "fine_hairs_some", "no": "fine_hairs_absent"}.get(
            fine_hairs, "fine_hairs_unknown"
        )
    )

    codes.append(f"smooth_areas_{answers['smooth_bald_areas']}")
    if answers.get("smooth_bald_years") == "gt_5":
        codes.append("smooth_areas_long_standing")

    progression = answers["loss_progression"]
    codes.append(
        {"stable": "progression_steady", "slow": "progression_steady"}.get(
            progression, f"progression_{'rapid' if progression == 'rapid' else 'unknown'}"
        )
    )

    if answers["loss_duration"] == "lt_1y":
        codes.append("recent_onset")
    low, high = STUDIED_AGE_RANGE
    if not low <= answers["age"] <= high:
        codes.append("age_outside_studied_range")
    if answers["goal"] == "cover_bald_areas":
        codes.append("wants_bald_areas_covered")
    if "regenerative_cell_therapy" in answers["previous_treatments"]:
        codes.append("previous_regenerative_therapy")
    return [_reason(code) for code in codes]


def _benefit_outcome(answers: Mapping[str, Any], stage: Stage) -> Outcome:
    """The outcome the answers earn on expected benefit alone (rules 2-4)."""
    if (
        stage is Stage.ADVANCED
        or answers["smooth_bald_areas"] == "large"
        or answers["fine_hairs_in_thinning_areas"] == "no"
    ):
        return Outcome.UNLIKELY
    if (
        stage in (Stage.EARLY, Stage.MODERATE)
        and answers["fine_hairs_in_thinning_areas"] in ("yes", "some")
        and answers["smooth_bald_areas"] == "none"
        and answers["loss_progression"] in ("stable", "slow")
    ):
        return Outcome.LIKELY
    return Outcome.POSSIBLE


def _fit_points(answers: Mapping[str, Any]) -> int:
    points = sum(question.option(answers[question.key]).points for question in _FIT_FACTORS)
    years = answers.get("smooth_bald_years")
    if years:
        points += SMOOTH_BALD_YEARS.option(years).points
    return points


def _points_range() -> tuple[int, int]:
    lowest = sum(min(option.points for option in q.options) for q in _FIT_FACTORS)
    highest = sum(max(option.points for option in q.options) for q in _FIT_FACTORS)
    lowest += min(option.points for option in SMOOTH_BALD_YEARS.options)
    return lowest, highest


_POINTS_MIN, _POINTS_MAX = _points_range()


def _score(band: Outcome, points: int) -> int:
    low, high = SCORE_BANDS[band]
    fraction = (points - _POINTS_MIN) / (_POINTS_MAX - _POINTS_MIN)
    return low + round(fraction * (high - low))


def assess(answers: Mapping[str, Any]) -> Assessment:
    """Score a set of answers (the contract's keys and codes) against the criteria."""
    clean = normalise_answers(answers)
    stage = stage_for(clean["hair_loss_pattern"])
    benefit = _benefit_outcome(clean, stage)
    has_conditions = clean["medical_conditions"] != (MEDICAL_CONDITIONS.exclusive_code,)
    outcome = Outcome.REFER if has_conditions else benefit
    return Assessment(
        outcome=outcome,
        score=_score(benefit, _fit_points(clean)),
        reasons=tuple(_reasons_for(clean, stage)),
        criteria_version=CRITERIA_VERSION,
        stage=stage,
    )
