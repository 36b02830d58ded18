"""The questionnaire through HTTP, as a patient's browser with JavaScript off uses it."""

import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders
from django.test import Client
from django.urls import reverse

from screening.criteria import HAIR_LOSS_PATTERN, OUTCOMES, QUESTIONS, Outcome
from screening.flow import RESULT_SESSION_KEY, SESSION_KEY, STEPS, STEPS_BY_SLUG, step_for_key
from screening.models import Submission
from screening.rules.v2 import MEN_PATTERNS, WOMEN_PATTERNS
from tests.support.screening import (
    CONSENTS,
    CONTACT,
    LIKELY_ANSWERS,
    PROFILES,
    as_post,
    post_steps,
    step_data,
    step_url,
)

START = reverse("screening:start")
CHECK = reverse("screening:check")
PHOTOS = reverse("screening:photos")
SUBMIT = reverse("screening:submit")
RESULT = reverse("screening:result")


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def answer_steps(client, upto):
    """Post the likely profile for every step before ``upto``."""
    for slug, data in step_data(LIKELY_ANSWERS):
        if slug == upto:
            return
        assert client.post(step_url(slug), data).status_code == 302


# --- start page ------------------------------------------------------------------------


def test_the_start_page_says_what_this_is_and_where_the_answers_go(patient):
    response = patient.get(START)
    assert response.status_code == 200
    page = soup(response)
    text = page.get_text(" ", strip=True)
    assert "not a diagnosis" in text
    assert "5 minutes" in text
    assert "clinician reads every questionnaire" in text
    links = {a["href"] for a in page.select("main a")}
    assert "/privacy/" in links
    assert reverse("screening:how_we_assess") in links
    assert step_url("consent") in links


# --- the steps in order ----------------------------------------------------------------


def test_every_step_shows_its_number_title_progress_bar_and_a_back_link(patient):
    previous = START
    walk = step_data(LIKELY_ANSWERS)
    # The men's pattern pictures are shown, the women's step is skipped: 11 steps in all.
    assert [slug for slug, _ in walk] == [s.slug for s in STEPS if s.slug != "hair-pattern-b"]
    count = len(walk)
    for number, (slug, data) in enumerate(walk, start=1):
        step = STEPS_BY_SLUG[slug]
        response = patient.get(step_url(slug))
        assert response.status_code == 200, slug
        page = soup(response)
        assert page.select_one(".screening-progress").get_text(strip=True) == (
            f"Step {number} of {count}"
        )
        bar = page.select_one("progress.screening-progress-bar")
        assert (bar["value"], bar["max"]) == (str(number), str(count))
        assert page.select_one("header.site-header--reduced")
        assert not page.select("nav.site-nav, header .site-nav")
        assert page.h1.get_text(strip=True) == step.title
        assert page.title.get_text(strip=True).startswith(f"Step {number} of {count}: {step.title}")
        assert page.select_one("a.screening-back")["href"] == previous
        assert page.select_one("form.screening-form")["action"] == step_url(slug)
        response = patient.post(step_url(slug), data)
        assert response.status_code == 302
        previous = step_url(slug)
        # After the last step, the optional photo step (issue 16), then the check page.
        expected_next = step_url(walk[number][0]) if number < count else PHOTOS
        assert response["Location"] == expected_next


@pytest.mark.parametrize("outcome", list(PROFILES))
def test_each_profile_reaches_its_result_wording(patient, complete_questionnaire, outcome):
    response = complete_questionnaire(patient, PROFILES[outcome])
    assert response.redirect_chain == [(RESULT, 302)]
    text = soup(response).get_text(" ", strip=True)
    assert OUTCOMES[Outcome(outcome)].patient_heading in text
    other_headings = [o.patient_heading for code, o in OUTCOMES.items() if code != outcome]
    assert not any(heading in text for heading in other_headings)
    submission = Submission.objects.get()
    assert submission.outcome == outcome
    assert submission.reference in text


def test_a_step_cannot_be_skipped_by_its_address(patient):
    response = patient.get(step_url("follicles"))
    assert response["Location"] == step_url("consent")
    patient.post(step_url("consent"), CONSENTS)
    response = patient.post(step_url("medical-history"), {"medical_conditions": ["none"]})
    assert response.status_code == 302
    assert response["Location"] == step_url("warning-signs")
    assert "medical_conditions" not in patient.session[SESSION_KEY].get("answers", {})


