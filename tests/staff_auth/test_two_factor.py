"""Two-factor sign-in for the admin (django-otp), through HTTP and the management command."""

import base64
import re
from datetime import timedelta
from io import StringIO

import pytest
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.core.checks import run_checks
from django.core.management import CommandError, call_command
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import PageViewRestriction

from staff_auth import otp_secrets, two_factor
from tests.support.admin_urls import admin_paths
from tests.support.auth import STAFF_PASSWORD, code_for
from tests.support.security import parse_csp

SETUP_URL = "/admin/two-factor/setup/"
VERIFY_URL = "/admin/two-factor/verify/"
BACKUP_URL = "/admin/two-factor/verify/backup-code/"
EXEMPT_PATHS = {
    SETUP_URL,
    VERIFY_URL,
    BACKUP_URL,
    "/admin/logout/",
    "/admin/sprite/",
    "/admin/jsi18n/",
}
REPRESENTATIVE_ADMIN_URLS = [
    "/admin/",
    "/admin/pages/",
    "/admin/images/",
    "/admin/documents/",
    "/admin/users/",
    "/admin/groups/",
    "/admin/settings/content/clinicsettings/",
    "/admin/reports/locked/",
    "/admin/reports/site-history/",
    "/admin/snippets/",
    "/admin/redirects/",
    "/admin/account/",
    "/admin/two-factor/backup-codes/",
]


@pytest.fixture(autouse=True)
def two_factor_on():
    with override_settings(ADMIN_REQUIRE_TWO_FACTOR=True):
        yield


def a_wrong_code(device):
    valid = {code_for(device, n) for n in (-1, 0, 1)}
    return next(f"{n:06d}" for n in range(1_000_000) if f"{n:06d}" not in valid)


@pytest.fixture
def enrolled(superuser):
    """A staff member who set up an authenticator and has ten backup codes."""
    device = TOTPDevice.objects.create(user=superuser, name="Authenticator app", confirmed=True)
    codes = two_factor.issue_backup_codes(superuser)
    return device, codes


def password_login(client, user, password=STAFF_PASSWORD):
    response = client.post("/admin/login/", {"username": user.get_username(), "password": password})
    assert response.status_code == 302, "the password step itself succeeds"
    return response


@pytest.fixture
def half_signed_in(superuser):
    client = Client()
    password_login(client, superuser)
    return client


def verify(client, device, next_url=""):
    return client.post(VERIFY_URL, {"otp_token": code_for(device), "next": next_url})


def is_verified(client):
    return DEVICE_ID_SESSION_KEY in client.session


# --- The gate ------------------------------------------------------------------------


def test_the_admin_has_many_url_patterns_and_all_are_enumerated():
    paths = admin_paths()
    assert len(paths) > 150
    for expected in ["/admin/", "/admin/pages/1/edit/", "/admin/users/", "/admin/login/"]:
        assert expected in paths


def test_anonymous_users_are_sent_to_the_login(db):
    response = Client().get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_a_direct_password_post_to_the_login_gives_no_admin_page(site_tree, superuser):
    client = Client()
    response = client.post(
        "/admin/login/",
        {"username": superuser.username, "password": STAFF_PASSWORD, "next": "/admin/users/"},
    )
    assert response.status_code == 302
    assert SESSION_KEY in client.session and not is_verified(client)
    followed = client.get(response["Location"], follow=True)
    assert followed.redirect_chain[-1][0].startswith(SETUP_URL)
    assert "Set up two-factor sign-in" in followed.content.decode()
    for url in REPRESENTATIVE_ADMIN_URLS:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(SETUP_URL), url


def test_half_signed_in_without_a_device_every_admin_url_leads_to_setup(site_tree, half_signed_in):
    checked = 0
    for path in admin_paths():
        if path in EXEMPT_PATHS:
            continue
        for method in (half_signed_in.get, half_signed_in.post):
            response = method(path)
            assert response.status_code == 302, (method.__name__, path)
            assert response["Location"].startswith(SETUP_URL), (method.__name__, path)
            checked += 1
    assert checked > 300


def test_half_signed_in_with_a_device_every_admin_url_leads_to_verification(
    site_tree, enrolled, half_signed_in
):
    for path in admin_paths():
        if path in EXEMPT_PATHS:
            continue
        response = half_signed_in.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith(VERIFY_URL), path


