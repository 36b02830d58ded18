"""assess(): every rule, the precedence, the contract's validation, and its properties."""

import ast
from functools import partial
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from screening.rules import v1 as criteria
from screening.rules.base import Effect, Outcome, Stage
from screening.rules.questions import HAIR_LOSS_PATTERN, MEDICAL_CONDITIONS, QUESTIONS
from screening.rules.v1 import SCORE_BANDS
from screening.scoring import assess as assess_any
from tests.support import screening as support

# These tests pin the v1 rules (criteria version 2026.11-1), which must stay replayable
# unchanged; the v2 rules have their own tests in test_scoring_v2.py.
V1 = "2026.11-1"
REASONS = criteria.RULE_SET.reasons
assess = partial(assess_any, version=V1)
valid_answers = partial(support.valid_answers, version=V1)
codes = partial(support.codes, version=V1)

LIKELY_PROFILE = {
    "age": 38,
    "hair_loss_pattern": "norwood_3",
    "loss_duration": "1_5y",
    "loss_progression": "slow",
    "fine_hairs_in_thinning_areas": "yes",
    "smooth_bald_areas": "none",
    "medical_conditions": ["none"],
    "previous_treatments": ["minoxidil"],
    "goal": "thicker_thinning_hair",
    "open_to_transplant": "not_sure",
}

CONDITIONS = [c for c in MEDICAL_CONDITIONS.codes if c != "none"]
PATTERNS_BY_STAGE = {
    stage: [o.code for o in HAIR_LOSS_PATTERN.options if o.stage is stage] for stage in Stage
}
# Only the graded stages are ordered; "minimal" and "unknown" stand outside the scale.
STAGE_ORDER = [Stage.EARLY, Stage.MODERATE, Stage.ADVANCED]
OUTCOME_RANK = {Outcome.UNLIKELY: 0, Outcome.POSSIBLE: 1, Outcome.LIKELY: 2}


def profile(**changes):
    return {**LIKELY_PROFILE, **changes}


no_conditions = st.just(["none"])


def with_smooth(answers, level, years="lt_2"):
    changed = {**answers, "smooth_bald_areas": level}
    if level == "none":
        changed.pop("smooth_bald_years", None)
    else:
        changed["smooth_bald_years"] = answers.get("smooth_bald_years") or years
    return changed


# --- the rules, one by one ----------------------------------------------------------------


def test_the_likely_profile_is_likely():
    result = assess(LIKELY_PROFILE)
    assert result.outcome is Outcome.LIKELY
    assert result.criteria_version == V1
    assert {"stage_early", "fine_hairs_present", "smooth_areas_none", "progression_steady"} <= set(
        result.reason_codes()
    )


@pytest.mark.parametrize("condition", CONDITIONS)
def test_any_medical_condition_means_refer(condition):
    result = assess(profile(medical_conditions=[condition]))
    assert result.outcome is Outcome.REFER
    reason = next(r for r in result.reasons if r.code == f"medical_{condition}")
    assert reason.criterion == "medical_conditions"
    assert reason.effect is Effect.FLAG


def test_refer_wins_over_unlikely():
    answers = profile(hair_loss_pattern="norwood_7", medical_conditions=["blood_thinners"])
    assert assess(answers).outcome is Outcome.REFER


def test_scarring_alopecia_asks_for_a_specialist():
    result = assess(profile(medical_conditions=["alopecia_areata_or_scarring_alopecia"]))
    text = next(r.text for r in result.reasons if r.code.startswith("medical_alopecia"))
    assert "specialist" in text


@pytest.mark.parametrize("pattern", PATTERNS_BY_STAGE[Stage.ADVANCED])
def test_advanced_stage_is_unlikely(pattern):
    result = assess(profile(hair_loss_pattern=pattern))
    assert result.outcome is Outcome.UNLIKELY
    assert "stage_advanced" in result.reason_codes()


def test_large_smooth_areas_are_unlikely():
    result = assess(profile(smooth_bald_areas="large", smooth_bald_years="lt_2"))
    assert result.outcome is Outcome.UNLIKELY
    assert "smooth_areas_large" in result.reason_codes()


def test_no_fine_hairs_is_unlikely():
    result = assess(profile(fine_hairs_in_thinning_areas="no"))
    assert result.outcome is Outcome.UNLIKELY
    assert "fine_hairs_absent" in result.reason_codes()


