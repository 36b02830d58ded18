"""Wagtail's "forgot password" form, with a per-address limit on the emails it can send.

Without a limit anyone could make the site send a stream of reset emails to a staff
address (annoying, and noise that hides a real attack). Django's form already says the
same thing whether or not the address belongs to anyone; the limit counts every POST,
so it reveals nothing either.
"""

from django.conf import settings
from wagtail.admin.views.account import PasswordResetView

from clinic_site.ratelimit import hit, parse_rate

DEFAULT_RATE = "5/hour"
TOO_MANY_REQUESTS = (
    "Too many password reset requests from your network. Wait {minutes} and try again, "
    "or ask a clinic administrator to reset your password."
)


def reset_rate():
    value = getattr(settings, "STAFF_PASSWORD_RESET_RATE", DEFAULT_RATE)
    return parse_rate(value, "STAFF_PASSWORD_RESET_RATE")


def _minutes(seconds: int) -> str:
    minutes = max(1, -(-seconds // 60))
    return "1 minute" if minutes == 1 else f"{minutes} minutes"


class ThrottledPasswordResetView(PasswordResetView):
    def post(self, request, *args, **kwargs):
        verdict = hit(request, "staff:password-reset", reset_rate())
        if verdict.allowed:
            return super().post(request, *args, **kwargs)
        form = self.get_form()
        form.is_valid()  # keep what was typed on the page; nothing is sent
        form.add_error(None, TOO_MANY_REQUESTS.format(minutes=_minutes(verdict.retry_after)))
        response = self.render_to_response(self.get_context_data(form=form))
        response.status_code = 429
        response["Retry-After"] = str(verdict.retry_after)
        return response
