"""The current criteria, under the names the rest of the app has always used.

The rules themselves live in ``screening/rules/``: the shapes in ``base.py``, the v1
question bank in ``questions.py`` and one rule set per criteria version (``v1.py``,
``v2.py``). This module only points at the current rule set, for code that asks the
current questions (forms, the check-your-answers page, demo data). Code that reads a
stored submission uses ``screening.rules.rule_set(submission.criteria_version)``.
"""

from __future__ import annotations

from screening.rules import CRITERIA_VERSION, CURRENT, RULE_SETS, rule_set
from screening.rules.base import (
    REFERRAL_LABELS,
    STAGE_LABELS,
    Effect,
    Kind,
    Option,
    Outcome,
    OutcomeText,
    Question,
    QuestionGroup,
    ReasonDefinition,
    Referral,
    RuleSet,
    Stage,
)
from screening.rules.questions import MAX_AGE, MIN_AGE
from screening.rules.v2 import (
    HAIR_LOSS_PATTERN,
    MEDICAL_CONDITIONS,
    OTHER_HEALTH_FACTORS,
    RECENT_TREATMENT_CHANGE,
    WARNING_SIGNS,
    WELLBEING_IMPACT,
)

__all__ = [
    "CONDITIONAL_KEYS",
    "CRITERIA_VERSION",
    "CURRENT",
    "FORM_QUESTIONS",
    "HAIR_LOSS_PATTERN",
    "MAX_AGE",
    "MEDICAL_CONDITIONS",
    "MIN_AGE",
    "OTHER_HEALTH_FACTORS",
    "OUTCOMES",
    "QUESTIONS",
    "QUESTION_GROUPS",
    "REASONS",
    "RECENT_TREATMENT_CHANGE",
    "REFERRAL_LABELS",
    "RULE_SETS",
    "SCORE_BANDS",
    "STAGE_LABELS",
    "STEPS",
    "STUDIED_AGE_RANGE",
    "WARNING_SIGNS",
    "WELLBEING_IMPACT",
    "Effect",
    "Kind",
    "Option",
    "Outcome",
    "OutcomeText",
    "Question",
    "QuestionGroup",
    "ReasonDefinition",
    "Referral",
    "RuleSet",
    "Stage",
    "answer_label",
    "rule_set",
    "stage_for",
]

QUESTIONS = CURRENT.questions
FORM_QUESTIONS = CURRENT.form_questions
CONDITIONAL_KEYS = CURRENT.conditional_keys
QUESTION_GROUPS = CURRENT.groups
STEPS = CURRENT.steps
OUTCOMES = CURRENT.outcomes
REASONS = CURRENT.reasons
SCORE_BANDS = CURRENT.score_bands
STUDIED_AGE_RANGE = CURRENT.studied_age_range
stage_for = CURRENT.stage_for
answer_label = CURRENT.answer_label
