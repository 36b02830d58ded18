"""Contract v2 as a patient walks it over HTTP: the result page's wording by outcome and
referral kind, and a questionnaire that was in progress when v2 went live."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from screening.flow import SESSION_KEY
from screening.models import Submission
from screening.rules import v2
from screening.rules.base import Outcome, Referral
from tests.support.screening import CONSENTS, LIKELY_ANSWERS, V1, as_post, step_url

RESULT = reverse("screening:result")
CHECK = reverse("screening:check")
SUBMIT = reverse("screening:submit")


def text_of(response) -> str:
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


def answers(**changes):
    return {**LIKELY_ANSWERS, **changes}


def test_no_warning_signs_norwood_3_one_to_five_years_slow_is_likely(
    patient, complete_questionnaire
):
    response = complete_questionnaire(
        patient,
        answers(
            warning_signs=["none"],
            hair_loss_pattern="norwood_3",
            loss_duration="1_5y",
            loss_progression="slow",
        ),
    )
    assert response.redirect_chain == [(RESULT, 302)]
    submission = Submission.objects.get()
    assert (submission.outcome, submission.referral) == ("likely", "")
    assert submission.criteria_version == v2.VERSION
    text = text_of(response)
    assert v2.OUTCOMES[Outcome.LIKELY].patient_heading in text
    assert "Alopecia UK" not in text
    assert "/articles/treatments-with-stronger-evidence/" in response.content.decode()


def test_round_patches_refer_for_a_diagnosis_with_the_gp_wording(patient, complete_questionnaire):
    response = complete_questionnaire(patient, answers(warning_signs=["round_patches"]))
    submission = Submission.objects.get()
    assert (submission.outcome, submission.referral) == ("refer", "diagnosis")
    text = text_of(response)
    assert "see your GP or a dermatologist (a skin and hair doctor) first" in text
    assert "find out what is causing your hair loss" in text
    # The benefit message is not hidden by the referral.
    assert v2.BENEFIT_MESSAGES[Outcome.LIKELY] in text
    assert "Why we say this" in text
    reason = v2.RULE_SET.reasons["warning_round_patches"]
    assert reason.patient_text in text and reason.what_would_change in text
    assert "alopecia areata" not in text.lower()  # never a diagnosis
    assert str(submission.score) not in text.split("reference")[0]


def test_blood_thinners_refer_for_safety_with_the_calm_wording(patient, complete_questionnaire):
    response = complete_questionnaire(patient, answers(medical_conditions=["blood_thinners"]))
    submission = Submission.objects.get()
    assert (submission.outcome, submission.referral) == ("refer", "safety")
    text = text_of(response)
    assert v2.REFERRAL_TEXTS[Referral.SAFETY].patient_summary in text
    assert "dermatologist" not in text
    assert "It is not a no" in text


def test_a_refer_result_shows_a_transplant_may_suit_better(patient, complete_questionnaire):
    response = complete_questionnaire(
        patient, answers(medical_conditions=["keloid_scarring"], hair_loss_pattern="norwood_6")
    )
    assert Submission.objects.get().outcome == "refer"
    assert v2.BENEFIT_MESSAGES[Outcome.UNLIKELY] in text_of(response)


def test_wellbeing_a_lot_points_to_the_gp_and_alopecia_uk(patient, complete_questionnaire):
    response = complete_questionnaire(patient, answers(wellbeing_impact="a_lot"))
    page = BeautifulSoup(response.content, "html.parser")
    support = page.select_one(".screening-support")
    assert support is not None
    assert "Alopecia UK" in support.get_text() and "GP" in support.get_text()
    link = support.find("a")
    assert link["href"] == "https://www.alopecia.org.uk/"
    # A plain link: nothing is loaded from the charity's site.
    assert not page.select('img[src^="http"], script[src^="http"], link[href^="http"]')


@pytest.mark.parametrize(
    ("changes", "heading"),
    [
        ({"loss_duration": "lt_1y"}, v2.OUTCOMES[Outcome.POSSIBLE].patient_heading),
        ({"pattern_scale": "women", "hair_loss_pattern": "diffuse"}, None),
    ],
)
def test_recent_or_diffuse_loss_is_possible_with_what_would_change_it(
    patient, complete_questionnaire, changes, heading
):
    response = complete_questionnaire(patient, answers(**changes))
    assert Submission.objects.get().outcome == "possible"
    text = text_of(response)
    assert v2.OUTCOMES[Outcome.POSSIBLE].patient_heading in text
    assert "What would change this" in text


def test_a_v1_questionnaire_in_progress_asks_the_new_questions_and_keeps_its_answers(patient):
    patient.post(step_url("consent"), CONSENTS)
    session = patient.session
    v1_answers = {k: v for k, v in LIKELY_ANSWERS.items() if k in v1_keys()}
    state = session[SESSION_KEY]
    state["answers"] = dict(v1_answers)
    state["contact"] = {
        "name": "Ann",
        "email": "ann@example.org",
        "phone": "",
        "preferred_contact": "email",
    }
    session[SESSION_KEY] = state
    session.save()

    # The check page and the submit both send the patient to the first new question.
    assert patient.get(CHECK)["Location"] == step_url("warning-signs")
    assert patient.post(SUBMIT)["Location"] == step_url("warning-signs")
    assert Submission.objects.count() == 0
    response = patient.post(step_url("warning-signs"), {"warning_signs": ["none"]})
    assert response["Location"] == step_url("about-you")  # the next step, answers kept
    about = BeautifulSoup(patient.get(step_url("about-you")).content, "html.parser")
    assert about.select_one("#id_age")["value"] == str(LIKELY_ANSWERS["age"])
    # The first gap is the scale, offered from the stored pattern.
    assert patient.get(CHECK)["Location"] == step_url("pattern-scale")
    page = BeautifulSoup(patient.get(step_url("pattern-scale")).content, "html.parser")
    assert page.select_one('input[name="pattern_scale"][checked]')["value"] == "men"
    patient.post(step_url("pattern-scale"), {"pattern_scale": "men"})
    assert patient.get(CHECK)["Location"] == step_url("other-health")
    patient.post(
        step_url("other-health"),
        as_post({"other_health_factors": ["none"], "recent_treatment_change": "no"}),
    )
    assert patient.get(CHECK)["Location"] == step_url("how-you-feel")
    patient.post(step_url("how-you-feel"), {"wellbeing_impact": "little"})
    assert patient.get(CHECK).status_code == 200
    kept = patient.session[SESSION_KEY]["answers"]
    assert all(kept[key] == value for key, value in v1_answers.items())
    assert patient.post(SUBMIT)["Location"] == RESULT
    submission = Submission.objects.get()
    assert (submission.outcome, submission.criteria_version) == ("likely", v2.VERSION)


def v1_keys():
    from screening.rules import RULE_SETS

    return set(RULE_SETS[V1].questions)
