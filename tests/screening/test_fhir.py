"""FHIR R4B (issue 18, item 5): the public Questionnaire, a submission's Bundle for staff
and the NDJSON export, each validated with ``fhir.resources.R4B``."""

import json

import pytest
from django.urls import reverse
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.questionnaire import Questionnaire
from wagtail.models import ModelLogEntry

from screening.criteria import CRITERIA_VERSION
from screening.demo import OUTCOME_PROFILES
from screening.rules import CURRENT, rule_set
from tests.support.staff import admin_url, client_for

QUESTIONNAIRE_URL = "/screening/questionnaire.json"
V1 = "2026.11-1"


def resources_of(bundle: dict) -> dict[str, dict]:
    return {entry["resource"]["resourceType"]: entry["resource"] for entry in bundle["entry"]}


def answers_from(response_resource: dict) -> dict:
    """The QuestionnaireResponse's answers back as the contract's values."""
    rules = rule_set(response_resource["questionnaire"].split("|")[1])
    answers = {}
    for item in response_resource["item"]:
        values = [
            answer["valueCoding"]["code"] if "valueCoding" in answer else answer["valueInteger"]
            for answer in item["answer"]
        ]
        question = rules.question(item["linkId"])
        answers[item["linkId"]] = values if question.kind == "multiple" else values[0]
    return answers


# --- the public Questionnaire ------------------------------------------------------------


def test_the_questionnaire_is_public_and_validates(db):
    response = client_for().get(QUESTIONNAIRE_URL)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/fhir+json")
    document = json.loads(response.content)
    Questionnaire.model_validate(document)  # raises on anything R4B does not allow
    assert document["resourceType"] == "Questionnaire"
    assert document["url"].endswith(QUESTIONNAIRE_URL)
    assert document["version"] == CRITERIA_VERSION
    assert document["status"] == "active"


def test_items_are_the_contract_keys_with_its_codes(db):
    document = json.loads(client_for().get(QUESTIONNAIRE_URL).content)
    items = {item["linkId"]: item for item in document["item"]}
    assert set(CURRENT.questions) <= set(items)
    assert set(items) <= set(CURRENT.questions) | set(CURRENT.form_questions)
    assert len(items) == len(document["item"])  # each key once
    for key, item in items.items():
        question = CURRENT.question(key)
        if question.kind == "integer":
            assert item["type"] == "integer"
            assert "answerOption" not in item
            continue
        assert item["type"] == "choice"
        assert item["repeats"] is (question.kind == "multiple")
        assert [o["valueCoding"]["code"] for o in item["answerOption"]] == list(question.codes)
    # The contract's conditional question: asked only after some smooth bald areas.
    years = items["smooth_bald_years"]
    assert years["required"] is False
    assert years["enableBehavior"] == "any"
    assert {
        (w["question"], w["operator"], w["answerCoding"]["code"]) for w in years["enableWhen"]
    } == {
        ("smooth_bald_areas", "=", "small"),
        ("smooth_bald_areas", "=", "large"),
    }
    assert items["age"]["required"] is True
    assert "enableWhen" not in items["age"]


def test_the_questionnaire_asks_in_the_questionnaires_order(db):
    document = json.loads(client_for().get(QUESTIONNAIRE_URL).content)
    order = [item["linkId"] for item in document["item"]]
    first_seen = list(dict.fromkeys(key for step in CURRENT.steps for key in step.keys))
    assert order[: len(first_seen)] == first_seen


# --- a submission's Bundle ------------------------------------------------------------------


@pytest.fixture
def v2_submission(make_submission):
    return make_submission(
        seed=7,
        name="Sam Fhir",
        email="sam.fhir@mail.example",
        phone="07700 900789",
        preferred_contact="phone",
    )


@pytest.fixture
def v1_submission(make_submission):
    return make_submission(
        answers={
            **OUTCOME_PROFILES["unlikely"],
            "medical_conditions": ["blood_thinners", "keloid_scarring"],
        },
        criteria_version=V1,
        phone="",
    )


def get_bundle(client, submission):
    response = client.get(admin_url("fhir", submission.pk))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/fhir+json")
    return json.loads(response.content)


