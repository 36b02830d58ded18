"""Forms of the staff sign-in: password step and the two-factor steps."""

import re

from django import forms
from wagtail.admin.forms.auth import LoginForm

from staff_auth.two_factor import normalise_code


class StaffLoginForm(LoginForm):
    """Wagtail's login form without "Remember me": a staff session never outlives the browser."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["remember"]


class AuthenticatorCodeForm(forms.Form):
    otp_token = forms.CharField(
        label="6-digit code from your authenticator app",
        max_length=20,
        strip=True,
        error_messages={"required": "Enter the 6-digit code shown in your authenticator app."},
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "autofocus": True,
                "spellcheck": "false",
                "size": 8,
            }
        ),
    )

    def clean_otp_token(self):
        code = normalise_code(self.cleaned_data["otp_token"])
        if not re.fullmatch(r"\d{6}", code):
            raise forms.ValidationError(
                "Enter the 6-digit code shown in your authenticator app, numbers only.",
                code="format",
            )
        return code


class BackupCodeForm(forms.Form):
    backup_code = forms.CharField(
        label="Backup code",
        help_text="One of the codes you saved when you set up two-factor sign-in. "
        "Each code works once.",
        max_length=40,
        strip=True,
        error_messages={"required": "Enter one of your backup codes."},
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "autocapitalize": "none",
                "spellcheck": "false",
                "autofocus": True,
                "size": 12,
            }
        ),
    )

    def clean_backup_code(self):
        code = normalise_code(self.cleaned_data["backup_code"])
        if not re.fullmatch(r"[a-z2-7]{8}", code):
            raise forms.ValidationError(
                "A backup code is 8 letters and digits, like “abcd 2345”.", code="format"
            )
        return code
