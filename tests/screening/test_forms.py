"""The step forms on their own: choices from the criteria, the contract's rules, strict input."""

import pytest
from django.http import QueryDict

from screening import consent
from screening.criteria import CURRENT, QUESTIONS, STEPS, Kind
from screening.forms import GROUP_FORMS, ConsentForm, ContactForm
from tests.support.screening import CONTACT, LIKELY_ANSWERS, as_post

ABOUT_YOU = GROUP_FORMS["about-you"]
FOLLICLES = GROUP_FORMS["follicles"]
MEDICAL = GROUP_FORMS["medical-history"]
TREATMENTS = GROUP_FORMS["treatments-and-goals"]
PATTERN_MEN = GROUP_FORMS["hair-pattern-a"]


def group_data(form_class, **changes):
    data = {k: LIKELY_ANSWERS[k] for k in form_class.group.keys if k in LIKELY_ANSWERS}
    data.update(changes)
    return as_post({k: v for k, v in data.items() if v is not None})


def query_dict(pairs):
    data = QueryDict(mutable=True)
    for key, value in pairs:
        data.appendlist(key, value)
    return data


@pytest.mark.parametrize("group", STEPS, ids=lambda g: g.slug)
def test_each_group_form_asks_exactly_its_criteria_questions(group):
    form = GROUP_FORMS[group.slug]()
    assert list(form.fields) == list(group.keys)
    for key, field in form.fields.items():
        question = CURRENT.question(key)
        assert field.label == question.label
        if question.kind is not Kind.INTEGER:
            # Option values are the contract's codes, labels the criteria's patient labels;
            # a pattern step offers only its scale's pictures.
            only = group.only_options.get(key)
            expected = [c for c in question.choices() if only is None or c[0] in only]
            assert list(field.choices) == expected


def test_the_likely_answers_are_accepted_and_stored_in_contract_form():
    stored = {}
    for form_class in GROUP_FORMS.values():
        if not form_class.group.applies(LIKELY_ANSWERS):
            continue  # the women's pictures: not shown after choosing the men's
        form = form_class(data=group_data(form_class))
        assert form.is_valid(), form.errors
        stored.update(form.session_data())
    assert stored == LIKELY_ANSWERS
    assert isinstance(stored["age"], int)
    assert isinstance(stored["medical_conditions"], list)


@pytest.mark.parametrize(
    ("age", "code"),
    [
        ("17", "under_age"),
        ("1", "under_age"),
        ("0", "out_of_range"),
        ("-4", "out_of_range"),
        ("101", "out_of_range"),
        ("forty", "invalid"),
        ("40.5", "invalid"),
        ("9" * 5000, "invalid"),
        ("", "required"),
    ],
)
def test_age_must_be_a_whole_number_from_18_to_100(age, code):
    form = ABOUT_YOU(data=group_data(ABOUT_YOU, age=age))
    assert not form.is_valid()
    assert form.has_error("age", code=code)
    assert form.is_under_age is (code == "under_age")


@pytest.mark.parametrize("age", ["18", " 42 ", "100"])
def test_adult_ages_are_accepted(age):
    form = ABOUT_YOU(data=group_data(ABOUT_YOU, age=age))
    assert form.is_valid(), form.errors
    assert form.cleaned_data["age"] == int(age)


@pytest.mark.parametrize("code", ["norwood_8", "ludwig_2"])  # unknown, or the other scale's
def test_an_unknown_code_is_a_form_error(code):
    form = PATTERN_MEN(data={"hair_loss_pattern": code})
    assert form.has_error("hair_loss_pattern", code="invalid_choice")


def test_a_single_answer_sent_twice_is_refused():
    data = query_dict([*group_data(ABOUT_YOU).items(), ("loss_duration", "gt_10y")])
    form = ABOUT_YOU(data=data)
    assert form.has_error("loss_duration", code="repeated")


@pytest.mark.parametrize("level", ["small", "large"])
def test_smooth_bald_years_is_required_with_smooth_areas(level):
    form = FOLLICLES(data=group_data(FOLLICLES, smooth_bald_areas=level))
    assert form.has_error("smooth_bald_years", code="required")
    form = FOLLICLES(data=group_data(FOLLICLES, smooth_bald_areas=level, smooth_bald_years="2_5"))
    assert form.is_valid()
    assert form.session_data()["smooth_bald_years"] == "2_5"


@pytest.mark.parametrize("years", ["gt_5", "nonsense"])
def test_smooth_bald_years_is_discarded_without_smooth_areas(years):
    form = FOLLICLES(data=group_data(FOLLICLES, smooth_bald_areas="none", smooth_bald_years=years))
    assert form.is_valid(), form.errors
    assert "smooth_bald_years" not in form.session_data()


