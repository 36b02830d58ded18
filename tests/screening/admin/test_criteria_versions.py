"""Staff and criteria v2: filters by criteria version and referral kind, and "what the
current rules would say" beside a stored result, without storing anything."""

import re

from wagtail.models import ModelLogEntry

from screening.demo import OUTCOME_PROFILES
from screening.models import Reassessment, Submission
from screening.rules import v2
from tests.support.screening import LIKELY_ANSWERS
from tests.support.staff import admin_url

V2_LIKELY = {k: v for k, v in LIKELY_ANSWERS.items() if k != "pattern_scale"}


def listed(client, query="") -> set[str]:
    response = client.get(admin_url("index") + query)
    assert response.status_code == 200
    return set(re.findall(r"HS-[0-9A-Z]{4}-[0-9A-Z]{4}", response.content.decode()))


def test_the_list_filters_by_criteria_version_and_referral_kind(reviewer_client, make_submission):
    old = make_submission(answers=OUTCOME_PROFILES["likely"])  # v1 answers, v1 result
    new = make_submission(answers=V2_LIKELY)
    diagnosis = make_submission(answers={**V2_LIKELY, "warning_signs": ["round_patches"]})
    safety = make_submission(answers={**V2_LIKELY, "medical_conditions": ["blood_thinners"]})
    both = make_submission(
        answers={
            **V2_LIKELY,
            "warning_signs": ["scalp_symptoms"],
            "medical_conditions": ["keloid_scarring"],
        }
    )
    assert (old.criteria_version, new.criteria_version) == ("2026.11-1", v2.VERSION)
    assert (diagnosis.referral, safety.referral, both.referral) == (
        "diagnosis",
        "safety",
        "diagnosis safety",
    )
    assert listed(reviewer_client, "?criteria_version=2026.11-1") == {old.reference}
    assert listed(reviewer_client, f"?criteria_version={v2.VERSION}") == {
        s.reference for s in (new, diagnosis, safety, both)
    }
    assert listed(reviewer_client, "?referral=diagnosis") == {diagnosis.reference, both.reference}
    assert listed(reviewer_client, "?referral=safety") == {safety.reference, both.reference}
    assert reviewer_client.get(admin_url("index") + "?referral=nonsense").status_code == 200


def test_a_v1_submission_shows_what_the_current_rules_need_and_stores_nothing(
    reviewer_client, make_submission
):
    old = make_submission(answers=OUTCOME_PROFILES["likely"])
    html = reviewer_client.get(admin_url("inspect", old.pk)).content.decode()
    assert "What the current rules would say" in html
    assert v2.WARNING_SIGNS.staff_label in html
    refused = reviewer_client.post(admin_url("reassess", old.pk), follow=True)
    assert "need answers this patient was not asked" in refused.content.decode()
    old.refresh_from_db()
    assert (old.criteria_version, old.outcome) == ("2026.11-1", "likely")
    assert not Reassessment.objects.exists()


def test_an_older_result_is_shown_beside_the_current_rules_and_reassessed_on_request(
    reviewer_client, make_submission
):
    # v2 answers stored with an older result: the current rules now say "refer".
    answers = {**V2_LIKELY, "warning_signs": ["round_patches"]}
    old = make_submission(answers=answers, criteria_version="2026.11-1", outcome="likely")
    old.referral = ""
    old.save()
    html = reviewer_client.get(admin_url("inspect", old.pk)).content.decode()
    current = html.split("What the current rules would say", 1)[1]
    assert "Refer" in current and "differs from the stored result" in current
    assert "Diagnosis first (GP or dermatologist)" in current
    assert Reassessment.objects.count() == 0  # looking stores nothing
    assert not ModelLogEntry.objects.filter(action="screening.reassess").exists()

    reviewer_client.post(admin_url("reassess", old.pk))
    reassessment = Reassessment.objects.get(submission=old)
    assert (reassessment.outcome, reassessment.criteria_version) == ("refer", v2.VERSION)
    entry = ModelLogEntry.objects.get(action="screening.reassess")
    assert entry.data["to_version"] == v2.VERSION
    assert Submission.objects.get(pk=old.pk).outcome == "likely"