def test_the_login_page_itself_is_gated_for_half_signed_in_staff(
    site_tree, enrolled, superuser, half_signed_in
):
    for response in (
        half_signed_in.get("/admin/login/"),
        half_signed_in.post(
            "/admin/login/", {"username": superuser.username, "password": STAFF_PASSWORD}
        ),
    ):
        assert response.status_code == 302
        assert response["Location"].startswith(VERIFY_URL)


def test_the_gate_remembers_where_the_user_was_going(site_tree, enrolled, half_signed_in):
    response = half_signed_in.get("/admin/pages/?ordering=title")
    assert response["Location"] == f"{VERIFY_URL}?next=%2Fadmin%2Fpages%2F%3Fordering%3Dtitle"
    device, _ = enrolled
    response = verify(half_signed_in, device, next_url="/admin/pages/?ordering=title")
    assert response["Location"] == "/admin/pages/?ordering=title"


@pytest.mark.parametrize("url", REPRESENTATIVE_ADMIN_URLS)
def test_a_verified_user_reaches_every_representative_admin_page(
    site_tree, enrolled, half_signed_in, url
):
    device, _ = enrolled
    assert verify(half_signed_in, device).status_code == 302
    response = half_signed_in.get(url, follow=True)
    assert response.status_code == 200, url
    assert response.redirect_chain == [] or not response.redirect_chain[-1][0].startswith(
        ("/admin/two-factor/setup", "/admin/two-factor/verify", "/admin/login")
    )


def test_with_the_setting_off_force_login_reaches_the_admin_as_before(site_tree, superuser):
    with override_settings(ADMIN_REQUIRE_TWO_FACTOR=False):
        client = Client()
        client.force_login(superuser)
        for url in REPRESENTATIVE_ADMIN_URLS[:-1]:
            assert client.get(url, follow=True).status_code == 200, url


def test_a_signed_in_user_without_admin_access_is_not_caught_in_a_loop(db, django_user_model):
    member = django_user_model.objects.create_user("member", password=STAFF_PASSWORD)
    client = Client()
    client.force_login(member)
    response = client.get("/admin/", follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0].startswith("/admin/login/")


def test_half_signed_in_staff_count_as_anonymous_outside_the_admin(site_tree, enrolled, superuser):
    home = site_tree.root_page
    PageViewRestriction.objects.create(page=home, restriction_type=PageViewRestriction.LOGIN)
    half = Client()
    password_login(half, superuser)
    response = half.get("/")
    assert response.status_code == 302, "a login-only page is not shown on a password alone"
    assert "wagtail-userbar" not in half.get("/no-such-page/").content.decode()

    verified = Client()
    password_login(verified, superuser)
    verify(verified, enrolled[0])
    response = verified.get("/")
    assert response.status_code == 200
    assert "wagtail-userbar" in response.content.decode()


# --- Enrolment -----------------------------------------------------------------------


def test_setup_page_shows_a_locally_drawn_qr_code_and_the_key(site_tree, superuser, half_signed_in):
    response = half_signed_in.get(SETUP_URL)
    assert response.status_code == 200
    html = response.content.decode()
    device = TOTPDevice.objects.get(user=superuser, confirmed=False)
    # The QR code is inline SVG: no image is fetched from anywhere.
    assert re.search(r"<svg[^>]*>", html) and "<path" in html
    assert not re.search(r"""<img[^>]+src=["'](?!/|data:)""", html)
    assert "otpauth://" not in html and "chart.googleapis" not in html
    # The key for manual entry is the device's key.
    secret = re.search(r"<code>([A-Z2-7 ]+)</code>", html).group(1)
    unspaced = secret.replace(" ", "")
    assert base64.b32decode(unspaced + "=" * (-len(unspaced) % 8)) == device.bin_key
    # Stored encrypted (issue 15): the column holds neither the hex nor the base32 key.
    assert device.key.startswith("enc1:")
    assert device.bin_key.hex() not in device.key and unspaced not in device.key
    # Same key on reload: the app the user already scanned stays valid.
    assert secret in half_signed_in.get(SETUP_URL).content.decode()


def test_two_factor_pages_are_admin_pages_with_admin_headers(site_tree, half_signed_in):
    response = half_signed_in.get(SETUP_URL)
    assert "no-store" in response["Cache-Control"]
    assert parse_csp(response["Content-Security-Policy"])["frame-ancestors"] == ["'none'"]
    assert response["X-Frame-Options"] == "DENY"


