"""Criteria version 2026.12-1 (contract v2): safety-netting first.

v2 asks about warning signs before anything else and sends the patient to a GP or
dermatologist when one is present; it adds the ``diffuse`` pattern, three medical codes,
and three questions that never change the outcome but tell staff what to check
(``other_health_factors``, ``recent_treatment_change``, ``wellbeing_impact``). Loss that
started less than a year ago is never ``likely``: other causes are checked first.

Contract: ``../shared/brief/screening-questionnaire-v2.md``. v1 (``v1.py``) is unchanged.
"""

from __future__ import annotations

from dataclasses import replace

from screening.rules import questions as q
from screening.rules import v1
from screening.rules.base import (
    AllOf,
    Condition,
    Effect,
    Kind,
    Option,
    Outcome,
    OutcomeText,
    Question,
    QuestionGroup,
    ReasonDefinition,
    Referral,
    ReferralRule,
    Rule,
    RuleSet,
    Stage,
    any_code_but,
)

VERSION = "2026.12-1"

_NONE = Option("none", "None of these", staff_label="None reported")

WARNING_SIGNS = Question(
    key="warning_signs",
    kind=Kind.MULTIPLE,
    label="Have you noticed any of these?",
    staff_label="Warning signs (other causes of hair loss)",
    hint="Tick all that apply. These can point to a cause that a doctor should look at first.",
    exclusive_code="none",
    options=(
        Option(
            "sudden_or_clumps",
            "Hair came out all at once or in clumps",
            staff_label="Sudden loss or hair coming out in clumps",
        ),
        Option(
            "round_patches",
            "Round or oval bald patches",
            "Smooth patches that came on quickly.",
            "Round or oval bald patches",
        ),
        Option(
            "scalp_symptoms",
            "An itchy, sore or red scalp",
            "Or burning, flakes, scabs or pus.",
            "Scalp symptoms (itch, burning, pain, redness, scaling or pus)",
        ),
        Option(
            "scarred_or_shiny_skin",
            "Shiny or scarred skin where hair was lost",
            staff_label="Shiny or scarred-looking skin where hair was lost",
        ),
        Option(
            "eyebrow_eyelash_or_body_hair_loss",
            "Losing hair from brows, lashes or body",
            staff_label="Eyebrow, eyelash or body hair loss",
        ),
        Option(
            "recent_trigger",
            "It began within 6 months of a big change",
            "Such as an illness, a high fever, surgery, having a baby or a crash diet. "
            "Or great stress, or a new or stopped medicine.",
            "Started within about 6 months of a trigger (illness, fever, surgery, childbirth, "
            "crash diet, severe stress, medicine change)",
        ),
        _NONE,
    ),
)

_DIFFUSE = Option(
    "diffuse",
    "Thin all over",
    "Thinner hair all over the head, with no clear pattern.",
    "Diffuse thinning: no clear pattern",
    points=12,
    stage=Stage.DIFFUSE,
)
HAIR_LOSS_PATTERN = replace(
    q.HAIR_LOSS_PATTERN,
    hint="Choose the closest one. It does not need to be exact.",
    options=(*q.HAIR_LOSS_PATTERN.options[:-1], _DIFFUSE, q.HAIR_LOSS_PATTERN.options[-1]),
)

MEDICAL_CONDITIONS = replace(
    q.MEDICAL_CONDITIONS,
    options=(
        *q.MEDICAL_CONDITIONS.options[:-1],
        Option(
            "planning_pregnancy",
            "I plan to get pregnant soon",
            staff_label="Planning a pregnancy",
        ),
        Option(
            "cancer_in_last_5_years",
            "I have had cancer in the last 5 years",
            staff_label="Cancer in the last 5 years",
        ),
        Option(
            "recent_isotretinoin",
            "I took isotretinoin in the last 6 months",
            "An acne medicine. Roaccutane is one brand.",
            "Isotretinoin (e.g. Roaccutane) in the last 6 months",
        ),
        q.MEDICAL_CONDITIONS.options[-1],
    ),
)

