"""The patient's session (issue 15): a browser-session cookie, two hours on the server,
a new key at consent and at submit, and nothing readable in the database."""

from datetime import timedelta

from django.conf import settings
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from screening.flow import SESSION_KEY
from tests.support.screening import CONSENTS, LIKELY_ANSWERS, post_steps, step_url

SUBMIT = reverse("screening:submit")


def session_cookie(response):
    return response.cookies[settings.SESSION_COOKIE_NAME]


def test_the_cookie_ends_with_the_browser_and_the_server_keeps_two_hours(patient):
    response = patient.post(step_url("consent"), CONSENTS)
    cookie = session_cookie(response)
    assert cookie["max-age"] == "" and cookie["expires"] == ""
    row = Session.objects.get(session_key=cookie.value)
    remaining = row.expire_date - timezone.now()
    assert timedelta(hours=2) - timedelta(minutes=1) < remaining <= timedelta(hours=2)


def test_after_two_hours_the_server_has_forgotten_the_answers(patient):
    post_steps(patient, LIKELY_ANSWERS)
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    assert SESSION_KEY not in patient.session
    response = patient.post(SUBMIT)
    assert response["Location"] == reverse("screening:start")


def test_the_session_key_changes_at_consent_and_at_submit(patient):
    patient.get(reverse("screening:start"))
    patient.session.save()  # a session that existed before consent (e.g. planted)
    before_consent = patient.session.session_key
    patient.post(step_url("consent"), CONSENTS)
    after_consent = patient.session.session_key
    assert after_consent != before_consent
    assert not Session.objects.filter(session_key=before_consent).exists()

    post_steps(patient, LIKELY_ANSWERS)
    before_submit = patient.session.session_key
    assert patient.post(SUBMIT)["Location"] == reverse("screening:result")
    assert patient.session.session_key != before_submit
    assert not Session.objects.filter(session_key=before_submit).exists()
    # The result still shows in the browser that sent it.
    assert patient.get(reverse("screening:result")).status_code == 200


def test_the_stored_session_is_an_opaque_token(patient):
    post_steps(patient, LIKELY_ANSWERS)
    data = Session.objects.get().session_data
    assert data.startswith("gAAAA")  # a Fernet token
    assert patient.session[SESSION_KEY]["answers"] == LIKELY_ANSWERS
