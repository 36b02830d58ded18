"""What the patient's result page says (contract v2, "What the patient sees").

Worked out from the stored submission by replaying its answers under the criteria version
they were assessed with, so the words come from the same rule set as the outcome and
nothing patient-facing is stored twice. Never a number, never a diagnosis.
"""

from __future__ import annotations

from dataclasses import dataclass

from screening.articles import RELATED_ARTICLES, Article
from screening.rules import CURRENT, rule_set
from screening.rules.base import Effect, Outcome, Referral
from screening.scoring import assess

SUPPORT_URL = "https://www.alopecia.org.uk/"


@dataclass(frozen=True)
class WhyItem:
    text: str
    what_would_change: str


@dataclass(frozen=True, repr=False)
class PatientResult:
    outcome: Outcome
    heading: str
    summaries: tuple[str, ...]
    benefit_message: str  # refer only: what the answers suggest apart from the review
    referral: tuple[str, ...]
    why: tuple[WhyItem, ...]
    articles: tuple[Article, ...]
    wellbeing_support: bool
    support_url: str = SUPPORT_URL

    def __repr__(self) -> str:
        # Django's template debug log prints the context's repr on a failed lookup: the
        # patient's result must never end up in a log.
        return f"<PatientResult {self.outcome}>"

    @property
    def is_diagnosis_referral(self) -> bool:
        return Referral.DIAGNOSIS.value in self.referral


def patient_result(submission) -> PatientResult:
    outcome = Outcome(submission.outcome)
    try:
        rules = rule_set(submission.criteria_version)
        assessment = assess(submission.answers, rules.version)
    except ValueError:  # stored under rules we no longer have: say only the outcome
        rules, assessment = CURRENT, None
    outcome_text = rules.outcomes[outcome]
    heading, summaries = outcome_text.patient_heading, [outcome_text.patient_summary]
    benefit_message, referral, why = "", (), []
    if assessment is not None:
        referral = assessment.referral
        if outcome is Outcome.REFER:
            texts = rules.referral_texts or CURRENT.referral_texts
            kinds = [Referral(kind) for kind in referral if Referral(kind) in texts]
            if kinds:
                heading = texts[kinds[0]].patient_heading
                summaries = [texts[kind].patient_summary for kind in kinds]
            messages = rules.benefit_messages or CURRENT.benefit_messages
            benefit_message = messages.get(assessment.benefit_outcome, "")
        seen: set[str] = set()
        for reason in assessment.reasons:
            if reason.effect is Effect.FOR or not reason.patient_text:
                continue
            if reason.patient_text in seen:
                continue
            change = reason.what_would_change if reason.what_would_change not in seen else ""
            seen.update((reason.patient_text, reason.what_would_change))
            why.append(WhyItem(reason.patient_text, change))
    articles = RELATED_ARTICLES[outcome]
    return PatientResult(
        outcome=outcome,
        heading=heading,
        summaries=tuple(summaries),
        benefit_message=benefit_message,
        referral=tuple(referral),
        why=tuple(why),
        articles=articles,
        wellbeing_support=submission.answers.get("wellbeing_impact") == "a_lot",
    )
