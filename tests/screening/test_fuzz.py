"""Random and malformed input to every step and to the final submit: never a 5xx, never a record.

Each example starts from a fresh browser whose session already holds the steps before
the one under test (seeded directly, to keep the run fast), then posts what hypothesis
draws: wrong types, unknown codes, huge numbers, any unicode, repeated and missing keys,
unknown fields, raw bodies that are not form data at all.
"""

import copy
import uuid

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from screening.criteria import FORM_QUESTIONS, QUESTIONS
from screening.criteria import STEPS as QUESTION_STEPS
from screening.flow import SESSION_KEY, STEPS, STEPS_BY_SLUG, Questionnaire
from screening.models import Submission
from tests.support.screening import LIKELY_ANSWERS, post_steps, step_url

FUZZ = settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

FIELD_NAMES = [
    *QUESTIONS,
    *FORM_QUESTIONS,
    "name",
    "email",
    "phone",
    "preferred_contact",
    "website",
    "consent_health_data",
    "consent_contact",
    "consent_marketing",
    "csrfmiddlewaretoken",
]
ALL_CODES = sorted(
    {code for q in (*QUESTIONS.values(), *FORM_QUESTIONS.values()) for code in q.codes}
    | {"email", "phone"}
)
printable_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60)
field_value = st.one_of(
    st.sampled_from(ALL_CODES),
    printable_text,
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.text(alphabet="0123456789", min_size=50, max_size=5000),  # huge numbers
    st.sampled_from(["", " ", "on", "true", "None", "[]", "{}", "\x00", "18.0", "1e3"]),
)
form_data = st.dictionaries(
    st.one_of(st.sampled_from(FIELD_NAMES), printable_text.filter(bool)),
    st.one_of(field_value, st.lists(field_value, max_size=4)),  # a list = a repeated key
    max_size=14,
)
raw_body = st.tuples(
    st.sampled_from(
        [
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=xyz",
            "multipart/form-data",
            "application/json",
            "text/plain",
        ]
    ),
    st.binary(max_size=3000),
)


@pytest.fixture
def finished_state(site_tree, settings):
    """A finished questionnaire's session data, collected once through the real views."""
    settings.SCREENING_SUBMIT_RATE = "100000/hour"
    browser = Client()
    post_steps(browser, LIKELY_ANSWERS)
    return copy.deepcopy(browser.session[SESSION_KEY])


def state_before(state, slug):
    """The session as it is when a patient reaches ``slug``: earlier steps done, later not."""
    if slug == "consent":
        return {}
    state = copy.deepcopy(state)
    state["flow_id"] = str(uuid.uuid4())
    later = STEPS[STEPS_BY_SLUG[slug].number - 1 :]
    for step in later:
        if step.slug == "contact":
            state.pop("contact", None)
        else:
            group = next(g for g in QUESTION_STEPS if g.slug == step.slug)
            for key in group.keys:
                state["answers"].pop(key, None)
    return state


def browser_with(state):
    browser = Client()
    if state:
        session = browser.session
        session[SESSION_KEY] = state
        session.save()
    return browser


def check_step_response(browser, slug, response, before_count):
    assert response.status_code < 500, response.status_code
    assert response.status_code in (200, 302, 400), response.status_code
    assert Submission.objects.count() == before_count
    # Whatever the step kept in the session is something its form accepts.
    questionnaire = Questionnaire(browser.session)
    if questionnaire.stored_for(STEPS_BY_SLUG[slug]) is not None:
        assert questionnaire.is_complete(STEPS_BY_SLUG[slug])


@pytest.mark.parametrize("slug", [step.slug for step in STEPS])
def test_random_form_data_never_breaks_a_step(finished_state, slug):
    before_count = Submission.objects.count()

    @FUZZ
    @given(data=form_data)
    def post_random(data):
        cache.clear()
        browser = browser_with(state_before(finished_state, slug))
        response = browser.post(step_url(slug), data)
        check_step_response(browser, slug, response, before_count)

    post_random()


@pytest.mark.parametrize("slug", [step.slug for step in STEPS])
def test_random_bodies_never_break_a_step(finished_state, slug):
    before_count = Submission.objects.count()

    @FUZZ
    @given(body=raw_body)
    def post_raw(body):
        content_type, payload = body
        browser = browser_with(state_before(finished_state, slug))
        response = browser.post(step_url(slug), payload, content_type=content_type)
        check_step_response(browser, slug, response, before_count)

    post_raw()


json_value = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**20), max_value=10**20)
    | st.floats(allow_nan=False, allow_infinity=False)
    | printable_text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(printable_text, inner, max_size=3),
    max_leaves=6,
)


@st.composite
def tampered_state(draw, state):
    """The finished session data with a few parts replaced, removed or retyped."""
    state = copy.deepcopy(state)
    state["flow_id"] = str(uuid.uuid4())
    for _ in range(draw(st.integers(min_value=0, max_value=3))):
        part = draw(st.sampled_from(["answers", "contact", "consents", "top"]))
        target = state if part == "top" else state.get(part)
        if not isinstance(target, dict) or not target:
            state[part if part != "top" else "answers"] = draw(json_value)
            continue
        key = draw(st.sampled_from(sorted(target)))
        if draw(st.booleans()):
            target.pop(key)
        else:
            target[key] = draw(st.one_of(json_value, st.sampled_from(ALL_CODES)))
    return state


def test_a_tampered_session_never_breaks_the_final_submit(finished_state):
    @FUZZ
    @given(data=st.data())
    def submit_tampered(data):
        state = data.draw(tampered_state(finished_state))
        browser = browser_with(state)
        complete = Questionnaire(browser.session).is_finished
        before = Submission.objects.count()
        response = browser.post(reverse("screening:submit"), data.draw(form_data))
        assert response.status_code < 500, response.status_code
        after = Submission.objects.count()
        if complete and response.status_code == 302:
            assert after == before + 1
            assert response["Location"] == reverse("screening:result")
        else:
            assert after == before

    submit_tampered()