def test_check_and_submit_send_an_unfinished_questionnaire_to_its_first_gap(patient):
    assert patient.get(CHECK)["Location"] == START
    answer_steps(patient, upto="medical-history")
    assert patient.get(CHECK)["Location"] == step_url("medical-history")
    assert patient.post(SUBMIT)["Location"] == step_url("medical-history")
    assert Submission.objects.count() == 0


def test_an_unknown_step_is_a_404(patient):
    assert patient.get("/screening/no-such-step/").status_code == 404


# --- back and change never lose answers -------------------------------------------------


def test_going_back_shows_the_saved_answers(patient):
    answer_steps(patient, upto="medical-history")
    page = soup(patient.get(step_url("about-you")))
    assert page.select_one("#id_age")["value"] == "38"
    assert page.select_one('input[name="loss_progression"][checked]')["value"] == "slow"
    page = soup(patient.get(step_url("hair-pattern-a")))
    assert page.select_one('input[name="hair_loss_pattern"][checked]')["value"] == "norwood_3"
    # ... and a step with errors does not wipe what was saved before.
    patient.post(step_url("about-you"), {"age": "", "loss_duration": "gt_10y"})
    assert patient.session[SESSION_KEY]["answers"]["loss_duration"] == "1_5y"


def test_the_check_page_lists_every_answer_with_a_change_link(patient):
    post_steps(patient, LIKELY_ANSWERS)
    response = patient.get(CHECK)
    assert response.status_code == 200
    page = soup(response)
    rows = {
        row["id"].removeprefix("answer-"): row for row in page.select(".screening-summary__row")
    }
    for key, value in LIKELY_ANSWERS.items():
        if key == "pattern_scale":
            continue  # which pictures were shown: part of the pattern answer, not a row
        question = QUESTIONS[key]
        row = rows[key]
        assert row.dt.get_text(strip=True) == question.label
        if key != "age":
            codes = value if isinstance(value, list) else [value]
            for code in codes:
                assert question.option(code).label in row.get_text()
        link = row.select_one(".screening-summary__action a")
        step = step_for_key(key, LIKELY_ANSWERS)
        assert link["href"] == f"{step_url(step.slug, change=True)}#div_id_{key}"
        assert link.select_one(".visually-hidden").get_text(strip=True).startswith("your answer to")
    for key in ("name", "email", "phone", "preferred_contact", "consent_marketing"):
        assert key in rows
    assert CONTACT["email"] in rows["email"].get_text()
    assert "smooth_bald_years" not in rows  # not asked when there are no smooth areas


def test_changing_an_answer_returns_to_the_check_page(patient):
    post_steps(patient, LIKELY_ANSWERS)
    change = soup(patient.get(CHECK)).select_one("#answer-loss_duration a")["href"]
    url = change.split("#")[0]
    page = soup(patient.get(url))
    assert page.select_one("a.screening-back")["href"] == CHECK
    assert page.select_one("form.screening-form")["action"] == url
    data = as_post(
        {
            **{k: LIKELY_ANSWERS[k] for k in ("age", "hair_loss_pattern", "loss_progression")},
            "loss_duration": "gt_10y",
        }
    )
    response = patient.post(url, data)
    assert response["Location"] == CHECK
    row = soup(patient.get(CHECK)).select_one("#answer-loss_duration")
    assert QUESTIONS["loss_duration"].option("gt_10y").label in row.get_text()


def test_a_change_to_smooth_areas_asks_for_how_long(patient):
    post_steps(patient, LIKELY_ANSWERS)
    url = step_url("follicles", change=True)
    response = patient.post(
        url, {"fine_hairs_in_thinning_areas": "some", "smooth_bald_areas": "small"}
    )
    assert response.status_code == 200
    assert soup(response).select_one('.screening-error-summary a[href="#id_smooth_bald_years_0"]')
    response = patient.post(
        url,
        {
            "fine_hairs_in_thinning_areas": "some",
            "smooth_bald_areas": "small",
            "smooth_bald_years": "2_5",
        },
    )
    assert response["Location"] == CHECK
    assert soup(patient.get(CHECK)).select_one("#answer-smooth_bald_years")


def test_smooth_years_are_dropped_when_the_areas_go(patient):
    post_steps(
        patient, {**LIKELY_ANSWERS, "smooth_bald_areas": "small", "smooth_bald_years": "gt_5"}
    )
    patient.post(
        step_url("follicles", change=True),
        {
            "fine_hairs_in_thinning_areas": "yes",
            "smooth_bald_areas": "none",
            "smooth_bald_years": "gt_5",
        },
    )
    assert "smooth_bald_years" not in patient.session[SESSION_KEY]["answers"]


