"""Random and malformed input, tried for real: never a server error, nothing stored.

Property-based (hypothesis). Each example runs in its own rolled-back transaction
(hypothesis.extra.django.TestCase), so every example starts from the same database.
"""

from django.conf import settings
from django.contrib.auth import SESSION_KEY, get_user_model
from django.core.management import call_command
from django.test import Client, override_settings
from django.utils.http import url_has_allowed_host_and_scheme
from django_otp import DEVICE_ID_SESSION_KEY
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from tests.support.auth import STAFF_PASSWORD
from tests.support.strategies import (
    any_text,
    form_data,
    http_method,
    path_segment,
    query_params,
    raw_body,
)

STAFF_USERNAME = "dr.reviewer"

fuzz = hypothesis_settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

login_form = form_data(
    {
        "username": st.one_of(st.sampled_from([STAFF_USERNAME, f" {STAFF_USERNAME} "]), any_text),
        "password": st.one_of(st.just(STAFF_PASSWORD), any_text),
        "next": st.sampled_from(["/admin/", "https://evil.example/", "//evil.example", ""]),
    }
)


def sent_value(value):
    """What Django reads for a key: the last of repeated values."""
    if isinstance(value, list):
        return value[-1] if value else None
    return value


def _summary(data):
    """Failure messages name the fields and sizes, not megabytes of values."""
    return {
        key: (len(value) if isinstance(value, (str, list)) else value)
        for key, value in data.items()
    }


def a_client():
    return Client(raise_request_exception=False)


@override_settings(ADMIN_REQUIRE_TWO_FACTOR=True, AXES_ENABLED=True)
class AdminLoginFuzzTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.staff = get_user_model().objects.create_superuser(
            STAFF_USERNAME, "reviewer@clinic.example", STAFF_PASSWORD
        )

    @fuzz
    @given(data=login_form)
    def test_random_login_posts_never_error_and_only_real_credentials_sign_in(self, data):
        client = a_client()
        response = client.post("/admin/login/", data)
        self.assertLess(response.status_code, 500)

        username, password = sent_value(data.get("username")), sent_value(data.get("password"))
        too_big = len(_encode(data)) > settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        if too_big:
            self.assertEqual(response.status_code, 400)
        valid = (
            not too_big
            and isinstance(username, str)
            and username.strip() == STAFF_USERNAME
            and password == STAFF_PASSWORD
        )
        self.assertEqual(SESSION_KEY in client.session, valid, _summary(data))
        # A password alone never completes the sign-in, and nothing else is stored.
        self.assertNotIn(DEVICE_ID_SESSION_KEY, client.session)
        self.assertEqual(get_user_model().objects.count(), 1)
        if response.status_code == 302:
            location = response["Location"]
            self.assertTrue(url_has_allowed_host_and_scheme(location, {"testserver"}), location)
        if valid:
            gated = client.get("/admin/")
            self.assertTrue(gated["Location"].startswith("/admin/two-factor/setup/"))

    @fuzz
    @given(body=raw_body)
    def test_malformed_login_bodies_never_error(self, body):
        content, content_type = body
        response = a_client().generic("POST", "/admin/login/", content, content_type=content_type)
        self.assertLess(response.status_code, 500)
        self.assertEqual(get_user_model().objects.count(), 1)

    @fuzz
    @given(data=form_data({"otp_token": st.from_regex(r"\A\d{6}\Z"), "next": any_text}))
    def test_random_two_factor_codes_never_error_or_verify(self, data):
        client = a_client()
        client.force_login(self.staff)
        for url in ["/admin/two-factor/setup/", "/admin/two-factor/verify/"]:
            response = client.post(url, data)
            self.assertLess(response.status_code, 500)
            self.assertNotIn(DEVICE_ID_SESSION_KEY, client.session)

    @fuzz
    @given(data=form_data({"backup_code": st.from_regex(r"\A[a-z2-7]{8}\Z")}))
    def test_random_backup_codes_never_error_or_verify(self, data):
        client = a_client()
        client.force_login(self.staff)
        response = client.post("/admin/two-factor/verify/backup-code/", data)
        self.assertLess(response.status_code, 500)
        self.assertNotIn(DEVICE_ID_SESSION_KEY, client.session)


class PublicSiteFuzzTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("load_initial_data", stdout=open("/dev/null", "w"))  # noqa: SIM115

    @fuzz
    @given(params=query_params)
    def test_search_never_errors(self, params):
        """/search/ may not exist yet (404 passes); once it does, it must hold too."""
        response = a_client().get("/search/", params)
        self.assertLess(response.status_code, 500)

    @fuzz
    @given(q=st.one_of(any_text, st.lists(any_text, min_size=2, max_size=3)), page=any_text)
    def test_search_query_and_page_never_error(self, q, page):
        response = a_client().get("/search/", {"q": q, "page": page})
        self.assertLess(response.status_code, 500)

    @fuzz
    @given(
        url=st.sampled_from(["/", "/healthz", "/search/", "/screening/", "/documents/1/x.pdf"]),
        method=http_method,
        params=query_params,
    )
    def test_any_method_and_query_on_public_urls_never_errors(self, url, method, params):
        client = a_client()
        if method in ("GET", "HEAD", "OPTIONS", "DELETE"):
            response = client.generic(method, url, QUERY_STRING=_encode(params))
        else:
            response = client.generic(
                method, url, _encode(params), "application/x-www-form-urlencoded"
            )
        self.assertLess(response.status_code, 500)

    @fuzz
    @given(segments=st.lists(path_segment, min_size=1, max_size=3))
    def test_random_paths_never_error(self, segments):
        from urllib.parse import quote

        path = "/" + "/".join(quote(s, safe="") for s in segments) + "/"
        self.assertLess(a_client().get(path).status_code, 500)


def _encode(params):
    from urllib.parse import urlencode

    return urlencode(params, doseq=True)
