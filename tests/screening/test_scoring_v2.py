"""assess() under contract v2 (criteria 2026.12-1), and properties over every rule set."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from screening.demo import make_synthetic_submissions
from screening.rules import CRITERIA_VERSION, RULE_SETS, v2
from screening.rules.base import Outcome, Stage
from screening.scoring import assess
from tests.support.screening import LIKELY_ANSWERS, V1, valid_answers

V2 = v2.VERSION
RANK = {Outcome.UNLIKELY: 0, Outcome.POSSIBLE: 1, Outcome.LIKELY: 2}
WARNINGS = [c for c in v2.WARNING_SIGNS.codes if c != "none"]
CONDITIONS = [c for c in v2.MEDICAL_CONDITIONS.codes if c != "none"]
no_warnings = st.just(["none"])
no_conditions = st.just(["none"])
both_versions = pytest.mark.parametrize("version", [V1, V2])


def answers(**changes):
    return {**LIKELY_ANSWERS, **changes}


def test_v2_is_the_current_criteria_version():
    assert CRITERIA_VERSION == V2 != V1
    assert assess(LIKELY_ANSWERS).criteria_version == V2


def test_an_unknown_version_is_a_value_error():
    with pytest.raises(ValueError, match="version"):
        assess(LIKELY_ANSWERS, version="1999.01-1")


def test_the_patients_walk_profile_is_likely():
    result = assess(answers())
    assert (result.outcome, result.benefit_outcome, result.referral) == (
        Outcome.LIKELY,
        Outcome.LIKELY,
        (),
    )


@pytest.mark.parametrize("sign", WARNINGS)
def test_a_warning_sign_means_refer_for_a_diagnosis(sign):
    result = assess(answers(warning_signs=[sign]))
    assert result.outcome is Outcome.REFER
    assert result.referral == ("diagnosis",)
    assert result.benefit_outcome is Outcome.LIKELY
    assert all(r.patient_text for r in result.reasons if r.effect != "for")


def test_round_patches_refer_for_diagnosis_and_blood_thinners_for_safety():
    assert assess(answers(warning_signs=["round_patches"])).referral == ("diagnosis",)
    assert assess(answers(medical_conditions=["blood_thinners"])).referral == ("safety",)
    both = assess(
        answers(warning_signs=["recent_trigger"], medical_conditions=["recent_isotretinoin"])
    )
    assert both.referral == ("diagnosis", "safety")
    alopecia = assess(answers(medical_conditions=["alopecia_areata_or_scarring_alopecia"]))
    assert alopecia.referral == ("diagnosis",)


def test_recent_loss_is_never_likely_under_v2_but_was_under_v1():
    recent = answers(loss_duration="lt_1y")
    assert assess(recent).outcome is Outcome.POSSIBLE
    assert assess(recent, version=V1).outcome is Outcome.LIKELY


def test_diffuse_thinning_is_possible_with_its_own_stage():
    result = assess(answers(hair_loss_pattern="diffuse"))
    assert (result.outcome, result.stage) == (Outcome.POSSIBLE, Stage.DIFFUSE)
    with pytest.raises(ValueError, match="hair_loss_pattern"):
        assess(answers(hair_loss_pattern="diffuse"), version=V1)


def test_no_fine_hairs_is_unlikely_only_at_a_moderate_stage():
    assert assess(answers(fine_hairs_in_thinning_areas="no")).outcome is Outcome.POSSIBLE
    moderate = answers(fine_hairs_in_thinning_areas="no", hair_loss_pattern="norwood_4")
    assert assess(moderate).outcome is Outcome.UNLIKELY


@pytest.mark.parametrize(
    ("key", "value", "code"),
    [
        ("other_health_factors", ["low_iron_or_heavy_periods"], "health_low_iron_or_heavy_periods"),
        ("other_health_factors", ["smoking", "thyroid_condition"], "health_smoking"),
        ("recent_treatment_change", "yes", "treatment_change_yes"),
        ("wellbeing_impact", "a_lot", "wellbeing_a_lot"),
    ],
)
def test_the_new_questions_add_a_flag_but_never_change_the_outcome(key, value, code):
    plain, flagged = assess(answers()), assess(answers(**{key: value}))
    assert (flagged.outcome, flagged.score) == (plain.outcome, plain.score)
    assert code in flagged.reason_codes() and code not in plain.reason_codes()
    reason = next(r for r in flagged.reasons if r.code == code)
    assert reason.effect == "flag" and reason.text and reason.patient_text


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("warning_signs", None),
        ("warning_signs", ["none", "round_patches"]),
        ("warning_signs", ["hair_on_fire"]),
        ("other_health_factors", None),
        ("recent_treatment_change", "maybe"),
        ("wellbeing_impact", None),
        ("medical_conditions", ["none", "planning_pregnancy"]),
    ],
)
def test_v2_answers_break_the_contract_with_a_value_error_naming_the_key(key, value):
    with pytest.raises(ValueError, match=key):
        assess(answers(**{key: value}))


# --- properties, over both rule sets ------------------------------------------------------


@both_versions
@settings(max_examples=120)
@given(data=st.data())
def test_adding_a_medical_condition_always_gives_refer(version, data):
    given_answers = data.draw(valid_answers(version=version))
    codes = [c for c in RULE_SETS[version].questions["medical_conditions"].codes if c != "none"]
    given_answers["medical_conditions"] = data.draw(
        st.lists(st.sampled_from(codes), min_size=1, unique=True)
    )
    assert assess(given_answers, version=version).outcome is Outcome.REFER


@settings(max_examples=150)
@given(valid_answers(), st.lists(st.sampled_from(WARNINGS), min_size=1, unique=True))
def test_adding_a_warning_sign_always_gives_refer(given_answers, signs):
    given_answers["warning_signs"] = signs
    result = assess(given_answers)
    assert result.outcome is Outcome.REFER and "diagnosis" in result.referral


@settings(max_examples=150)
@given(valid_answers())
def test_less_than_a_year_is_never_better_than_one_to_five_years(given_answers):
    recent = assess({**given_answers, "loss_duration": "lt_1y"})
    longer = assess({**given_answers, "loss_duration": "1_5y"})
    assert RANK[recent.benefit_outcome] <= RANK[longer.benefit_outcome]
    if longer.outcome is Outcome.REFER:
        assert recent.outcome is Outcome.REFER


STAGE_ORDER = [Stage.EARLY, Stage.MODERATE, Stage.ADVANCED]


@both_versions
@settings(max_examples=150)
@given(data=st.data())
def test_a_more_advanced_stage_never_gives_a_better_outcome(version, data):
    rules = RULE_SETS[version]
    given_answers = data.draw(valid_answers(version=version))
    lower, higher = sorted(
        data.draw(st.lists(st.sampled_from(STAGE_ORDER), min_size=2, max_size=2)),
        key=STAGE_ORDER.index,
    )

    def at(stage):
        code = data.draw(st.sampled_from(sorted(rules.pattern_codes(stage))))
        return assess({**given_answers, "hair_loss_pattern": code}, version=version)

    assert RANK[at(higher).benefit_outcome] <= RANK[at(lower).benefit_outcome]


@both_versions
@settings(max_examples=150)
@given(data=st.data())
def test_fine_hairs_and_fewer_smooth_areas_are_never_worse(version, data):
    given_answers = data.draw(valid_answers(version=version))
    yes = assess({**given_answers, "fine_hairs_in_thinning_areas": "yes"}, version=version)
    no = assess({**given_answers, "fine_hairs_in_thinning_areas": "no"}, version=version)
    assert RANK[yes.benefit_outcome] >= RANK[no.benefit_outcome]
    ranks = []
    for level in ("none", "small", "large"):
        changed = {**given_answers, "smooth_bald_areas": level, "smooth_bald_years": "lt_2"}
        ranks.append(RANK[assess(changed, version=version).benefit_outcome])
    assert ranks == sorted(ranks, reverse=True)


@both_versions
@settings(max_examples=100)
@given(data=st.data())
def test_benefit_outcome_equals_outcome_unless_refer_and_the_score_keeps_its_band(version, data):
    results = [
        assess(a, version=version)
        for a in data.draw(st.lists(valid_answers(version=version), min_size=2, max_size=5))
    ]
    bands = RULE_SETS[version].score_bands
    for a in results:
        assert a.outcome in (Outcome.REFER, a.benefit_outcome)
        assert a.benefit_outcome is not Outcome.REFER
        assert (a.referral != ()) == (a.outcome is Outcome.REFER)
        assert set(a.referral) <= {"diagnosis", "safety"}
        low, high = bands[a.benefit_outcome]
        assert low <= a.score <= high
        for b in results:
            if RANK[a.benefit_outcome] > RANK[b.benefit_outcome]:
                assert a.score > b.score


@both_versions
@settings(max_examples=80)
@given(data=st.data())
def test_the_same_answers_always_give_the_same_assessment(version, data):
    given_answers = data.draw(valid_answers(version=version))
    shuffled = dict(reversed(list(given_answers.items())))
    assert assess(given_answers, version=version) == assess(shuffled, version=version)


# --- replaying stored submissions ---------------------------------------------------------


def test_replaying_every_v1_demo_submission_reproduces_its_stored_result(db):
    made = make_synthetic_submissions(300, seed=13)
    v1_made = [s for s in made if s.criteria_version == V1]
    assert len(v1_made) >= 50 and any(s.criteria_version == V2 for s in made)
    for submission in made:
        replayed = assess(submission.answers, version=submission.criteria_version)
        assert (replayed.outcome.value, replayed.score, replayed.stage.value) == (
            submission.outcome,
            submission.score,
            submission.stage,
        )
        assert [r.as_dict() for r in replayed.reasons] == submission.reasons
        assert " ".join(replayed.referral) == submission.referral