def described_by(html, field_name):
    """The texts a screen reader announces with the field (via aria-describedby)."""
    field = re.search(rf'<input[^>]*name="{field_name}"[^>]*>', html).group(0)
    ids = re.search(r'aria-describedby="([^"]+)"', field)
    texts = []
    for element_id in ids.group(1).split() if ids else []:
        match = re.search(rf'id="{element_id}"[^>]*>(.*?)</div>', html, re.S)
        assert match, f"aria-describedby points at a missing element #{element_id}"
        texts.append(re.sub(r"<[^>]+>|\s+", " ", match.group(1)).strip())
    return field, " ".join(texts)


@pytest.mark.parametrize(("url", "name"), [(VERIFY_URL, "otp_token"), (BACKUP_URL, "backup_code")])
def test_code_fields_are_labelled_and_fill_from_the_phone(
    site_tree, enrolled, half_signed_in, url, name
):
    html = half_signed_in.get(url).content.decode()
    field, _ = described_by(html, name)
    field_id = re.search(r'id="([^"]+)"', field).group(1)
    assert re.search(rf'<label[^>]*for="{field_id}"[^>]*>\s*\S', html)
    assert 'autocomplete="one-time-code"' in field
    if name == "otp_token":
        assert 'inputmode="numeric"' in field


@pytest.mark.parametrize(
    ("url", "name", "value", "message"),
    [
        (VERIFY_URL, "otp_token", "12", "Enter the 6-digit code"),
        (VERIFY_URL, "otp_token", "", "Enter the 6-digit code"),
        (BACKUP_URL, "backup_code", "x", "A backup code is 8 letters and digits"),
    ],
)
def test_errors_are_tied_to_their_field(
    site_tree, enrolled, half_signed_in, url, name, value, message
):
    html = half_signed_in.post(url, {name: value}).content.decode()
    field, announced = described_by(html, name)
    assert 'aria-invalid="true"' in field
    assert message in announced
    # Wagtail's CSS hides field errors inside .login .login-form; ours must stay visible.
    assert 'class="login-form"' not in html


def test_enrolment_needs_a_correct_code_then_shows_ten_backup_codes_once(
    site_tree, superuser, half_signed_in
):
    half_signed_in.get(SETUP_URL)
    device = TOTPDevice.objects.get(user=superuser, confirmed=False)

    wrong = half_signed_in.post(SETUP_URL, {"otp_token": a_wrong_code(device)})
    assert wrong.status_code == 200
    assert "That code is not right" in wrong.content.decode()
    device.refresh_from_db()
    assert not device.confirmed and not is_verified(half_signed_in)
    device.throttling_failure_timestamp = timezone.now() - timedelta(hours=1)
    device.save()

    done = half_signed_in.post(SETUP_URL, {"otp_token": code_for(device), "next": "/admin/"})
    assert done.status_code == 200
    html = done.content.decode()
    shown = [c.replace(" ", "") for c in re.findall(r"<li><code>([a-z2-7 ]+)</code></li>", html)]
    assert len(shown) == 10
    stored = set(StaticToken.objects.filter(device__user=superuser).values_list("token", flat=True))
    # Stored hashed (issue 15): the codes shown are nowhere in the database.
    assert {otp_secrets.hash_backup_code(code) for code in shown} == stored
    assert not set(shown) & stored
    device.refresh_from_db()
    assert device.confirmed and is_verified(half_signed_in)
    assert half_signed_in.get("/admin/").status_code == 200
    # Never shown again: the page now only counts them.
    again = half_signed_in.get(SETUP_URL, follow=True)
    assert not any(code in again.content.decode() for code in shown)
    codes_page = half_signed_in.get("/admin/two-factor/backup-codes/").content.decode()
    assert "<strong>10</strong> unused backup codes" in codes_page
    assert not any(code in codes_page for code in shown)


def test_a_user_with_a_device_cannot_enrol_another(site_tree, enrolled, half_signed_in):
    response = half_signed_in.get(SETUP_URL)
    assert response.status_code == 302
    assert response["Location"].startswith(VERIFY_URL)
    assert TOTPDevice.objects.count() == 1


# --- Verification --------------------------------------------------------------------


