"""Staff sign-in helpers: the test staff password and the authenticator app's current code."""

from django_otp.oath import totp

STAFF_PASSWORD = "plum-harbour-lantern-42"


def code_for(device, steps_ahead=0):
    """The device's TOTP code, computed with django-otp's own implementation."""
    value = totp(
        device.bin_key,
        step=device.step,
        t0=device.t0,
        digits=device.digits,
        drift=device.drift + steps_ahead,
    )
    return f"{value:0{device.digits}d}"
