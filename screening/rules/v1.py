"""Criteria version 2026.11-1 (contract v1): the rule set submissions were first assessed
with. Kept unchanged in behaviour so that every stored v1 submission can be replayed.

Precedence, first match wins: refer (any medical condition), unlikely, likely, possible.
"""

from __future__ import annotations

from screening.rules.base import (
    Condition,
    Effect,
    Outcome,
    OutcomeText,
    ReasonDefinition,
    Referral,
    ReferralRule,
    Rule,
    RuleSet,
    Stage,
    any_code_but,
)
from screening.rules.questions import (
    CONDITIONAL_KEYS,
    FINE_HAIRS,
    HAIR_LOSS_PATTERN,
    MEDICAL_CONDITIONS,
    QUESTION_GROUPS,
    QUESTIONS,
)

VERSION = "2026.11-1"

# The published trials enrolled adults of about these ages (clinical-evidence.md).
STUDIED_AGE_RANGE = (21, 70)

# Score bands keep the number consistent with the outcome: every likely scores above
# every possible, which scores above every unlikely. Within a band the answers' fit
# points place the submission. A refer result keeps the band its other answers earn,
# because referral is about safety, not about expected benefit.
SCORE_BANDS: dict[Outcome, tuple[int, int]] = {
    Outcome.UNLIKELY: (0, 34),
    Outcome.POSSIBLE: (35, 64),
    Outcome.LIKELY: (65, 100),
}
FIT_KEYS = (
    "hair_loss_pattern",
    "fine_hairs_in_thinning_areas",
    "smooth_bald_areas",
    "loss_progression",
    "loss_duration",
    "smooth_bald_years",
)

OUTCOMES: dict[Outcome, OutcomeText] = {
    Outcome.LIKELY: OutcomeText(
        Outcome.LIKELY,
        staff_label="Likely candidate",
        patient_heading="Your answers fit the people these treatments are often offered to",
        patient_summary=(
            "You told us about early or mild thinning. You still see fine hairs, and you "
            "have no fully smooth areas. This is the kind of hair loss that most studies "
            "looked at. It is not a promise. Results vary from person to person. Only a "
            "check in person can show if a treatment suits you."
        ),
    ),
    Outcome.POSSIBLE: OutcomeText(
        Outcome.POSSIBLE,
        staff_label="Possible candidate: needs a closer look",
        patient_heading="A clinician needs to look more closely",
        patient_summary=(
            "Some of your answers do not give a clear picture on their own. That is common. "
            "It may be that you were not sure about something, or that your hair loss is "
            "new or changing fast. A clinician will look at your answers and talk them "
            "through with you first."
        ),
    ),
    Outcome.UNLIKELY: OutcomeText(
        Outcome.UNLIKELY,
        staff_label="Unlikely to benefit from regenerative therapy alone",
        patient_heading="Regenerative treatment on its own may not be the best next step",
        patient_summary=(
            "These treatments help hair roots that are still alive. Your answers suggest "
            "that some roots may have stopped making hair. Then a hair transplant talk is "
            "often more useful. A clinician can go through the choices with you."
        ),
    ),
    Outcome.REFER: OutcomeText(
        Outcome.REFER,
        staff_label="Refer: medical review needed before any procedure",
        patient_heading="A doctor should review your health first",
        patient_summary=(
            "You told us about a health problem or a medicine. A doctor should look at it "
            "before any step that takes tissue or puts a needle in the scalp. This is a "
            "normal safety step. It is not a no. A clinician will call or write to talk "
            "it through."
        ),
    ),
}

_CHECK_AGAIN = "If your hair loss is still there in 6 to 12 months, you can take this check again."


