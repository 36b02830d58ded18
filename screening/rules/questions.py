"""The questions of the v1 questionnaire (criteria version 2026.11-1), with their options.

The answer keys and codes are the contract in ``../shared/brief/screening-questionnaire.md``;
patient and staff wording is ours. Later versions reuse these and change what they must
(see ``v2.py``); a question object is never edited in place, so v1 stays replayable.
"""

from __future__ import annotations

from screening.rules.base import Kind, Option, Question, QuestionGroup, Stage

MIN_AGE = 18
MAX_AGE = 100

AGE = Question(
    key="age",
    kind=Kind.INTEGER,
    label="How old are you?",
    staff_label="Age",
    hint="In years. The online pre-screening is for adults aged 18 or over.",
    min_value=MIN_AGE,
    max_value=MAX_AGE,
)

HAIR_LOSS_PATTERN = Question(
    key="hair_loss_pattern",
    kind=Kind.SINGLE,
    label="Which picture looks most like your hair loss?",
    staff_label="Hair-loss pattern",
    hint=(
        "The first eight pictures show patterns that are common in men, the next three "
        "patterns common in women. Choose the closest one — it does not need to be exact."
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
    hint=("Tick all that apply. A doctor should check these before any procedure."),
    exclusive_code="none",
    options=(
        Option(
            "bleeding_disorder",
            "A bleeding or clotting disorder",
            "Such as haemophilia or low platelets.",
            "Bleeding or platelet disorder",
        ),
        Option(
            "blood_thinners",
            "I take blood-thinning medicine",
            "Such as warfarin, apixaban or daily aspirin.",
            "Anticoagulant or antiplatelet medicine",
        ),
        Option(
            "scalp_infection_or_inflammation",
            "A scalp infection, rash or flare-up",
            "Such as folliculitis or psoriasis.",
            "Active scalp infection or inflammation",
        ),
        Option(
            "pregnant_or_breastfeeding",
            "I am pregnant or breastfeeding",
            staff_label="Pregnant or breastfeeding",
        ),
        Option(
            "active_cancer_treatment",
            "Cancer, or cancer treatment now",
            "",
            "Active cancer or cancer treatment",
        ),
        Option(
            "immunosuppressed",
            "A weakened immune system",
            "From an illness, or medicines like steroids.",
            "Immunosuppressed (illness or medication)",
        ),
        Option(
            "anaesthetic_allergy",
            "An allergy to local anaesthetic",
            "Like the numbing jab at the dentist.",
            "Allergy to local anaesthetic",
        ),
        Option(
            "keloid_scarring",
            "Raised or thick scars",
            "Scars that grow bigger than the wound.",
            "Keloid or hypertrophic scarring",
        ),
        Option(
            "uncontrolled_diabetes",
            "Diabetes that is not under control",
            staff_label="Poorly controlled diabetes",
        ),
        Option(
            "alopecia_areata_or_scarring_alopecia",
            "Alopecia areata or scarring alopecia",
            "Found by a doctor.",
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
    hint="Tick all you have ever used.",
    exclusive_code="none",
    options=(
        Option(
            "minoxidil",
            "Minoxidil",
            "A scalp lotion or foam, or tablets.",
            "Minoxidil",
        ),
        Option(
            "finasteride_or_dutasteride",
            "Finasteride or dutasteride",
            "Tablets that lower a hormone linked to hair loss.",
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
            "Using your own fat or scalp tissue.",
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
