"""{% photo_request_messages %}: the fixed messages of "Ask for more photos" (issue 16),
from the one place the email also reads them (screening/follow_up.py)."""

from django import template

from screening.follow_up import PHOTO_REQUEST_MESSAGES

register = template.Library()


@register.simple_tag
def photo_request_messages():
    return list(PHOTO_REQUEST_MESSAGES.items())