def _medical_reason(option) -> ReasonDefinition:
    diagnosis = option.code == "alopecia_areata_or_scarring_alopecia"
    extra = (
        " The hair loss may not be androgenetic: specialist assessment needed." if diagnosis else ""
    )
    return ReasonDefinition(
        f"medical_{option.code}",
        "medical_conditions",
        Effect.FLAG,
        f"{option.staff_text}: medical review needed before any harvesting procedure.{extra}",
        f"{option.label}: a doctor reviews this before any procedure.",
        when=Condition("medical_conditions", frozenset({option.code})),
        patient_text=(
            "You told us a doctor found a kind of hair loss that needs its own care. "
            "A skin doctor should see it first."
            if diagnosis
            else "You told us about a health problem or a medicine. A doctor should check "
            "it before any procedure."
        ),
        what_would_change=(
            "Once a doctor has looked at it, a clinician can talk about what suits you."
        ),
    )


def _stage(stage: Stage) -> Condition:
    return Condition(
        "hair_loss_pattern",
        frozenset(o.code for o in HAIR_LOSS_PATTERN.options if o.stage is stage),
    )


def _on(key: str, *codes: str) -> Condition:
    return Condition(key, frozenset(codes))


MEDICAL_REASONS = tuple(
    _medical_reason(option)
    for option in MEDICAL_CONDITIONS.options
    if option.code != MEDICAL_CONDITIONS.exclusive_code
)