OTHER_HEALTH_FACTORS = Question(
    key="other_health_factors",
    kind=Kind.MULTIPLE,
    label="Do any of these apply to you?",
    staff_label="Other health factors",
    hint="Tick all that apply. These do not change your result. They help the clinician.",
    exclusive_code="none",
    options=(
        Option(
            "low_iron_or_heavy_periods",
            "Low iron, or heavy periods",
            staff_label="Low iron or heavy periods",
        ),
        Option("thyroid_condition", "A thyroid problem", staff_label="Thyroid condition"),
        Option(
            "hormone_symptoms",
            "Signs of a hormone change",
            "Periods that come at odd times, new spots, or more hair on the face or body.",
            "Hormone symptoms (irregular periods, new acne, extra facial or body hair)",
        ),
        Option(
            "menopause_or_hrt",
            "Menopause, or I take HRT",
            staff_label="Menopause or HRT",
        ),
        Option(
            "testosterone_or_anabolic_steroids",
            "I take testosterone or steroids to build muscle",
            staff_label="Testosterone or anabolic steroids",
        ),
        Option("smoking", "I smoke", staff_label="Smoker"),
        _NONE,
    ),
)

RECENT_TREATMENT_CHANGE = Question(
    key="recent_treatment_change",
    kind=Kind.SINGLE,
    label="In the last 6 months, have you started or stopped a hair loss medicine?",
    staff_label="Started or stopped minoxidil, finasteride or dutasteride in the last 6 months",
    hint="Such as minoxidil, finasteride or dutasteride.",
    options=(
        Option("yes", "Yes", staff_label="Yes"),
        Option("no", "No", staff_label="No"),
        Option("not_sure", "I’m not sure", staff_label="Not sure"),
    ),
)

WELLBEING_IMPACT = Question(
    key="wellbeing_impact",
    kind=Kind.SINGLE,
    label="How much does your hair loss affect how you feel day to day?",
    staff_label="Effect on day-to-day wellbeing",
    options=(
        Option("little", "A little or not at all", staff_label="Little"),
        Option("some", "Somewhat", staff_label="Some"),
        Option("a_lot", "A lot", staff_label="A lot"),
        Option("prefer_not_to_say", "I’d rather not say", staff_label="Prefers not to say"),
    ),
)

# Asked before the pattern pictures so that a patient sees one scale, not both.
PATTERN_SCALE = Question(
    key="pattern_scale",
    kind=Kind.SINGLE,
    label="Which pictures should we show you?",
    staff_label="Pattern pictures shown",
    hint="Choose the set that looks more like you. You can go back and change it.",
    options=(
        Option(
            "men",
            "Hair loss that is common in men",
            "The hairline moves back, or the crown gets thin.",
            "Men’s (Norwood) scale",
        ),
        Option(
            "women",
            "Hair loss that is common in women",
            "The top gets thin and the parting gets wider.",
            "Women’s (Ludwig) scale",
        ),
    ),
)

QUESTIONS: dict[str, Question] = {
    question.key: question
    for question in (
        WARNING_SIGNS,
        q.AGE,
        HAIR_LOSS_PATTERN,
        q.LOSS_DURATION,
        q.LOSS_PROGRESSION,
        q.FINE_HAIRS,
        q.SMOOTH_BALD_AREAS,
        q.SMOOTH_BALD_YEARS,
        MEDICAL_CONDITIONS,
        OTHER_HEALTH_FACTORS,
        RECENT_TREATMENT_CHANGE,
        q.PREVIOUS_TREATMENTS,
        q.GOAL,
        q.OPEN_TO_TRANSPLANT,
        WELLBEING_IMPACT,
    )
}

_ALWAYS_SHOWN = ("diffuse", "not_sure")
MEN_PATTERNS = (*(c for c in HAIR_LOSS_PATTERN.codes if c.startswith("norwood_")), *_ALWAYS_SHOWN)
WOMEN_PATTERNS = (*(c for c in HAIR_LOSS_PATTERN.codes if c.startswith("ludwig_")), *_ALWAYS_SHOWN)