def test_the_correct_code_gives_access(site_tree, enrolled, half_signed_in):
    device, _ = enrolled
    response = verify(half_signed_in, device)
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert is_verified(half_signed_in)
    assert half_signed_in.get("/admin/users/").status_code == 200


def test_verification_gives_the_session_a_new_key(site_tree, enrolled, half_signed_in):
    before = half_signed_in.session.session_key
    verify(half_signed_in, enrolled[0])
    assert half_signed_in.session.session_key != before


@pytest.mark.parametrize("code", ["", "12345", "abcdef", "1234567", "12 34 5x"])
def test_a_malformed_code_is_refused_with_a_message(site_tree, enrolled, half_signed_in, code):
    response = half_signed_in.post(VERIFY_URL, {"otp_token": code})
    assert response.status_code == 200
    assert "6-digit code" in response.content.decode()
    assert not is_verified(half_signed_in)


def test_a_wrong_code_is_refused_with_a_message(site_tree, enrolled, half_signed_in):
    device, _ = enrolled
    response = half_signed_in.post(VERIFY_URL, {"otp_token": a_wrong_code(device)})
    assert response.status_code == 200
    assert "That code is not right" in response.content.decode()
    assert not is_verified(half_signed_in)
    assert half_signed_in.get("/admin/").status_code == 302


def test_codes_with_spaces_are_accepted(site_tree, enrolled, half_signed_in):
    device, _ = enrolled
    code = code_for(device)
    response = half_signed_in.post(VERIFY_URL, {"otp_token": f"{code[:3]} {code[3:]}"})
    assert response.status_code == 302
    assert is_verified(half_signed_in)


@override_settings(OTP_TOTP_THROTTLE_FACTOR=3600)
def test_wrong_codes_are_throttled_even_before_a_correct_one(site_tree, enrolled, half_signed_in):
    device, _ = enrolled
    half_signed_in.post(VERIFY_URL, {"otp_token": a_wrong_code(device)})
    response = half_signed_in.post(VERIFY_URL, {"otp_token": code_for(device)})
    assert response.status_code == 200
    assert "Too many wrong codes" in response.content.decode()
    assert not is_verified(half_signed_in)
    # Time travel past the back-off: the correct code works again.
    device.refresh_from_db()
    assert device.throttling_failure_count == 1
    device.throttling_failure_timestamp = timezone.now() - timedelta(hours=2)
    device.save()
    assert verify(half_signed_in, device).status_code == 302
    assert is_verified(half_signed_in)


def test_the_back_off_doubles_with_each_wrong_code(site_tree, enrolled, half_signed_in):
    device, _ = enrolled
    for expected_count in (1, 2, 3):
        device.refresh_from_db()
        device.throttling_failure_timestamp = timezone.now() - timedelta(hours=1)
        device.save()
        half_signed_in.post(VERIFY_URL, {"otp_token": a_wrong_code(device)})
        device.refresh_from_db()
        assert device.throttling_failure_count == expected_count
    allowed, info = device.verify_is_allowed()
    assert not allowed and info["locked_until"] - device.throttling_failure_timestamp == (
        timedelta(seconds=4)
    )


def test_a_code_cannot_be_replayed_in_another_session(site_tree, enrolled, superuser):
    device, _ = enrolled
    code = code_for(device)
    first, second = Client(), Client()
    password_login(first, superuser)
    password_login(second, superuser)
    assert first.post(VERIFY_URL, {"otp_token": code}).status_code == 302
    replay = second.post(VERIFY_URL, {"otp_token": code})
    assert replay.status_code == 200
    assert not is_verified(second)


def test_a_backup_code_works_once(site_tree, enrolled, superuser):
    _, codes = enrolled
    first = Client()
    password_login(first, superuser)
    response = first.post(BACKUP_URL, {"backup_code": codes[0].upper()})
    assert response.status_code == 302
    assert is_verified(first)
    assert "9 left" in first.get("/admin/", follow=True).content.decode()

    second = Client()
    password_login(second, superuser)
    reused = second.post(BACKUP_URL, {"backup_code": codes[0]})
    assert reused.status_code == 200
    assert "already been used" in reused.content.decode()
    assert not is_verified(second)
    assert StaticToken.objects.filter(device__user=superuser).count() == 9


