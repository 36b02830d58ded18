"""The shapes a criteria rule set is made of: questions, options, stages, outcome rules,
reasons (with their staff and patient texts) and the rule set that holds them.

Plain Python on purpose: no Django import, so the rules can be read, tested and reused
without a web framework. A rule set is data; ``screening.scoring`` evaluates it, the forms
render it, the "How we assess" page explains it and the staff views label with it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from typing import Any


class Outcome(StrEnum):
    LIKELY = "likely"
    POSSIBLE = "possible"
    UNLIKELY = "unlikely"
    REFER = "refer"


class Effect(StrEnum):
    """How a reason bears on the outcome."""

    FOR = "for"
    AGAINST = "against"
    FLAG = "flag"


class Stage(StrEnum):
    MINIMAL = "minimal"
    EARLY = "early"
    MODERATE = "moderate"
    ADVANCED = "advanced"
    UNKNOWN = "unknown"
    DIFFUSE = "diffuse"  # v2: thinning all over, on neither the Norwood nor the Ludwig scale


class Referral(StrEnum):
    """Why a refer result sends the patient to a doctor first."""

    DIAGNOSIS = "diagnosis"  # find the cause of the hair loss first (GP or dermatologist)
    SAFETY = "safety"  # a doctor reviews a condition before any procedure


class Kind(StrEnum):
    INTEGER = "integer"
    SINGLE = "single"
    MULTIPLE = "multiple"


STAGE_LABELS: dict[Stage, str] = {
    Stage.MINIMAL: "Minimal or no loss",
    Stage.EARLY: "Early",
    Stage.MODERATE: "Moderate",
    Stage.ADVANCED: "Advanced",
    Stage.UNKNOWN: "Unknown (patient not sure)",
    Stage.DIFFUSE: "Diffuse thinning (no clear pattern)",
}

REFERRAL_LABELS: dict[Referral, str] = {
    Referral.DIAGNOSIS: "Diagnosis first (GP or dermatologist)",
    Referral.SAFETY: "Medical safety review",
}


@dataclass(frozen=True)
class OutcomeText:
    code: Outcome
    staff_label: str
    # What a patient reads on the result page: never a diagnosis and never a number.
    patient_heading: str
    patient_summary: str


@dataclass(frozen=True)
class Option:
    code: str
    label: str  # what a patient reads beside the radio button or checkbox
    hint: str = ""  # a short plain-language description under the label
    staff_label: str = ""  # how staff read the answer; the patient label when empty
    points: int = 0  # fit points toward the within-band score (higher = better fit)
    stage: Stage | None = None  # for hair-loss patterns only

    @property
    def staff_text(self) -> str:
        return self.staff_label or self.label


@dataclass(frozen=True)
class Question:
    key: str
    kind: Kind
    label: str  # the question as a patient reads it
    staff_label: str  # the same question in a reviewer's words
    hint: str = ""
    options: tuple[Option, ...] = ()
    # For multiple-choice questions: the code that means "none of these" and may not be
    # combined with any other code.
    exclusive_code: str | None = None
    min_value: int | None = None  # integer questions only
    max_value: int | None = None

    @cached_property
    def codes(self) -> tuple[str, ...]:
        return tuple(option.code for option in self.options)

    @cached_property
    def code_set(self) -> frozenset[str]:
        return frozenset(self.codes)

    @cached_property
    def points_by_code(self) -> dict[str, int]:
        return {option.code: option.points for option in self.options}

    def option(self, code: str) -> Option:
        for candidate in self.options:
            if candidate.code == code:
                return candidate
        raise KeyError(code)

    def choices(self) -> list[tuple[str, str]]:
        """(code, patient label) pairs, in display order, for form fields."""
        return [(option.code, option.label) for option in self.options]


@dataclass(frozen=True)
class QuestionGroup:
    """One topic (for staff and the public page) or one step of the questionnaire.

    A step may be shown only for some answers (``shown_when``: key and codes) and may
    offer only some of a question's options (``only_options``: key -> codes).
    """

    slug: str
    title: str
    intro: str
    keys: tuple[str, ...] = field(default_factory=tuple)
    shown_when: tuple[str, frozenset[str]] | None = None
    only_options: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def applies(self, answers: Mapping[str, Any]) -> bool:
        if self.shown_when is None:
            return True
        key, codes = self.shown_when
        return answers.get(key) in codes


@dataclass(frozen=True)
class Condition:
    """One test on one answer: a code among ``codes``, or a number outside ``inside``."""

    key: str
    codes: frozenset[str] = frozenset()
    outside: tuple[int, int] | None = None

    def holds(self, answers: Mapping[str, Any]) -> bool:
        value = answers.get(self.key)
        if self.outside is not None:
            low, high = self.outside
            return isinstance(value, int) and not low <= value <= high
        if type(value) is tuple or type(value) is list:
            return not self.codes.isdisjoint(value)
        return value in self.codes


@dataclass(frozen=True)
class AllOf:
    """Several conditions that must all hold, used as one condition of an "any" rule."""

    conditions: tuple[Condition, ...]

    @property
    def key(self) -> str:
        return self.conditions[0].key

    def holds(self, answers: Mapping[str, Any]) -> bool:
        return all(condition.holds(answers) for condition in self.conditions)


@dataclass(frozen=True)
class Rule:
    """An outcome rule: every condition holds (``needs_all``) or any one does."""

    outcome: Outcome
    needs_all: bool
    conditions: tuple[Condition | AllOf, ...]
    # A sentence for the public page saying what the rule looks at, in patients' words.
    summary: str = ""

    def matches(self, answers: Mapping[str, Any]) -> bool:
        results = (condition.holds(answers) for condition in self.conditions)
        return all(results) if self.needs_all else any(results)


@dataclass(frozen=True)
class ReasonDefinition:
    code: str
    criterion: str  # the answer key it comes from
    effect: Effect
    staff_text: str
    public_text: str  # a sentence for the public "How we assess" page
    when: Condition  # the reason is given when this holds
    patient_text: str = ""  # v2: one or two short sentences for the patient
    what_would_change: str = ""  # v2: what would change the result (against/flag only)


@dataclass(frozen=True)
class ReferralRule:
    kind: Referral
    conditions: tuple[Condition, ...]  # any one is enough

    def matches(self, answers: Mapping[str, Any]) -> bool:
        return any(condition.holds(answers) for condition in self.conditions)


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: one object per version
class RuleSet:
    version: str
    questions: Mapping[str, Question]  # the questions the rules read, in display order
    # Asked by the questionnaire but never scored (e.g. which pattern scale to show).
    form_questions: Mapping[str, Question]
    conditional_keys: Mapping[str, tuple[str, frozenset[str]]]
    groups: tuple[QuestionGroup, ...]  # topics: staff view, check page, public page
    steps: tuple[QuestionGroup, ...]  # the questionnaire's question steps, in order
    outcomes: Mapping[Outcome, OutcomeText]
    rules: tuple[Rule, ...]  # first match wins; none matching gives ``fallback``
    fallback: Outcome
    referrals: tuple[ReferralRule, ...]
    reasons: Mapping[str, ReasonDefinition]  # in the order reasons are reported
    fit_keys: tuple[str, ...]  # questions whose option points place the score in its band
    score_bands: Mapping[Outcome, tuple[int, int]]
    pattern_key: str = "hair_loss_pattern"
    studied_age_range: tuple[int, int] = (21, 70)
    # Patient texts for the result page of this version (keyed by name).
    benefit_messages: Mapping[Outcome, str] = field(default_factory=dict)
    referral_texts: Mapping[Referral, OutcomeText] = field(default_factory=dict)

    @cached_property
    def required_keys(self) -> tuple[str, ...]:
        return tuple(key for key in self.questions if key not in self.conditional_keys)

    @cached_property
    def reasons_by_answer(self) -> dict[tuple[str, str], tuple[int, ...]]:
        """(key, code) -> positions in ``reasons`` of the reasons that code gives: the
        scorer looks up each answer once instead of testing every reason."""
        index: dict[tuple[str, str], list[int]] = {}
        for position, reason in enumerate(self.reasons.values()):
            for code in reason.when.codes:
                index.setdefault((reason.when.key, code), []).append(position)
        return {pair: tuple(positions) for pair, positions in index.items()}

    @cached_property
    def range_reasons(self) -> tuple[int, ...]:
        """Positions of the reasons given for a number outside a range (age)."""
        return tuple(
            position
            for position, reason in enumerate(self.reasons.values())
            if reason.when.outside is not None
        )

    @cached_property
    def reason_list(self) -> tuple[ReasonDefinition, ...]:
        return tuple(self.reasons.values())

    @cached_property
    def benefit_rules(self) -> tuple[Rule, ...]:
        return tuple(rule for rule in self.rules if rule.outcome is not Outcome.REFER)

    def question(self, key: str) -> Question:
        if key in self.questions:
            return self.questions[key]
        return self.form_questions[key]

    def stage_for(self, pattern_code: str) -> Stage:
        stage = self.questions[self.pattern_key].option(pattern_code).stage
        if stage is None:  # pragma: no cover - every pattern option has a stage
            raise ValueError(f"{self.pattern_key}: no stage for {pattern_code!r}")
        return stage

    def pattern_codes(self, *stages: Stage) -> frozenset[str]:
        return frozenset(
            option.code
            for option in self.questions[self.pattern_key].options
            if option.stage in stages
        )

    def answer_label(self, key: str, value, *, audience: str = "staff") -> str:
        """An answer in plain words, for staff, exports and the check-your-answers page."""
        try:
            question = self.question(key)
        except KeyError:
            return str(value)
        if value in (None, "", [], ()):
            return "Not asked" if key in self.conditional_keys else "No answer"
        if question.kind is Kind.INTEGER:
            return str(value)

        def label(code: str) -> str:
            try:
                option = question.option(code)
            except KeyError:
                return f"Unknown answer ({code})"
            return option.staff_text if audience == "staff" else option.label

        if question.kind is Kind.MULTIPLE:
            return "; ".join(label(code) for code in value)
        return label(value)


def any_code_but(question: Question, *excluded: str) -> frozenset[str]:
    """Every code of a question except the ones given (and its "none of these")."""
    return frozenset(question.codes) - {question.exclusive_code, *excluded}