GROUPS: tuple[QuestionGroup, ...] = (
    QuestionGroup(
        "warning-signs",
        "Signs to check first",
        "Some signs mean a doctor should find the cause of your hair loss first.",
        ("warning_signs",),
    ),
    replace(v1.QUESTION_GROUPS[0], intro="Your age, and what your hair loss looks like."),
    v1.QUESTION_GROUPS[1],
    replace(
        v1.QUESTION_GROUPS[2],
        keys=("medical_conditions", "other_health_factors", "recent_treatment_change"),
    ),
    replace(v1.QUESTION_GROUPS[3], keys=(*v1.QUESTION_GROUPS[3].keys, "wellbeing_impact")),
)

STEPS: tuple[QuestionGroup, ...] = (
    GROUPS[0],
    QuestionGroup(
        "about-you",
        "About your hair loss",
        "Your age, and how your hair loss has changed.",
        ("age", "loss_duration", "loss_progression"),
    ),
    QuestionGroup(
        "pattern-scale",
        "Your hair loss pattern",
        "Next we show pictures of hair loss. First, choose which set to see.",
        ("pattern_scale",),
    ),
    QuestionGroup(
        "hair-pattern-a",
        "Your hair loss pattern",
        "Choose the picture closest to your hair loss.",
        ("hair_loss_pattern",),
        shown_when=("pattern_scale", frozenset({"men"})),
        only_options={"hair_loss_pattern": MEN_PATTERNS},
    ),
    QuestionGroup(
        "hair-pattern-b",
        "Your hair loss pattern",
        "Choose the picture closest to your hair loss.",
        ("hair_loss_pattern",),
        shown_when=("pattern_scale", frozenset({"women"})),
        only_options={"hair_loss_pattern": WOMEN_PATTERNS},
    ),
    v1.QUESTION_GROUPS[1],
    QuestionGroup(
        "medical-history",
        "Your health",
        "Conditions and medicines that matter for a minor procedure.",
        ("medical_conditions",),
    ),
    QuestionGroup(
        "other-health",
        "Other things that affect hair",
        "These help the clinician. They do not change your result.",
        ("other_health_factors", "recent_treatment_change"),
    ),
    v1.QUESTION_GROUPS[3],
    QuestionGroup(
        "how-you-feel",
        "How you feel",
        "Hair loss can be hard. This helps us care for you.",
        ("wellbeing_impact",),
    ),
)

_SEE_A_DOCTOR_FIRST = (
    "Once your GP or a skin doctor has checked your hair loss, you can take this check again."
)


def _warning_reason(option: Option) -> ReasonDefinition:
    return ReasonDefinition(
        f"warning_{option.code}",
        "warning_signs",
        Effect.FLAG,
        f"{option.staff_text}: the hair loss may not be androgenetic. GP or dermatologist "
        "assessment of the cause first.",
        f"{option.label}: a doctor should find the cause first.",
        when=Condition("warning_signs", frozenset({option.code})),
        patient_text=(
            "You told us about a sign that can have another cause. A doctor should find "
            "the cause first."
        ),
        what_would_change=_SEE_A_DOCTOR_FIRST,
    )


def _flag(code, key, codes, staff, public, patient, change=""):
    return ReasonDefinition(
        code,
        key,
        Effect.FLAG,
        staff,
        public,
        when=Condition(key, frozenset(codes)),
        patient_text=patient,
        what_would_change=change,
    )