def test_start_again_clears_the_answers(patient):
    answer_steps(patient, upto="contact")
    response = patient.post(reverse("screening:start_again"))
    assert response["Location"] == START
    assert SESSION_KEY not in patient.session
    assert patient.get(step_url("about-you"))["Location"] == step_url("consent")


def test_the_start_page_offers_to_continue_an_unfinished_questionnaire(patient):
    answer_steps(patient, upto="follicles")
    page = soup(patient.get(START))
    assert page.find("a", string="Continue where you left off")["href"] == step_url("follicles")
    assert page.select_one('form[action="/screening/start-again/"]')


# --- errors, and how they are shown ---------------------------------------------------


def test_errors_get_a_focusable_summary_linking_to_each_field(patient):
    answer_steps(patient, upto="about-you")
    response = patient.post(step_url("about-you"), {"age": "old"})
    assert response.status_code == 200
    page = soup(response)
    assert page.title.get_text(strip=True).startswith("Error: Step 3 of 11")
    summary = page.select_one(".screening-error-summary")
    assert summary["role"] == "alert"
    assert summary["tabindex"] == "-1"
    assert summary.has_attr("autofocus")
    assert page.find(id=summary["aria-labelledby"]).get_text(strip=True) == "There is a problem"
    hrefs = [a["href"] for a in summary.select("a")]
    assert hrefs == [
        "#id_age",
        "#id_loss_duration_0",
        "#id_loss_progression_0",
    ]
    for href in hrefs:
        assert page.find(id=href[1:]).name == "input"
    # Inline messages, linked from the invalid inputs.
    age = page.select_one("#id_age")
    assert age["aria-invalid"] == "true"
    assert "id_age_error" in age["aria-describedby"].split()
    assert "whole number" in page.find(id="id_age_error").get_text()
    fieldset = page.select_one("#div_id_loss_duration fieldset")
    assert "id_loss_duration_error" in fieldset["aria-describedby"].split()
    assert all(i["aria-invalid"] == "true" for i in fieldset.select("input"))


def test_under_18_gets_a_kind_page_and_nothing_is_kept(patient):
    answer_steps(patient, upto="about-you")
    data = as_post({k: LIKELY_ANSWERS[k] for k in ("loss_duration", "loss_progression")})
    response = patient.post(step_url("about-you"), {**data, "age": "16"}, follow=True)
    assert response.redirect_chain == [(reverse("screening:adults_only"), 302)]
    text = soup(response).get_text(" ", strip=True)
    assert "for adults" in text
    assert "not saved any of your answers" in text
    assert SESSION_KEY not in patient.session
    assert Submission.objects.count() == 0


# --- markup that keyboard, screen reader and phone users rely on ------------------------


def test_every_field_is_labelled_and_every_group_is_a_fieldset(patient):
    for slug, data in step_data(LIKELY_ANSWERS):
        page = soup(patient.get(step_url(slug)))
        form = page.select_one("form.screening-form")
        for field in form.select("input:not([type=hidden]), select, textarea"):
            group = field.find_parent("fieldset")
            if field["type"] in ("radio",) or (field["type"] == "checkbox" and group):
                assert group is not None and group.legend.get_text(strip=True), field["name"]
            assert form.select_one(f'label[for="{field["id"]}"]'), field["name"]
            for described_by in field.get("aria-describedby", "").split():
                assert page.find(id=described_by), (field["name"], described_by)
        for fieldset in form.select("fieldset"):
            for described_by in fieldset.get("aria-describedby", "").split():
                assert page.find(id=described_by)
        patient.post(step_url(slug), data)


def test_option_hints_are_linked_to_their_option(patient):
    answer_steps(patient, upto="hair-pattern-a")
    page = soup(patient.get(step_url("hair-pattern-a")))
    shown = [o for o in HAIR_LOSS_PATTERN.options if o.code in MEN_PATTERNS]
    for index, option in enumerate(shown):
        radio = page.select_one(f"#id_hair_loss_pattern_{index}")
        assert radio["value"] == option.code
        hint = page.find(id=radio["aria-describedby"])
        assert hint.get_text(strip=True) == option.hint