@pytest.mark.parametrize(
    "pattern", PATTERNS_BY_STAGE[Stage.EARLY] + PATTERNS_BY_STAGE[Stage.MODERATE]
)
@pytest.mark.parametrize("fine_hairs", ["yes", "some"])
@pytest.mark.parametrize("progression", ["stable", "slow"])
def test_early_or_moderate_with_viable_follicles_is_likely(pattern, fine_hairs, progression):
    answers = profile(
        hair_loss_pattern=pattern,
        fine_hairs_in_thinning_areas=fine_hairs,
        loss_progression=progression,
    )
    assert assess(answers).outcome is Outcome.LIKELY


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"hair_loss_pattern": "norwood_1"}, "stage_minimal"),
        ({"hair_loss_pattern": "not_sure"}, "stage_unknown"),
        ({"fine_hairs_in_thinning_areas": "not_sure"}, "fine_hairs_unknown"),
        ({"smooth_bald_areas": "small", "smooth_bald_years": "2_5"}, "smooth_areas_small"),
        ({"loss_progression": "rapid"}, "progression_rapid"),
        ({"loss_progression": "not_sure"}, "progression_unknown"),
    ],
)
def test_everything_else_is_possible(changes, reason):
    result = assess(profile(**changes))
    assert result.outcome is Outcome.POSSIBLE
    assert reason in result.reason_codes()


def test_informational_flags_do_not_change_the_outcome():
    answers = profile(
        age=75,
        loss_duration="lt_1y",
        goal="cover_bald_areas",
        previous_treatments=["regenerative_cell_therapy", "prp"],
    )
    result = assess(answers)
    assert result.outcome is Outcome.LIKELY
    assert {
        "age_outside_studied_range",
        "recent_onset",
        "wants_bald_areas_covered",
        "previous_regenerative_therapy",
    } <= set(result.reason_codes())


def test_long_standing_smooth_areas_lower_the_score_not_the_outcome():
    recent = assess(profile(smooth_bald_areas="small", smooth_bald_years="lt_2"))
    old = assess(profile(smooth_bald_areas="small", smooth_bald_years="gt_5"))
    assert recent.outcome is old.outcome is Outcome.POSSIBLE
    assert old.score < recent.score
    assert "smooth_areas_long_standing" in old.reason_codes()


def test_every_reason_code_used_is_defined_in_the_criteria_table():
    result = assess(profile(medical_conditions=CONDITIONS))
    for reason in result.reasons:
        assert REASONS[reason.code].criterion == reason.criterion


def test_contact_details_and_unknown_keys_are_ignored():
    plain = assess(LIKELY_PROFILE)
    extra = assess(profile(name="Ann", email="ann@example.com", consent_marketing=True, x=1))
    assert plain == extra


def test_assessment_serialises_to_json_ready_data():
    data = assess(profile(medical_conditions=["keloid_scarring"])).as_dict()
    assert data["outcome"] == "refer"
    assert data["criteria_version"] == V1
    assert data["reasons"][0] == {
        "code": "medical_keloid_scarring",
        "criterion": "medical_conditions",
        "effect": "flag",
        "text": REASONS["medical_keloid_scarring"].staff_text,
    }


# --- contract-breaking input -------------------------------------------------------------


@pytest.mark.parametrize("key", criteria.RULE_SET.required_keys)
def test_a_missing_required_answer_names_the_key(key):
    answers = profile()
    del answers[key]
    with pytest.raises(ValueError, match=key):
        assess(answers)


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("hair_loss_pattern", "norwood_8"),
        ("loss_duration", "forever"),
        ("loss_progression", 3),
        ("fine_hairs_in_thinning_areas", "YES"),
        ("smooth_bald_areas", ["none"]),
        ("goal", None),
        ("open_to_transplant", ""),
        ("medical_conditions", ["flu"]),
        ("medical_conditions", "none"),
        ("previous_treatments", ["minoxidil", "magic"]),
        ("previous_treatments", []),
        ("age", "forty"),
        ("age", 17),
        ("age", 101),
        ("age", True),
        ("age", 40.5),
    ],
)
def test_a_bad_value_names_the_key(key, value):
    with pytest.raises(ValueError, match=key):
        assess(profile(**{key: value}))


@pytest.mark.parametrize("key", ["medical_conditions", "previous_treatments"])
def test_none_beside_another_code_is_refused(key):
    other = next(c for c in QUESTIONS[key].codes if c != "none")
    with pytest.raises(ValueError, match=key):
        assess(profile(**{key: ["none", other]}))


@pytest.mark.parametrize("level", ["small", "large"])
def test_smooth_bald_years_is_required_with_smooth_areas(level):
    with pytest.raises(ValueError, match="smooth_bald_years"):
        assess(profile(smooth_bald_areas=level))


def test_smooth_bald_years_with_an_unknown_code_is_refused():
    with pytest.raises(ValueError, match="smooth_bald_years"):
        assess(profile(smooth_bald_areas="small", smooth_bald_years="ages"))