# In the order a submission reports them.
BENEFIT_REASONS = (
    ReasonDefinition(
        "stage_early",
        "hair_loss_pattern",
        Effect.FOR,
        "Early-stage pattern: the group that responded best in trials.",
        "Early thinning or recession is where regenerative treatments have most often helped.",
        when=_stage(Stage.EARLY),
        patient_text=(
            "Your hair loss is at an early stage. This is where these treatments help most often."
        ),
    ),
    ReasonDefinition(
        "stage_moderate",
        "hair_loss_pattern",
        Effect.FOR,
        "Moderate-stage pattern: within the range enrolled in trials.",
        "Moderate hair loss is within the range that studies have included.",
        when=_stage(Stage.MODERATE),
        patient_text=(
            "Your hair loss is in the middle range. Studies have included people like you."
        ),
    ),
    ReasonDefinition(
        "stage_advanced",
        "hair_loss_pattern",
        Effect.AGAINST,
        "Advanced pattern: regenerative therapy alone is unlikely to help; "
        "transplant consultation is the better next step.",
        "With advanced hair loss, a transplant consultation is usually the better next step.",
        when=_stage(Stage.ADVANCED),
        patient_text=(
            "You have lost a lot of hair on top. A transplant talk is often the best next step."
        ),
    ),
    ReasonDefinition(
        "stage_minimal",
        "hair_loss_pattern",
        Effect.FLAG,
        "Little or no loss reported: check what the patient is worried about.",
        "With little or no visible loss, a clinician first checks what is happening.",
        when=_stage(Stage.MINIMAL),
        patient_text="You see little or no hair loss yet. A clinician will ask what worries you.",
        what_would_change=_CHECK_AGAIN,
    ),
    ReasonDefinition(
        "stage_unknown",
        "hair_loss_pattern",
        Effect.FLAG,
        "Pattern not known: needs photos or an examination.",
        "If you are not sure of your pattern, a clinician looks at it with you.",
        when=_stage(Stage.UNKNOWN),
        patient_text="You were not sure which picture fits. A clinician will look at it with you.",
        what_would_change="Photos of your scalp, or a visit, can make this clear.",
    ),
    ReasonDefinition(
        "fine_hairs_present",
        "fine_hairs_in_thinning_areas",
        Effect.FOR,
        "Fine hairs reported in thinning areas: follicles likely viable.",
        "Fine, short hairs in thinning areas suggest the hair roots are still alive.",
        when=_on("fine_hairs_in_thinning_areas", "yes"),
        patient_text=(
            "You still see fine hairs where it is thin. This means the roots there are alive."
        ),
    ),
    ReasonDefinition(
        "fine_hairs_some",
        "fine_hairs_in_thinning_areas",
        Effect.FOR,
        "A few fine hairs reported in thinning areas: some follicles likely viable.",
        "Even a few fine hairs suggest some hair roots are still alive.",
        when=_on("fine_hairs_in_thinning_areas", "some"),
        patient_text="You see a few fine hairs where it is thin. Some roots there are still alive.",
    ),
    ReasonDefinition(
        "fine_hairs_absent",
        "fine_hairs_in_thinning_areas",
        Effect.AGAINST,
        "No fine hairs in thinning areas: follicles may no longer be viable.",
        "Where no fine hairs remain, the roots may have stopped working.",
        when=_on("fine_hairs_in_thinning_areas", "no"),
        patient_text="You see no fine hairs where it is thin. The roots there may have stopped.",
        what_would_change="A close look at your scalp may find fine hairs you cannot see.",
    ),
    ReasonDefinition(
        "fine_hairs_unknown",
        "fine_hairs_in_thinning_areas",
        Effect.FLAG,
        "Patient not sure about fine hairs: check follicles at examination.",
        "If you cannot tell, a clinician checks the hair roots at an examination.",
        when=_on("fine_hairs_in_thinning_areas", "not_sure"),
        patient_text="You were not sure if fine hairs are there. A clinician can check this.",
        what_would_change="A close look at your scalp will answer this.",
    ),
    ReasonDefinition(
        "smooth_areas_none",
        "smooth_bald_areas",
        Effect.FOR,
        "No completely smooth areas.",
        "No completely smooth areas means there is more for treatment to work with.",
        when=_on("smooth_bald_areas", "none"),
        patient_text="You have no fully smooth areas. There is more for treatment to work with.",
    ),
    ReasonDefinition(
        "smooth_areas_small",
        "smooth_bald_areas",
        Effect.FLAG,
        "Small completely smooth areas: limited benefit expected there.",
        "Small smooth patches are looked at more closely.",
        when=_on("smooth_bald_areas", "small"),
        patient_text="You have small smooth areas. A clinician will look at them more closely.",
    ),
    ReasonDefinition(
        "smooth_areas_large",
        "smooth_bald_areas",
        Effect.AGAINST,
        "Large completely smooth areas: regenerative therapy is not a replacement for "
        "transplantation there.",
        "Large smooth areas usually need a transplant rather than regenerative treatment.",
        when=_on("smooth_bald_areas", "large"),
        patient_text="You have large smooth areas. These treatments do not grow hair there.",
    ),
    ReasonDefinition(
        "smooth_areas_long_standing",
        "smooth_bald_years",
        Effect.AGAINST,
        "Smooth areas for more than 5 years: follicles there are unlikely to respond.",
        "Areas that have been smooth for many years are unlikely to respond.",
        when=_on("smooth_bald_years", "gt_5"),
        patient_text="Some areas have been smooth for many years. Roots there rarely come back.",
    ),
    ReasonDefinition(
        "progression_steady",
        "loss_progression",
        Effect.FOR,
        "Stable or slowly progressing loss.",
        "Hair loss that is stable or changing slowly is easier to plan for.",
        when=_on("loss_progression", "stable", "slow"),
        patient_text="Your hair loss is steady or slow. That makes it easier to plan.",
    ),
    ReasonDefinition(
        "progression_rapid",
        "loss_progression",
        Effect.FLAG,
        "Rapid progression: rule out other causes (e.g. shedding after illness or stress).",
        "Fast-changing hair loss can have other causes that a clinician rules out first.",
        when=_on("loss_progression", "rapid"),
        patient_text=(
            "Your hair loss is changing fast. That can have other causes, so we check first."
        ),
        what_would_change=_CHECK_AGAIN,
    ),
    ReasonDefinition(
        "progression_unknown",
        "loss_progression",
        Effect.FLAG,
        "Patient not sure how the loss is changing.",
        "If you are not sure how your hair is changing, photos over time help.",
        when=_on("loss_progression", "not_sure"),
        patient_text="You were not sure how your hair is changing. Photos over time can help.",
        what_would_change="Take photos of your scalp every few months to compare.",
    ),
    ReasonDefinition(
        "recent_onset",
        "loss_duration",
        Effect.FLAG,
        "Noticed less than a year ago: confirm the loss is androgenetic.",
        "Recent hair loss is checked for other causes first.",
        when=_on("loss_duration", "lt_1y"),
        patient_text=(
            "Your hair loss began less than a year ago. New hair loss can have other causes."
        ),
        what_would_change=_CHECK_AGAIN,
    ),
    ReasonDefinition(
        "age_outside_studied_range",
        "age",
        Effect.FLAG,
        f"Age outside the range enrolled in the main trials "
        f"({STUDIED_AGE_RANGE[0]}–{STUDIED_AGE_RANGE[1]}).",
        "Studies mostly included adults aged about 21 to 70.",
        when=Condition("age", outside=STUDIED_AGE_RANGE),
        patient_text=(
            "Most studies took in adults from about 21 to 70. A clinician will keep this in mind."
        ),
    ),
    ReasonDefinition(
        "wants_bald_areas_covered",
        "goal",
        Effect.FLAG,
        "Goal is to cover bald areas: regenerative therapy rarely regrows hair there; "
        "discuss transplant options.",
        "If your goal is hair in bald areas, a clinician will talk about transplant options.",
        when=_on("goal", "cover_bald_areas"),
        patient_text=(
            "You want hair back in bald areas. A clinician will talk about transplants too."
        ),
    ),
    ReasonDefinition(
        "previous_regenerative_therapy",
        "previous_treatments",
        Effect.FLAG,
        "Has had regenerative cell therapy before: ask about the method and the response.",
        "If you have had a similar treatment, a clinician asks how it went.",
        when=_on("previous_treatments", "regenerative_cell_therapy"),
        patient_text="You have had a treatment like this before. A clinician will ask how it went.",
    ),
)

