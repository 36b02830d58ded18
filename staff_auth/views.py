"""The two-factor steps of the admin sign-in: set up, verify, backup codes.

They live under /admin/two-factor/ (registered through a Wagtail hook, so Wagtail's
"may use the admin" check applies) and get the admin's headers and no-store. A user
who has signed in with a password but not yet with a second factor can reach only
the set-up and verify steps (AdminTwoFactorMiddleware).
"""

import logging

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login
from django_otp import verify_token
from django_otp.plugins.otp_static.models import StaticDevice

from staff_auth import otp_secrets, two_factor
from staff_auth.forms import AuthenticatorCodeForm, BackupCodeForm

logger = logging.getLogger(__name__)

WRONG_CODE = (
    "That code is not right. Check you are using the entry for this site and try the current code."
)
WRONG_BACKUP_CODE = "That backup code is not right, or it has already been used."
TOO_MANY_ATTEMPTS = "Too many wrong codes. For your security, wait a little before trying again."


def safe_next_url(request) -> str:
    """Where to go after the second factor: an admin URL on this site, else the dashboard."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate.startswith(settings.ADMIN_URL_PREFIX) and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return reverse("wagtailadmin_home")


def with_next(url_name: str, next_url: str) -> str:
    return f"{reverse(url_name)}?{urlencode({'next': next_url})}"


def complete_sign_in(request, device):
    """Mark the session as verified by ``device`` and give it a fresh key."""
    otp_login(request, device)
    request.session.cycle_key()


def _verify_with(request, device, form, code_field, wrong_message):
    """Check the form's code against ``device`` (throttled by django-otp); True if verified."""
    allowed, _ = device.verify_is_allowed()
    if not allowed:
        form.add_error(code_field, TOO_MANY_ATTEMPTS)
        logger.warning("Two-factor code refused (throttled) for user id %s", request.user.pk)
        return False
    code = form.cleaned_data[code_field]
    if isinstance(device, StaticDevice):
        code = otp_secrets.hash_backup_code(code)  # backup codes are stored hashed
    verified = verify_token(request.user, device.persistent_id, code)
    if verified is None:
        form.add_error(code_field, wrong_message)
        logger.warning("Wrong two-factor code for user id %s", request.user.pk)
        return False
    complete_sign_in(request, verified)
    logger.info("Two-factor sign-in completed for user id %s", request.user.pk)
    return True


@require_http_methods(["GET", "POST"])
def setup(request):
    """First sign-in: scan a QR code, confirm with a code, then see the backup codes once."""
    user = request.user
    next_url = safe_next_url(request)
    if two_factor.has_confirmed_device(user):
        if user.is_verified():
            return redirect("staff_auth:backup_codes")
        return redirect(with_next("staff_auth:verify", next_url))

    device = two_factor.totp_device_for_enrolment(user)
    form = AuthenticatorCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        allowed, _ = device.verify_is_allowed()
        if not allowed:
            form.add_error("otp_token", TOO_MANY_ATTEMPTS)
        elif two_factor.confirm_totp_device(device, form.cleaned_data["otp_token"]):
            codes = two_factor.issue_backup_codes(user)
            complete_sign_in(request, device)
            return render(
                request,
                "staff_auth/backup_codes_issued.html",
                {"codes": codes, "next": next_url, "first_time": True},
            )
        else:
            form.add_error("otp_token", WRONG_CODE)
    return render(
        request,
        "staff_auth/setup.html",
        {
            "form": form,
            "next": next_url,
            "qr_code_svg": two_factor.qr_code_svg(device),
            "secret": two_factor.secret_for_manual_entry(device),
            "issuer": settings.OTP_TOTP_ISSUER,
        },
    )


@require_http_methods(["GET", "POST"])
def verify(request):
    """Each sign-in: the current code from the authenticator app."""
    user = request.user
    next_url = safe_next_url(request)
    if user.is_verified():
        return redirect(next_url)
    device = two_factor.confirmed_totp_device(user)
    if device is None:
        if two_factor.backup_code_device(user) is not None:
            return redirect(with_next("staff_auth:verify_backup", next_url))
        return redirect(with_next("staff_auth:setup", next_url))

    form = AuthenticatorCodeForm(request.POST or None)
    if (
        request.method == "POST"
        and form.is_valid()
        and _verify_with(request, device, form, "otp_token", WRONG_CODE)
    ):
        return redirect(next_url)
    return render(request, "staff_auth/verify.html", {"form": form, "next": next_url})


@require_http_methods(["GET", "POST"])
def verify_backup(request):
    """Lost or forgotten phone: one of the backup codes, each usable once."""
    user = request.user
    next_url = safe_next_url(request)
    if user.is_verified():
        return redirect(next_url)
    device = two_factor.backup_code_device(user)
    form = BackupCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device is None:
            form.add_error("backup_code", WRONG_BACKUP_CODE)
        elif _verify_with(request, device, form, "backup_code", WRONG_BACKUP_CODE):
            remaining = two_factor.remaining_backup_codes(user)
            messages.warning(
                request,
                f"You signed in with a backup code. You have {remaining} left: "
                "make a new set from your account page when you are running low.",
            )
            return redirect(next_url)
    return render(request, "staff_auth/verify_backup.html", {"form": form, "next": next_url})


@require_http_methods(["GET", "POST"])
def backup_codes(request):
    """For a verified user: how many backup codes are left, and a new set on request."""
    user = request.user
    if request.method == "POST":
        signed_in_with_backup_code = isinstance(user.otp_device, StaticDevice)
        codes = two_factor.issue_backup_codes(user)
        if signed_in_with_backup_code:
            # The old set (which verified this session) is gone: keep the session verified.
            otp_login(request, two_factor.backup_code_device(user))
        return render(
            request,
            "staff_auth/backup_codes_issued.html",
            {"codes": codes, "next": reverse("wagtailadmin_account"), "first_time": False},
        )
    return render(
        request,
        "staff_auth/backup_codes.html",
        {"remaining": two_factor.remaining_backup_codes(user)},
    )
