"""{% photo_request_messages %}: the fixed messages of "Ask for more photos" (issue 16),
from the one place the email also reads them (screening/follow_up.py)."""

from django import template

from screening.follow_up import PHOTO_REQUEST_MESSAGES
from screening.models import PhotoView

register = template.Library()


@register.simple_tag
def photo_request_messages():
    return list(PHOTO_REQUEST_MESSAGES.items())


VIEW_ORDER = {view: number for number, view in enumerate(PhotoView.values)}


@register.simple_tag
def submission_photos(submission):
    """A submission's photos in the order of the views (front, top, crown, left, right,
    other), the newest first within a view."""
    photos = sorted(submission.photos.all(), key=lambda p: p.uploaded_at, reverse=True)
    return sorted(photos, key=lambda p: VIEW_ORDER.get(p.view, len(VIEW_ORDER)))
