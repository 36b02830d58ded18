"""The candidacy criteria: one table used by the scorer, the form, the staff view and the
public "How we assess candidacy" page, so the wording and the rules cannot drift apart.

Plain Python on purpose: no Django import, so the rules can be read, tested and reused
without a web framework. The answer keys and codes are the contract in
``../shared/brief/screening-questionnaire.md``; patient and staff wording is ours.

Bump ``CRITERIA_VERSION`` whenever a rule, a code or a point value changes: every
submission stores the version it was assessed with, so old results stay reproducible.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

CRITERIA_VERSION = "2026.11-1"

MIN_AGE = 18
MAX_AGE = 100
# The published trials enrolled adults of about these ages (clinical-evidence.md).
STUDIED_AGE_RANGE = (21, 70)


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


# Score bands keep the number consistent with the outcome: every likely scores above
# every possible, which scores above every unlikely. Within a band the answers' fit
# points place the submission. A refer result keeps the band its other answers earn,
# because referral is about safety, not about expected benefit.
SCORE_BANDS: dict[Outcome, tuple[int, int]] = {
    Outcome.UNLIKELY: (0, 34),
    Outcome.POSSIBLE: (35, 64),
    Outcome.LIKELY: (65, 100),
}


@dataclass(frozen=True)
class OutcomeText:
    code: Outcome
    staff_label: str
    # What a patient reads on the result page: a summary of what the answers suggest,
    # never a diagnosis and never a number.
    patient_heading: str
    patient_summary: str


OUTCOMES: dict[Outcome, OutcomeText] = {
    Outcome.LIKELY: OutcomeText(
        Outcome.LIKELY,
        staff_label="Likely candidate",
        patient_heading="Your answers fit the people these treatments are usually offered to",
        patient_summary=(
            "You describe early or moderate thinning, with fine hairs still growing and no "
            "completely smooth areas. That is the picture in which regenerative treatments "
            "have most often been studied. It is not a promise: results vary from person to "
            "person, and only an examination can confirm whether a treatment suits you."
        ),
    ),
    Outcome.POSSIBLE: OutcomeText(
        Outcome.POSSIBLE,
        staff_label="Possible candidate: needs a closer look",
        patient_heading="A clinician needs to look more closely",
        patient_summary=(
            "Some of your answers do not give a clear picture on their own — for example if "
            "you were not sure about something, if your hair loss is very recent or changing "
            "fast, or if there are small smooth patches. That is common. A clinician will "
            "look at your answers and talk them through with you before suggesting anything."
        ),
    ),
    Outcome.UNLIKELY: OutcomeText(
        Outcome.UNLIKELY,
        staff_label="Unlikely to benefit from regenerative therapy alone",
        patient_heading="Regenerative treatment on its own may not be the best next step",
        patient_summary=(
            "Regenerative treatments work by supporting hair follicles that are still alive. "
            "Your answers suggest there may be large areas where follicles have stopped "
            "growing hair. In that situation a hair transplant consultation is often more "
            "useful, sometimes combined with other care. A clinician can talk you through "
            "the options."
        ),
    ),
    Outcome.REFER: OutcomeText(
        Outcome.REFER,
        staff_label="Refer: medical review needed before any procedure",
        patient_heading="A doctor should review your health first",
        patient_summary=(
            "You told us about a health condition or medicine that a doctor should look at "
            "before any procedure that involves collecting tissue or injecting the scalp. "
            "This is a normal safety step, not a rejection. A clinician will contact you to "
            "talk it through, and may suggest speaking to your GP or a specialist first."
        ),
    ),
}


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


class Kind(StrEnum):
    INTEGER = "integer"
    SINGLE = "single"
    MULTIPLE = "multiple"


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

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(option.code for option in self.options)

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
    """One topic of the questionnaire; staff see answers grouped the same way."""

    slug: str
    title: str
    intro: str
    keys: tuple[str, ...] = field(default_factory=tuple)


AGE = Question(
    key="age",
    kind=Kind.INTEGER,
    label="How old are you?",
    staff_label="Age",
    hint="In years. The online pre-screening is for adults aged 18 or over.",
)

HAIR_LOSS_PATTERN = Question(
    key="hair_loss_pattern",
    kind=Kind.SINGLE,
    label="Which picture looks most like your hair loss?",
    staff_label="Hair-loss pattern",
    hint=(
        "Pictures 1 to 8 show patterns that are common in men, pictures 9 to 11 patterns "
        "common in women. Choose the closest one — it does not need to be exact."
    ),
    options=(
        Option(
            "norwood_1",
            "No real change",
            "The hairline is where it always was, or has moved back only very slightly.",
            "Norwood–Hamilton I: no significant recession",
            points=8,
            stage=Stage.MINIMAL,
        ),
        Option(
            "norwood_2",
            "Slight recession at the temples",
            "The hairline has moved back a little at both temples.",
            "Norwood–Hamilton II: minor frontal/temporal recession",
            points=30,
            stage=Stage.EARLY,
        ),
        Option(
            "norwood_3",
            "Deeper recession at the temples",
            "The temples have clearly moved back, giving an M or U shape.",
            "Norwood–Hamilton III: first cosmetically significant recession",
            points=28,
            stage=Stage.EARLY,
        ),
        Option(
            "norwood_3v",
            "Receding temples and a thinning crown",
            "As above, and the crown (the top of the back of the head) is thinning too.",
            "Norwood–Hamilton III-vertex: recession plus crown thinning",
            points=26,
            stage=Stage.EARLY,
        ),
        Option(
            "norwood_4",
            "Bald areas at the front and on the crown",
            "A clear band of hair still separates the two areas.",
            "Norwood–Hamilton IV: frontal and crown loss, bridge intact",
            points=20,
            stage=Stage.MODERATE,
        ),
        Option(
            "norwood_5",
            "Front and crown areas nearly meeting",
            "The band of hair between the two areas has become thin.",
            "Norwood–Hamilton V: frontal and crown loss, thinning bridge",
            points=16,
            stage=Stage.MODERATE,
        ),
        Option(
            "norwood_6",
            "Front and crown joined into one bald area",
            "Hair remains on the sides and back, with little on top.",
            "Norwood–Hamilton VI: frontal and crown loss merged",
            points=4,
            stage=Stage.ADVANCED,
        ),
        Option(
            "norwood_7",
            "Only a band of hair at the sides and back",
            "A horseshoe-shaped band of hair is left around the sides and back.",
            "Norwood–Hamilton VII: horseshoe band only",
            points=0,
            stage=Stage.ADVANCED,
        ),
        Option(
            "ludwig_1",
            "Mild thinning on top",
            "The parting looks wider than it used to. The front hairline has not moved.",
            "Ludwig I: mild crown thinning, widening part",
            points=30,
            stage=Stage.EARLY,
        ),
        Option(
            "ludwig_2",
            "Clear thinning on top",
            "Much more scalp shows through over the top of the head.",
            "Ludwig II: marked thinning on top",
            points=18,
            stage=Stage.MODERATE,
        ),
        Option(
            "ludwig_3",
            "Very little hair left on top",
            "The top is almost bare, though the front hairline is usually still there.",
            "Ludwig III: near-complete loss on top",
            points=2,
            stage=Stage.ADVANCED,
        ),
        Option(
            "not_sure",
            "I’m not sure",
            "None of the pictures matches, or it is hard to tell.",
            "Not sure of the pattern",
            points=12,
            stage=Stage.UNKNOWN,
        ),
    ),
)

LOSS_DURATION = Question(
    key="loss_duration",
    kind=Kind.SINGLE,
    label="How long ago did you first notice your hair thinning or receding?",
    staff_label="Time since hair loss was first noticed",
    options=(
        Option("lt_1y", "Less than a year ago", staff_label="Under 1 year", points=6),
        Option("1_5y", "1 to 5 years ago", staff_label="1–5 years", points=8),
        Option("5_10y", "5 to 10 years ago", staff_label="5–10 years", points=5),
        Option("gt_10y", "More than 10 years ago", staff_label="Over 10 years", points=2),
    ),
)

LOSS_PROGRESSION = Question(
    key="loss_progression",
    kind=Kind.SINGLE,
    label="Over the last year, how has your hair loss changed?",
    staff_label="Progression over the last year",
    options=(
        Option(
            "stable",
            "It has stayed about the same",
            staff_label="Stable",
            points=12,
        ),
        Option(
            "slow",
            "It is getting worse slowly",
            staff_label="Slowly progressing",
            points=10,
        ),
        Option(
            "rapid",
            "It is getting worse quickly",
            "For example, much more hair in the shower or on the pillow over a few months.",
            "Rapidly progressing",
            points=3,
        ),
        Option("not_sure", "I’m not sure", staff_label="Not sure", points=6),
    ),
)

FINE_HAIRS = Question(
    key="fine_hairs_in_thinning_areas",
    kind=Kind.SINGLE,
    label="In the thinning areas, can you still see fine, short or thin hairs?",
    staff_label="Fine hairs visible in the thinning areas (proxy for viable follicles)",
    hint=(
        "Look closely in good light or ask someone to help. Fine, short hairs are a sign "
        "that the hair roots there are still alive."
    ),
    options=(
        Option("yes", "Yes, quite a lot", staff_label="Yes", points=25),
        Option("some", "Yes, a few", staff_label="Some", points=18),
        Option("no", "No, none at all", staff_label="No", points=0),
        Option("not_sure", "I’m not sure", staff_label="Not sure", points=10),
    ),
)

SMOOTH_BALD_AREAS = Question(
    key="smooth_bald_areas",
    kind=Kind.SINGLE,
    label="Do you have any areas that are completely smooth, with no hair at all?",
    staff_label="Completely smooth bald areas",
    hint="We mean skin with no visible hair, not even fine or very short hairs.",
    options=(
        Option("none", "No", staff_label="None", points=20),
        Option(
            "small",
            "Yes, small areas",
            "For example, a patch smaller than the palm of your hand.",
            "Small areas",
            points=10,
        ),
        Option(
            "large",
            "Yes, large areas",
            "For example, a patch larger than the palm of your hand.",
            "Large areas",
            points=0,
        ),
    ),
)

SMOOTH_BALD_YEARS = Question(
    key="smooth_bald_years",
    kind=Kind.SINGLE,
    label="How long have those areas been completely smooth?",
    staff_label="How long the smooth areas have been smooth",
    options=(
        Option("lt_2", "Less than 2 years", staff_label="Under 2 years", points=0),
        Option("2_5", "2 to 5 years", staff_label="2–5 years", points=-3),
        Option("gt_5", "More than 5 years", staff_label="Over 5 years", points=-6),
    ),
)

MEDICAL_CONDITIONS = Question(
    key="medical_conditions",
    kind=Kind.MULTIPLE,
    label="Do any of these apply to you?",
    staff_label="Medical history",
    hint=(
        "Tick all that apply. Some conditions and medicines mean a doctor should check "
        "that a minor procedure is safe for you first."
    ),
    exclusive_code="none",
    options=(
        Option(
            "bleeding_disorder",
            "A bleeding or clotting disorder",
            "For example haemophilia, or a low platelet count.",
            "Bleeding or platelet disorder",
        ),
        Option(
            "blood_thinners",
            "I take blood-thinning medicine",
            "For example warfarin, apixaban, rivaroxaban, clopidogrel or daily aspirin.",
            "Anticoagulant or antiplatelet medicine",
        ),
        Option(
            "scalp_infection_or_inflammation",
            "An infection, rash or flare-up on my scalp",
            "For example folliculitis, psoriasis or a bad flare of seborrhoeic dermatitis.",
            "Active scalp infection or inflammation",
        ),
        Option(
            "pregnant_or_breastfeeding",
            "I am pregnant or breastfeeding",
            staff_label="Pregnant or breastfeeding",
        ),
        Option(
            "active_cancer_treatment",
            "I have cancer or am having cancer treatment",
            "Including chemotherapy.",
            "Active cancer or cancer treatment",
        ),
        Option(
            "immunosuppressed",
            "A weakened immune system",
            "Because of an illness or medicines such as steroids or transplant drugs.",
            "Immunosuppressed (illness or medication)",
        ),
        Option(
            "anaesthetic_allergy",
            "An allergy to local anaesthetic",
            "The numbing injection used at the dentist, for example.",
            "Allergy to local anaesthetic",
        ),
        Option(
            "keloid_scarring",
            "Raised or thick scars",
            "Scars that grow bigger than the original wound (keloid or hypertrophic scars).",
            "Keloid or hypertrophic scarring",
        ),
        Option(
            "uncontrolled_diabetes",
            "Diabetes that is not well controlled",
            staff_label="Poorly controlled diabetes",
        ),
        Option(
            "alopecia_areata_or_scarring_alopecia",
            "Alopecia areata or scarring alopecia",
            "Patchy hair loss in round areas, or hair loss with scarring, diagnosed by a doctor.",
            "Alopecia areata or scarring alopecia (possibly not androgenetic)",
        ),
        Option("none", "None of these", staff_label="None reported"),
    ),
)

PREVIOUS_TREATMENTS = Question(
    key="previous_treatments",
    kind=Kind.MULTIPLE,
    label="Have you tried any of these treatments for hair loss?",
    staff_label="Previous treatments",
    hint="Tick all that you have used at any time.",
    exclusive_code="none",
    options=(
        Option(
            "minoxidil",
            "Minoxidil",
            "A lotion or foam for the scalp, or tablets (brands include Regaine).",
            "Minoxidil",
        ),
        Option(
            "finasteride_or_dutasteride",
            "Finasteride or dutasteride",
            "Tablets that reduce the hormone linked to hair loss.",
            "Finasteride or dutasteride",
        ),
        Option(
            "prp",
            "PRP (platelet-rich plasma) injections",
            staff_label="PRP",
        ),
        Option("hair_transplant", "A hair transplant", staff_label="Hair transplant"),
        Option(
            "regenerative_cell_therapy",
            "A stem-cell or regenerative treatment",
            "For example treatments using your own fat or scalp tissue.",
            "Regenerative cell therapy",
        ),
        Option(
            "low_level_laser",
            "Low-level laser or light therapy",
            "A laser cap, comb or helmet, for example.",
            "Low-level laser therapy",
        ),
        Option("none", "None of these", staff_label="None"),
    ),
)

GOAL = Question(
    key="goal",
    kind=Kind.SINGLE,
    label="What would you most like to achieve?",
    staff_label="Main goal",
    options=(
        Option(
            "thicker_thinning_hair",
            "Thicker hair where it is thinning",
            staff_label="Thicker hair in thinning areas",
        ),
        Option("less_shedding", "Less hair falling out", staff_label="Less shedding"),
        Option(
            "cover_bald_areas",
            "Hair growing again in bald areas",
            staff_label="Cover bald areas",
        ),
        Option("not_sure", "I’m not sure yet", staff_label="Not sure"),
    ),
)

OPEN_TO_TRANSPLANT = Question(
    key="open_to_transplant",
    kind=Kind.SINGLE,
    label="Would you consider a hair transplant if a clinician suggested it?",
    staff_label="Open to a hair transplant",
    options=(
        Option("yes", "Yes", staff_label="Yes"),
        Option("no", "No", staff_label="No"),
        Option("not_sure", "I’m not sure", staff_label="Not sure"),
    ),
)

QUESTIONS: dict[str, Question] = {
    question.key: question
    for question in (
        AGE,
        HAIR_LOSS_PATTERN,
        LOSS_DURATION,
        LOSS_PROGRESSION,
        FINE_HAIRS,
        SMOOTH_BALD_AREAS,
        SMOOTH_BALD_YEARS,
        MEDICAL_CONDITIONS,
        PREVIOUS_TREATMENTS,
        GOAL,
        OPEN_TO_TRANSPLANT,
    )
}

# smooth_bald_years is asked only when there are smooth areas.
CONDITIONAL_KEYS = {"smooth_bald_years": ("smooth_bald_areas", frozenset({"small", "large"}))}
REQUIRED_KEYS = tuple(key for key in QUESTIONS if key not in CONDITIONAL_KEYS)

QUESTION_GROUPS: tuple[QuestionGroup, ...] = (
    QuestionGroup(
        "about-you",
        "About you and your hair loss",
        "Your age, and what your hair loss looks like and how it has changed.",
        ("age", "hair_loss_pattern", "loss_duration", "loss_progression"),
    ),
    QuestionGroup(
        "follicles",
        "Hair roots and bald areas",
        "Whether hair roots in the thinning areas are still active.",
        ("fine_hairs_in_thinning_areas", "smooth_bald_areas", "smooth_bald_years"),
    ),
    QuestionGroup(
        "medical-history",
        "Your health",
        "Conditions and medicines that matter for a minor procedure.",
        ("medical_conditions",),
    ),
    QuestionGroup(
        "treatments-and-goals",
        "Treatments and goals",
        "What you have tried before and what you hope for.",
        ("previous_treatments", "goal", "open_to_transplant"),
    ),
)

STAGE_LABELS: dict[Stage, str] = {
    Stage.MINIMAL: "Minimal or no loss",
    Stage.EARLY: "Early",
    Stage.MODERATE: "Moderate",
    Stage.ADVANCED: "Advanced",
    Stage.UNKNOWN: "Unknown (patient not sure)",
}


@dataclass(frozen=True)
class ReasonDefinition:
    code: str
    criterion: str  # the answer key it comes from
    effect: Effect
    staff_text: str
    # A sentence for the public "How we assess candidacy" page.
    public_text: str


def _reasons(*definitions: ReasonDefinition) -> dict[str, ReasonDefinition]:
    return {definition.code: definition for definition in definitions}


def _medical_reason(option: Option) -> ReasonDefinition:
    extra = (
        " The hair loss may not be androgenetic: specialist assessment needed."
        if option.code == "alopecia_areata_or_scarring_alopecia"
        else ""
    )
    return ReasonDefinition(
        f"medical_{option.code}",
        "medical_conditions",
        Effect.FLAG,
        f"{option.staff_text}: medical review needed before any harvesting procedure.{extra}",
        f"{option.label}: a doctor reviews this before any procedure.",
    )


REASONS: dict[str, ReasonDefinition] = _reasons(
    *(
        _medical_reason(option)
        for option in MEDICAL_CONDITIONS.options
        if option.code != MEDICAL_CONDITIONS.exclusive_code
    ),
    ReasonDefinition(
        "stage_early",
        "hair_loss_pattern",
        Effect.FOR,
        "Early-stage pattern: the group that responded best in trials.",
        "Early thinning or recession is where regenerative treatments have most often helped.",
    ),
    ReasonDefinition(
        "stage_moderate",
        "hair_loss_pattern",
        Effect.FOR,
        "Moderate-stage pattern: within the range enrolled in trials.",
        "Moderate hair loss is within the range that studies have included.",
    ),
    ReasonDefinition(
        "stage_advanced",
        "hair_loss_pattern",
        Effect.AGAINST,
        "Advanced pattern: regenerative therapy alone is unlikely to help; "
        "transplant consultation is the better next step.",
        "With advanced hair loss, a transplant consultation is usually the better next step.",
    ),
    ReasonDefinition(
        "stage_minimal",
        "hair_loss_pattern",
        Effect.FLAG,
        "Little or no loss reported: check what the patient is worried about.",
        "With little or no visible loss, a clinician first checks what is happening.",
    ),
    ReasonDefinition(
        "stage_unknown",
        "hair_loss_pattern",
        Effect.FLAG,
        "Pattern not known: needs photos or an examination.",
        "If you are not sure of your pattern, a clinician looks at it with you.",
    ),
    ReasonDefinition(
        "fine_hairs_present",
        "fine_hairs_in_thinning_areas",
        Effect.FOR,
        "Fine hairs reported in thinning areas: follicles likely viable.",
        "Fine, short hairs in thinning areas suggest the hair roots are still alive.",
    ),
    ReasonDefinition(
        "fine_hairs_some",
        "fine_hairs_in_thinning_areas",
        Effect.FOR,
        "A few fine hairs reported in thinning areas: some follicles likely viable.",
        "Even a few fine hairs suggest some hair roots are still alive.",
    ),
    ReasonDefinition(
        "fine_hairs_absent",
        "fine_hairs_in_thinning_areas",
        Effect.AGAINST,
        "No fine hairs in thinning areas: follicles may no longer be viable.",
        "Where no fine hairs remain, the roots may have stopped working.",
    ),
    ReasonDefinition(
        "fine_hairs_unknown",
        "fine_hairs_in_thinning_areas",
        Effect.FLAG,
        "Patient not sure about fine hairs: check follicles at examination.",
        "If you cannot tell, a clinician checks the hair roots at an examination.",
    ),
    ReasonDefinition(
        "smooth_areas_none",
        "smooth_bald_areas",
        Effect.FOR,
        "No completely smooth areas.",
        "No completely smooth areas means there is more for treatment to work with.",
    ),
    ReasonDefinition(
        "smooth_areas_small",
        "smooth_bald_areas",
        Effect.FLAG,
        "Small completely smooth areas: limited benefit expected there.",
        "Small smooth patches are looked at more closely.",
    ),
    ReasonDefinition(
        "smooth_areas_large",
        "smooth_bald_areas",
        Effect.AGAINST,
        "Large completely smooth areas: regenerative therapy is not a replacement for "
        "transplantation there.",
        "Large smooth areas usually need a transplant rather than regenerative treatment.",
    ),
    ReasonDefinition(
        "smooth_areas_long_standing",
        "smooth_bald_years",
        Effect.AGAINST,
        "Smooth areas for more than 5 years: follicles there are unlikely to respond.",
        "Areas that have been smooth for many years are unlikely to respond.",
    ),
    ReasonDefinition(
        "progression_steady",
        "loss_progression",
        Effect.FOR,
        "Stable or slowly progressing loss.",
        "Hair loss that is stable or changing slowly is easier to plan for.",
    ),
    ReasonDefinition(
        "progression_rapid",
        "loss_progression",
        Effect.FLAG,
        "Rapid progression: rule out other causes (e.g. shedding after illness or stress).",
        "Fast-changing hair loss can have other causes that a clinician rules out first.",
    ),
    ReasonDefinition(
        "progression_unknown",
        "loss_progression",
        Effect.FLAG,
        "Patient not sure how the loss is changing.",
        "If you are not sure how your hair is changing, photos over time help.",
    ),
    ReasonDefinition(
        "recent_onset",
        "loss_duration",
        Effect.FLAG,
        "Noticed less than a year ago: confirm the loss is androgenetic.",
        "Recent hair loss is checked for other causes first.",
    ),
    ReasonDefinition(
        "age_outside_studied_range",
        "age",
        Effect.FLAG,
        f"Age outside the range enrolled in the main trials "
        f"({STUDIED_AGE_RANGE[0]}–{STUDIED_AGE_RANGE[1]}).",
        "Studies mostly included adults aged about 21 to 70.",
    ),
    ReasonDefinition(
        "wants_bald_areas_covered",
        "goal",
        Effect.FLAG,
        "Goal is to cover bald areas: regenerative therapy rarely regrows hair there; "
        "discuss transplant options.",
        "If your goal is hair in bald areas, a clinician will talk about transplant options.",
    ),
    ReasonDefinition(
        "previous_regenerative_therapy",
        "previous_treatments",
        Effect.FLAG,
        "Has had regenerative cell therapy before: ask about the method and the response.",
        "If you have had a similar treatment, a clinician asks how it went.",
    ),
)


def stage_for(pattern_code: str) -> Stage:
    stage = HAIR_LOSS_PATTERN.option(pattern_code).stage
    if stage is None:  # pragma: no cover - every pattern option has a stage
        raise ValueError(f"hair_loss_pattern: no stage for {pattern_code!r}")
    return stage


def answer_label(key: str, value, *, audience: str = "staff") -> str:
    """An answer in plain words, for the staff view, exports and the check-your-answers page."""
    question = QUESTIONS[key]
    if value in (None, "", [], ()):
        return "Not asked" if key in CONDITIONAL_KEYS else "No answer"
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