HEALTH_REASONS = (
    _flag(
        "health_low_iron_or_heavy_periods",
        "other_health_factors",
        {"low_iron_or_heavy_periods"},
        "Low iron or heavy periods: check ferritin and full blood count first.",
        "Low iron can cause hair loss, so a blood test may come first.",
        "Low iron can thin the hair. A simple blood test may help.",
        "If a blood test finds low iron, treating it may help your hair first.",
    ),
    _flag(
        "health_thyroid_condition",
        "other_health_factors",
        {"thyroid_condition"},
        "Thyroid condition: check thyroid function tests.",
        "A thyroid problem can affect hair, so a blood test may come first.",
        "A thyroid problem can affect hair. A clinician may ask about blood tests.",
    ),
    _flag(
        "health_hormone_symptoms",
        "other_health_factors",
        {"hormone_symptoms"},
        "Hormone symptoms: consider a hormone work-up.",
        "Signs of a hormone change may need some tests.",
        "The changes you told us about can be linked to hormones. Some tests may help.",
    ),
    _flag(
        "health_menopause_or_hrt",
        "other_health_factors",
        {"menopause_or_hrt"},
        "Menopause or HRT: hormonal changes can affect hair; take into account.",
        "Changes around the menopause can affect hair.",
        "Changes around the menopause can affect hair. A clinician will keep this in mind.",
    ),
    _flag(
        "health_testosterone_or_anabolic_steroids",
        "other_health_factors",
        {"testosterone_or_anabolic_steroids"},
        "Testosterone or anabolic steroids: these speed up pattern hair loss.",
        "Testosterone and steroids to build muscle can speed up hair loss.",
        "Testosterone and steroids to build muscle can speed up hair loss. We can talk about this.",
    ),
    _flag(
        "health_smoking",
        "other_health_factors",
        {"smoking"},
        "Smoker: smoking slows healing.",
        "Smoking slows healing after a procedure.",
        "Smoking slows healing after a procedure. A clinician may talk about this with you.",
    ),
    _flag(
        "treatment_change_yes",
        "recent_treatment_change",
        {"yes"},
        "Started or stopped minoxidil, finasteride or dutasteride in the last 6 months: "
        "this can cause shedding for a few months.",
        "Starting or stopping a hair loss medicine can cause shedding for a few months.",
        "Starting or stopping a hair loss medicine can make hair shed for a few months.",
        "In a few months, once your hair has settled, the picture will be clearer.",
    ),
    _flag(
        "treatment_change_not_sure",
        "recent_treatment_change",
        {"not_sure"},
        "Not sure whether a hair-loss medicine was started or stopped recently: ask.",
        "If you are not sure about a change in medicine, a clinician will ask.",
        "You were not sure if you changed a hair loss medicine. A clinician will ask you.",
    ),
    _flag(
        "wellbeing_some",
        "wellbeing_impact",
        {"some"},
        "Hair loss affects the patient's wellbeing somewhat.",
        "How you feel about your hair loss matters to us.",
        "You said your hair loss affects how you feel. A clinician will keep this in mind.",
    ),
    _flag(
        "wellbeing_a_lot",
        "wellbeing_impact",
        {"a_lot"},
        "Hair loss affects the patient's wellbeing a lot: consider their wellbeing at the "
        "consultation.",
        "How you feel about your hair loss matters to us.",
        "You said your hair loss affects how you feel a lot. That matters, and help is there.",
    ),
)

STAGE_DIFFUSE = ReasonDefinition(
    "stage_diffuse",
    "hair_loss_pattern",
    Effect.FLAG,
    "Diffuse thinning with no clear pattern: rule out other causes (e.g. telogen effluvium, "
    "iron, thyroid) before treatment.",
    "Thinning all over can have other causes that a clinician checks first.",
    when=Condition("hair_loss_pattern", frozenset({"diffuse"})),
    patient_text="Thin hair all over can have other causes. A clinician will check these first.",
    what_would_change=v1._CHECK_AGAIN,
)

_V1_BENEFIT = {reason.code: reason for reason in v1.BENEFIT_REASONS}
BENEFIT_REASONS = (
    *(r for r in v1.BENEFIT_REASONS if r.code.startswith("stage_")),
    STAGE_DIFFUSE,
    *(r for r in v1.BENEFIT_REASONS if not r.code.startswith("stage_")),
)

_DIAGNOSIS_CONDITION = "alopecia_areata_or_scarring_alopecia"
MEDICAL_REASONS = tuple(
    v1._medical_reason(option)
    for option in MEDICAL_CONDITIONS.options
    if option.code != MEDICAL_CONDITIONS.exclusive_code
)
WARNING_REASONS = tuple(
    _warning_reason(option) for option in WARNING_SIGNS.options if option.code != "none"
)

_EARLY_OR_MODERATE = Condition(
    "hair_loss_pattern",
    frozenset(
        o.code for o in HAIR_LOSS_PATTERN.options if o.stage in (Stage.EARLY, Stage.MODERATE)
    ),
)
_MODERATE = Condition(
    "hair_loss_pattern",
    frozenset(o.code for o in HAIR_LOSS_PATTERN.options if o.stage is Stage.MODERATE),
)
_ADVANCED = Condition(
    "hair_loss_pattern",
    frozenset(o.code for o in HAIR_LOSS_PATTERN.options if o.stage is Stage.ADVANCED),
)