def test_smooth_bald_years_is_ignored_when_there_are_no_smooth_areas():
    assert assess(profile(smooth_bald_years="gt_5")) == assess(LIKELY_PROFILE)


def test_not_a_mapping_is_refused():
    with pytest.raises(ValueError, match="answers"):
        assess([("age", 40)])


# --- properties from the contract --------------------------------------------------------


@settings(max_examples=300)
@given(valid_answers(), st.lists(st.sampled_from(CONDITIONS), min_size=1, unique=True))
def test_adding_medical_conditions_always_yields_refer(answers, added):
    existing = [c for c in answers["medical_conditions"] if c != "none"]
    answers["medical_conditions"] = list(dict.fromkeys(existing + added))
    assert assess(answers).outcome is Outcome.REFER


@settings(max_examples=300)
@given(valid_answers(medical=no_conditions), st.data())
def test_a_more_advanced_stage_never_gives_a_better_outcome(answers, data):
    lower, higher = sorted(
        data.draw(st.lists(st.sampled_from(STAGE_ORDER), min_size=2, max_size=2)),
        key=STAGE_ORDER.index,
    )
    less = assess(
        {**answers, "hair_loss_pattern": data.draw(st.sampled_from(PATTERNS_BY_STAGE[lower]))}
    )
    more = assess(
        {**answers, "hair_loss_pattern": data.draw(st.sampled_from(PATTERNS_BY_STAGE[higher]))}
    )
    assert OUTCOME_RANK[more.outcome] <= OUTCOME_RANK[less.outcome]


@settings(max_examples=300)
@given(valid_answers())
def test_fine_hairs_yes_is_never_worse_than_no(answers):
    yes = assess({**answers, "fine_hairs_in_thinning_areas": "yes"})
    no = assess({**answers, "fine_hairs_in_thinning_areas": "no"})
    if yes.outcome is Outcome.REFER:
        assert no.outcome is Outcome.REFER
    else:
        assert OUTCOME_RANK[yes.outcome] >= OUTCOME_RANK[no.outcome]


@settings(max_examples=300)
@given(valid_answers(medical=no_conditions), codes("smooth_bald_years"))
def test_fewer_smooth_areas_are_never_worse(answers, years):
    none, small, large = (
        assess(with_smooth(answers, level, years)) for level in ("none", "small", "large")
    )
    assert OUTCOME_RANK[none.outcome] >= OUTCOME_RANK[small.outcome] >= OUTCOME_RANK[large.outcome]


@settings(max_examples=200)
@given(st.lists(valid_answers(medical=no_conditions), min_size=2, max_size=6))
def test_scores_order_consistently_with_outcomes(many):
    results = [assess(a) for a in many]
    for a in results:
        low, high = SCORE_BANDS[a.outcome]
        assert low <= a.score <= high
        for b in results:
            if OUTCOME_RANK[a.outcome] > OUTCOME_RANK[b.outcome]:
                assert a.score > b.score


@settings(max_examples=200)
@given(valid_answers())
def test_every_score_is_between_0_and_100(answers):
    assert 0 <= assess(answers).score <= 100


@settings(max_examples=200)
@given(valid_answers())
def test_the_same_answers_always_give_the_same_assessment(answers):
    shuffled = dict(reversed(list(answers.items())))
    assert assess(answers) == assess(shuffled) == assess(dict(answers))


@settings(max_examples=200)
@given(valid_answers(medical=no_conditions))
def test_the_outcome_follows_the_precedence_table(answers):
    stage = criteria.RULE_SET.stage_for(answers["hair_loss_pattern"])
    if (
        stage is Stage.ADVANCED
        or answers["smooth_bald_areas"] == "large"
        or answers["fine_hairs_in_thinning_areas"] == "no"
    ):
        expected = Outcome.UNLIKELY
    elif (
        stage in (Stage.EARLY, Stage.MODERATE)
        and answers["fine_hairs_in_thinning_areas"] in ("yes", "some")
        and answers["smooth_bald_areas"] == "none"
        and answers["loss_progression"] in ("stable", "slow")
    ):
        expected = Outcome.LIKELY
    else:
        expected = Outcome.POSSIBLE
    assert assess(answers).outcome is expected


# --- the core stays plain Python --------------------------------------------------------


SCREENING = Path(criteria.__file__).parent.parent


@pytest.mark.parametrize(
    "module",
    [
        "scoring.py",
        "criteria.py",
        "explain.py",
        "rules/__init__.py",
        "rules/base.py",
        "rules/questions.py",
        "rules/v1.py",
        "rules/v2.py",
    ],
)
def test_the_scoring_core_imports_nothing_from_django(module):
    source = (SCREENING / module).read_text()
    imported = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            imported.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module)
    assert not any(name.split(".")[0] in {"django", "wagtail"} for name in imported), imported