def test_a_submission_bundle_validates_and_carries_the_stored_answers(
    reviewer_client, v2_submission
):
    assert admin_url("fhir", v2_submission.pk) == (
        f"/admin/screening/submissions/fhir/{v2_submission.pk}/"
    )
    bundle = get_bundle(reviewer_client, v2_submission)
    Bundle.model_validate(bundle)
    assert bundle["type"] == "collection"
    resources = resources_of(bundle)
    assert set(resources) == {"Patient", "QuestionnaireResponse", "RiskAssessment"}

    response = resources["QuestionnaireResponse"]
    canonical = json.loads(client_for().get(QUESTIONNAIRE_URL).content)["url"]
    assert response["questionnaire"] == f"{canonical}|{v2_submission.criteria_version}"
    stored = {k: v for k, v in v2_submission.answers.items() if v not in (None, "", [])}
    assert answers_from(response) == stored

    patient = resources["Patient"]
    assert patient["name"] == [{"text": "Sam Fhir"}]
    telecom = {t["system"]: t for t in patient["telecom"]}
    assert telecom["email"]["value"] == "sam.fhir@mail.example"
    assert telecom["phone"]["value"] == "07700 900789" and telecom["phone"]["rank"] == 1

    risk = resources["RiskAssessment"]
    assert risk["prediction"][0]["qualitativeRisk"]["coding"][0]["code"] == v2_submission.outcome
    assert [e["valueInteger"] for e in risk["prediction"][0]["extension"]] == [v2_submission.score]
    assert risk["method"]["coding"][0]["code"] == v2_submission.criteria_version
    notes = " ".join(note["text"] for note in risk.get("note", []))
    for reason in v2_submission.reasons:
        assert reason["text"] in notes
    # References point at entries of the same Bundle.
    full_urls = {entry["fullUrl"] for entry in bundle["entry"]}
    assert response["subject"]["reference"] in full_urls
    assert risk["subject"]["reference"] in full_urls
    assert risk["basis"][0]["reference"] in full_urls


def test_a_v1_submission_refers_to_its_own_version(reviewer_client, v1_submission):
    bundle = get_bundle(reviewer_client, v1_submission)
    Bundle.model_validate(bundle)
    resources = resources_of(bundle)
    response = resources["QuestionnaireResponse"]
    assert response["questionnaire"].endswith(f"|{V1}")
    assert answers_from(response) == {
        k: v for k, v in v1_submission.answers.items() if v not in (None, "", [])
    }
    assert "warning_signs" not in {item["linkId"] for item in response["item"]}
    assert {t["system"] for t in resources["Patient"]["telecom"]} == {"email"}
    risk = resources["RiskAssessment"]
    assert risk["prediction"][0]["qualitativeRisk"]["coding"][0]["code"] == "refer"
    assert "rationale" in risk["prediction"][0]  # the referral kind, in words


def test_each_bundle_is_audited_as_an_export(reviewer_client, reviewer, v2_submission):
    get_bundle(reviewer_client, v2_submission)
    entry = ModelLogEntry.objects.get(action="screening.exported", object_id=str(v2_submission.pk))
    assert entry.user_id == reviewer.pk
    assert entry.data == {"format": "fhir", "rows": 1}


@pytest.mark.parametrize("role", ["editor", "moderator"])
def test_staff_without_view_permission_get_403(users, v2_submission, role):
    response = client_for(users[role]).get(admin_url("fhir", v2_submission.pk))
    assert response.status_code == 403
    assert b"Sam Fhir" not in response.content
    assert not ModelLogEntry.objects.filter(action="screening.exported").exists()


def test_anonymous_visitors_are_sent_to_the_login(v2_submission):
    response = client_for().get(admin_url("fhir", v2_submission.pk))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_the_inspect_page_links_to_the_bundle(reviewer_client, v2_submission):
    html = reviewer_client.get(admin_url("inspect", v2_submission.pk)).content.decode()
    assert admin_url("fhir", v2_submission.pk) in html


# --- NDJSON of the filtered list --------------------------------------------------------


def test_ndjson_streams_one_valid_bundle_per_filtered_submission(
    reviewer_client, reviewer, make_submission
):
    refer = [make_submission(answers=OUTCOME_PROFILES["refer"]) for _ in range(3)]
    make_submission(answers=OUTCOME_PROFILES["likely"])
    response = reviewer_client.get(admin_url("index") + "?export=ndjson&outcome=refer")
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"].startswith("application/fhir+ndjson")
    assert ".ndjson" in response["Content-Disposition"]
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert len(lines) == 3
    references = set()
    for line in lines:
        bundle = json.loads(line)
        Bundle.model_validate(bundle)
        references.add(bundle["identifier"]["value"])
    assert references == {s.reference for s in refer}
    entry = ModelLogEntry.objects.get(action="screening.exported")
    assert entry.user_id == reviewer.pk
    assert entry.data["format"] == "ndjson" and entry.data["rows"] == 3
    assert "outcome" in entry.data["filters"]


def test_ndjson_needs_the_export_permission(users, make_submission):
    make_submission()
    response = client_for(users["editor"]).get(admin_url("index") + "?export=ndjson")
    assert response.status_code == 403


def test_the_list_offers_the_ndjson_download(reviewer_client, make_submission):
    make_submission()
    html = reviewer_client.get(admin_url("index")).content.decode()
    assert "export=ndjson" in html
    assert reverse("screening_submissions:index") in html