RULES = (
    Rule(
        Outcome.REFER,
        False,
        (
            Condition("warning_signs", any_code_but(WARNING_SIGNS)),
            Condition("medical_conditions", any_code_but(MEDICAL_CONDITIONS)),
        ),
        "You told us about a warning sign, or a health problem a doctor should check.",
    ),
    Rule(
        Outcome.UNLIKELY,
        False,
        (
            _ADVANCED,
            Condition("smooth_bald_areas", frozenset({"large"})),
            AllOf(
                (Condition("fine_hairs_in_thinning_areas", frozenset({"no"})), _MODERATE),
            ),
        ),
        "Your hair loss is advanced, or you have large smooth areas, or no fine hairs.",
    ),
    Rule(
        Outcome.LIKELY,
        True,
        (
            _EARLY_OR_MODERATE,
            Condition("fine_hairs_in_thinning_areas", frozenset({"yes", "some"})),
            Condition("smooth_bald_areas", frozenset({"none"})),
            Condition("loss_progression", frozenset({"stable", "slow"})),
            Condition("loss_duration", frozenset({"1_5y", "5_10y", "gt_10y"})),
        ),
        "All of these: early or middle-stage loss, fine hairs, no smooth areas, slow "
        "change, and for more than a year.",
    ),
)

REFERRALS = (
    ReferralRule(
        Referral.DIAGNOSIS,
        (
            Condition("warning_signs", any_code_but(WARNING_SIGNS)),
            Condition("medical_conditions", frozenset({_DIAGNOSIS_CONDITION})),
        ),
    ),
    ReferralRule(
        Referral.SAFETY,
        (Condition("medical_conditions", any_code_but(MEDICAL_CONDITIONS, _DIAGNOSIS_CONDITION)),),
    ),
)

OUTCOMES = {
    **v1.OUTCOMES,
    Outcome.POSSIBLE: replace(
        v1.OUTCOMES[Outcome.POSSIBLE],
        patient_summary=(
            "Some of your answers do not give a clear picture on their own. That is common. "
            "It may be that you were not sure about something. Or your hair loss may be new, "
            "changing fast, or all over the head. A clinician will look at your answers and "
            "talk them through with you first."
        ),
    ),
}

REFERRAL_TEXTS = {
    Referral.DIAGNOSIS: OutcomeText(
        Outcome.REFER,
        staff_label="Refer: find the cause first (GP or dermatologist)",
        patient_heading="See your GP or a dermatologist first",
        patient_summary=(
            "Please see your GP or a dermatologist (a skin and hair doctor) first. They can "
            "find out what is causing your hair loss. Some kinds of hair loss need their own "
            "care, and some get better by themselves. This is a normal step. It is not a no."
        ),
    ),
    Referral.SAFETY: v1.OUTCOMES[Outcome.REFER],
}

BENEFIT_MESSAGES = {
    Outcome.LIKELY: (
        "Apart from that, your answers fit the people these treatments are often offered to."
    ),
    Outcome.POSSIBLE: (
        "Apart from that, a clinician would need to look more closely at your hair loss."
    ),
    Outcome.UNLIKELY: (
        "Apart from that, your answers suggest a transplant talk may suit you better than "
        "these treatments alone."
    ),
}

RULE_SET = RuleSet(
    version=VERSION,
    questions=QUESTIONS,
    form_questions={PATTERN_SCALE.key: PATTERN_SCALE},
    conditional_keys=q.CONDITIONAL_KEYS,
    groups=GROUPS,
    steps=STEPS,
    outcomes=OUTCOMES,
    rules=RULES,
    fallback=Outcome.POSSIBLE,
    referrals=REFERRALS,
    reasons={
        r.code: r for r in (*WARNING_REASONS, *MEDICAL_REASONS, *BENEFIT_REASONS, *HEALTH_REASONS)
    },
    fit_keys=v1.FIT_KEYS,
    score_bands=v1.SCORE_BANDS,
    studied_age_range=v1.STUDIED_AGE_RANGE,
    benefit_messages=BENEFIT_MESSAGES,
    referral_texts=REFERRAL_TEXTS,
)