def test_another_users_backup_code_does_not_work(site_tree, enrolled, django_user_model):
    other = django_user_model.objects.create_superuser("other", "o@clinic.example", STAFF_PASSWORD)
    TOTPDevice.objects.create(user=other, name="Authenticator app", confirmed=True)
    client = Client()
    password_login(client, other)
    response = client.post(BACKUP_URL, {"backup_code": enrolled[1][0]})
    assert response.status_code == 200
    assert not is_verified(client)


def test_a_made_up_next_url_cannot_send_the_user_elsewhere(site_tree, enrolled, half_signed_in):
    device, _ = enrolled
    response = verify(half_signed_in, device, next_url="https://evil.example/admin/")
    assert response["Location"] == "/admin/"


def test_making_new_backup_codes_replaces_the_old_ones(site_tree, enrolled, half_signed_in):
    device, old_codes = enrolled
    verify(half_signed_in, device)
    html = half_signed_in.post("/admin/two-factor/backup-codes/").content.decode()
    new_codes = [c.replace(" ", "") for c in re.findall(r"<li><code>([a-z2-7 ]+)</code>", html)]
    assert len(new_codes) == 10 and not set(new_codes) & set(old_codes)
    assert StaticDevice.objects.count() == 1


def test_logout_clears_the_verification(site_tree, enrolled, superuser, half_signed_in):
    device, _ = enrolled
    verify(half_signed_in, device)
    assert half_signed_in.get("/admin/").status_code == 200
    half_signed_in.post("/admin/logout/")
    assert half_signed_in.get("/admin/")["Location"].startswith("/admin/login/")
    password_login(half_signed_in, superuser)
    assert not is_verified(half_signed_in)
    assert half_signed_in.get("/admin/")["Location"].startswith(VERIFY_URL)


# --- Operators -----------------------------------------------------------------------


def test_reset_two_factor_removes_devices_and_sessions_and_prints_no_secret(
    site_tree, enrolled, superuser, half_signed_in
):
    device, codes = enrolled
    verify(half_signed_in, device)
    assert half_signed_in.get("/admin/").status_code == 200
    out = StringIO()
    call_command("reset_two_factor", superuser.username, stdout=out)
    output = out.getvalue()
    assert "2 device(s) removed" in output and "1 session(s) ended" in output
    assert device.key not in output and not any(code in output for code in codes)
    assert not TOTPDevice.objects.exists() and not StaticDevice.objects.exists()
    # The old session is gone; after the password the user sets up a new device.
    assert half_signed_in.get("/admin/")["Location"].startswith("/admin/login/")
    password_login(half_signed_in, superuser)
    assert half_signed_in.get("/admin/")["Location"].startswith(SETUP_URL)


def test_reset_two_factor_refuses_an_unknown_username(db):
    with pytest.raises(CommandError, match="no account"):
        call_command("reset_two_factor", "nobody")


# The deploy checks include content.E001, which reads the database for demo data.
@pytest.mark.django_db
def test_deploy_checks_fail_when_two_factor_is_off():
    with override_settings(ADMIN_REQUIRE_TWO_FACTOR=False):
        ids = {m.id for m in run_checks(include_deployment_checks=True)}
    assert "staff_auth.E001" in ids
    ids = {m.id for m in run_checks(include_deployment_checks=True)}
    assert "staff_auth.E001" not in ids


def test_two_factor_is_on_by_default_and_off_only_in_tests_and_dev():
    from clinic_site.settings import base

    assert base.ADMIN_REQUIRE_TWO_FACTOR is True
    assert settings.ADMIN_REQUIRE_TWO_FACTOR is True  # this module's fixture
    assert reverse("staff_auth:setup") == SETUP_URL


def test_the_account_page_links_to_two_factor_settings(site_tree, enrolled, half_signed_in):
    verify(half_signed_in, enrolled[0])
    html = half_signed_in.get("/admin/account/").content.decode()
    assert 'href="/admin/two-factor/backup-codes/"' in html
    assert "Two-factor sign-in" in html


def test_making_new_codes_after_signing_in_with_a_backup_code_keeps_the_session(
    site_tree, enrolled, half_signed_in
):
    half_signed_in.post(BACKUP_URL, {"backup_code": enrolled[1][0]})
    assert is_verified(half_signed_in)
    half_signed_in.post("/admin/two-factor/backup-codes/")
    assert half_signed_in.get("/admin/").status_code == 200