@pytest.mark.parametrize(
    ("scale", "slug", "other", "codes"),
    [
        ("men", "hair-pattern-a", "hair-pattern-b", MEN_PATTERNS),
        ("women", "hair-pattern-b", "hair-pattern-a", WOMEN_PATTERNS),
    ],
)
def test_each_scale_has_its_own_step_with_labelled_pictures(patient, scale, slug, other, codes):
    answer_steps(patient, upto="pattern-scale")
    response = patient.post(step_url("pattern-scale"), {"pattern_scale": scale})
    assert response["Location"] == step_url(slug)
    assert patient.get(step_url(other))["Location"] == step_url(slug)
    page = soup(patient.get(step_url(slug)))
    shown = [i["value"] for i in page.select('input[name="hair_loss_pattern"]')]
    assert shown == list(codes)
    for code in codes:
        label = page.select_one(f'label[for="{page.find("input", value=code)["id"]}"]')
        picture = label.img
        assert picture["src"] == f"/static/img/hair-patterns/{code}.svg"
        assert picture["alt"] == ""  # decorative: the words beside it say what it shows
        assert (picture["width"], picture["height"]) == ("120", "120")
        assert label.get_text(strip=True) == HAIR_LOSS_PATTERN.option(code).label
        assert finders.find(f"img/hair-patterns/{code}.svg"), code


def test_contact_fields_help_autofill_and_the_honeypot_is_hidden(patient):
    answer_steps(patient, upto="contact")
    page = soup(patient.get(step_url("contact")))
    assert page.select_one("#id_name")["autocomplete"] == "name"
    assert page.select_one("#id_email")["autocomplete"] == "email"
    assert page.select_one("#id_phone")["autocomplete"] == "tel"
    assert page.select_one("#id_phone")["type"] == "tel"
    trap = page.select_one("#id_website")
    wrapper = trap.find_parent(class_="screening-hp")
    assert wrapper["aria-hidden"] == "true"
    assert trap["tabindex"] == "-1"
    assert trap["autocomplete"] == "off"
    assert not page.find(style=True)
    css = b"".join(patient.get("/static/css/screening.css").streaming_content).decode()
    assert re.search(r"\.screening-hp\s*\{[^}]*left:\s*-10000px", css)


def test_the_age_field_asks_for_a_number_keyboard(patient):
    answer_steps(patient, upto="about-you")
    age = soup(patient.get(step_url("about-you"))).select_one("#id_age")
    assert age["inputmode"] == "numeric"
    assert age["type"] == "text"


def all_pages(client):
    pages = {"start": client.get(START), "how": client.get(reverse("screening:how_we_assess"))}
    pages["adults"] = client.get(reverse("screening:adults_only"))
    for slug, data in step_data(LIKELY_ANSWERS):
        pages[slug] = client.get(step_url(slug))
        pages[slug + "-errors"] = client.post(step_url(slug), {})
        client.post(step_url(slug), data)
    pages["check"] = client.get(CHECK)
    client.post(SUBMIT)
    pages["result"] = client.get(RESULT)
    pages["no-result"] = Client().get(RESULT)
    return pages


def test_no_page_uses_inline_script_or_style_and_none_is_cached(patient):
    pages = all_pages(patient)
    for name, response in pages.items():
        assert response.status_code == 200, name
        assert "no-store" in response["Cache-Control"], name
        page = soup(response)
        assert not page.find(style=True), name
        assert not page.find("style"), name
        for script in page.find_all("script"):
            # JSON-LD data blocks never execute; anything that runs comes from our files.
            if script.get("type") == "application/ld+json":
                continue
            assert script.get("src", "").startswith("/static/"), name
        origins = set(
            re.findall(r"""(?:src|href|action)=["'](https?://[^/"']+)""", response.content.decode())
        )
        assert not origins, (name, origins)


def test_forms_need_the_csrf_token(site_tree):
    browser = Client(enforce_csrf_checks=True)
    page = soup(browser.get(step_url("consent")))
    assert browser.post(step_url("consent"), CONSENTS).status_code == 403
    token = page.select_one('input[name="csrfmiddlewaretoken"]')["value"]
    response = browser.post(step_url("consent"), {**CONSENTS, "csrfmiddlewaretoken": token})
    assert response.status_code == 302


def test_after_sending_only_the_submission_id_stays_in_the_session(patient, complete_questionnaire):
    complete_questionnaire(patient)
    submission = Submission.objects.get()
    session_keys = {k for k, _ in patient.session.items() if not k.startswith("_")}
    assert session_keys == {RESULT_SESSION_KEY}
    assert patient.session[RESULT_SESSION_KEY] == submission.pk