_ADVANCED = _stage(Stage.ADVANCED)
_EARLY_OR_MODERATE = Condition(
    "hair_loss_pattern",
    frozenset(
        o.code for o in HAIR_LOSS_PATTERN.options if o.stage in (Stage.EARLY, Stage.MODERATE)
    ),
)

RULES = (
    Rule(
        Outcome.REFER,
        False,
        (Condition("medical_conditions", any_code_but(MEDICAL_CONDITIONS)),),
        "You told us about a health problem or medicine a doctor should check first.",
    ),
    Rule(
        Outcome.UNLIKELY,
        False,
        (_ADVANCED, _on("smooth_bald_areas", "large"), _on(FINE_HAIRS.key, "no")),
        "Your hair loss is advanced, you have large smooth areas, or you see no fine hairs.",
    ),
    Rule(
        Outcome.LIKELY,
        True,
        (
            _EARLY_OR_MODERATE,
            _on(FINE_HAIRS.key, "yes", "some"),
            _on("smooth_bald_areas", "none"),
            _on("loss_progression", "stable", "slow"),
        ),
        "All of these: early or middle-stage loss, fine hairs, no smooth areas, slow change.",
    ),
)

REFERRALS = (
    ReferralRule(
        Referral.DIAGNOSIS,
        (Condition("medical_conditions", frozenset({"alopecia_areata_or_scarring_alopecia"})),),
    ),
    ReferralRule(
        Referral.SAFETY,
        (
            Condition(
                "medical_conditions",
                any_code_but(MEDICAL_CONDITIONS, "alopecia_areata_or_scarring_alopecia"),
            ),
        ),
    ),
)

RULE_SET = RuleSet(
    version=VERSION,
    questions=QUESTIONS,
    form_questions={},
    conditional_keys=CONDITIONAL_KEYS,
    groups=QUESTION_GROUPS,
    steps=QUESTION_GROUPS,
    outcomes=OUTCOMES,
    rules=RULES,
    fallback=Outcome.POSSIBLE,
    referrals=REFERRALS,
    reasons={r.code: r for r in (*MEDICAL_REASONS, *BENEFIT_REASONS)},
    fit_keys=FIT_KEYS,
    score_bands=SCORE_BANDS,
    studied_age_range=STUDIED_AGE_RANGE,
)
