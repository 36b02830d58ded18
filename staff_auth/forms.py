"""Forms of the staff sign-in: password step and the two-factor steps."""

from wagtail.admin.forms.auth import LoginForm


class StaffLoginForm(LoginForm):
    """Wagtail's login form without "Remember me": a staff session never outlives the browser."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["remember"]