def test_the_follow_up_question_says_when_to_answer_it():
    field = FOLLICLES().fields["smooth_bald_years"]
    assert not field.required
    assert "Only if you answered yes" in field.help_text


@pytest.mark.parametrize(
    ("form_class", "key"), [(MEDICAL, "medical_conditions"), (TREATMENTS, "previous_treatments")]
)
def test_none_of_these_cannot_be_combined(form_class, key):
    other = next(c for c in QUESTIONS[key].codes if c != "none")
    form = form_class(data=group_data(form_class, **{key: ["none", other]}))
    assert form.has_error(key, code="exclusive")
    assert "None of these" in form.errors[key][0]


@pytest.mark.parametrize(
    ("form_class", "key"), [(MEDICAL, "medical_conditions"), (TREATMENTS, "previous_treatments")]
)
def test_a_multiple_choice_needs_at_least_one_answer(form_class, key):
    data = group_data(form_class)
    del data[key]
    form = form_class(data=data)
    assert form.has_error(key, code="required")


def test_ticked_codes_are_stored_once_in_display_order():
    form = MEDICAL(
        data={"medical_conditions": ["keloid_scarring", "blood_thinners", "keloid_scarring"]}
    )
    assert form.is_valid()
    assert form.session_data() == {"medical_conditions": ["blood_thinners", "keloid_scarring"]}


def test_consent_boxes_are_separate_unticked_and_two_are_required():
    form = ConsentForm()
    assert list(form.fields) == ["consent_health_data", "consent_contact", "consent_marketing"]
    assert not any(form[name].value() for name in form.fields)
    assert not ConsentForm(data={}).is_valid()
    assert ConsentForm(data={}).errors.keys() == {"consent_health_data", "consent_contact"}
    form = ConsentForm(data={"consent_health_data": "on", "consent_contact": "on"})
    assert form.is_valid()
    assert form.session_data() == {
        "consent_health_data": True,
        "consent_contact": True,
        "consent_marketing": False,
    }


def test_the_health_data_consent_names_the_kinds_of_data_and_withdrawal():
    label = consent.HEALTH_DATA.label + " " + consent.HEALTH_DATA.hint
    for words in ("hair loss", "medical history", "withdraw"):
        assert words in label
    # Consent covers what we collect: the questionnaire asks for no photos.
    assert "photo" not in label.lower()
    assert consent.CONSENT_TEXT_VERSION


def contact(**changes):
    return {**CONTACT, **changes}


def test_contact_details_are_accepted_and_tidied():
    form = ContactForm(data=contact(phone="  +44  7700   900461 "))
    assert form.is_valid(), form.errors
    assert form.session_data() == {**CONTACT, "phone": "+44 7700 900461"}


@pytest.mark.parametrize(
    "phone", ["(020) 7946-0000", "+1 415.555.0100", "07700900461", "0049/30/1234567"]
)
def test_phone_numbers_are_read_leniently(phone):
    assert ContactForm(data=contact(phone=phone)).is_valid()


@pytest.mark.parametrize("phone", ["123", "call me", "+44 7700 900461 ext 12", "1" * 20, "+"])
def test_odd_phone_numbers_are_refused(phone):
    form = ContactForm(data=contact(phone=phone, preferred_contact="email"))
    assert form.has_error("phone")


def test_phone_is_optional_unless_we_should_phone():
    assert ContactForm(data=contact(phone="", preferred_contact="email")).is_valid()
    form = ContactForm(data=contact(phone="", preferred_contact="phone"))
    assert form.has_error("phone", code="required")


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("email", "not-an-email"),
        ("email", "a" * 250 + "@example.org"),
        ("name", "x" * 121),
        ("name", "Ann\x00Example"),
        ("name", "Ann\u202eExample"),
        ("name", "   "),
        ("preferred_contact", "pigeon"),
    ],
)
def test_bad_contact_details_are_form_errors(field, value):
    form = ContactForm(data=contact(**{field: value}))
    assert form.has_error(field)


def test_the_honeypot_is_noticed_even_on_an_invalid_form():
    form = ContactForm(data={"website": "http://spam.example"})
    assert not form.is_valid()
    assert form.honeypot_filled
    assert not ContactForm(data=contact()).honeypot_filled


def test_the_error_summary_links_each_error_to_its_field():
    form = ABOUT_YOU(data={"age": "x"})
    assert form.error_summary() == [
        ("id_age", form.errors["age"][0]),
        ("id_loss_duration_0", form.errors["loss_duration"][0]),
        ("id_loss_progression_0", form.errors["loss_progression"][0]),
    ]
