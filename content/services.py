"""Side effects of the content app's public forms."""

from django.db import transaction

from content.feedback import PageFeedback


@transaction.atomic
def record_feedback(page, *, helpful: bool, comment: str) -> PageFeedback:
    """Store one answer to “Was this page helpful?” for `page`."""
    return PageFeedback.objects.create(page=page, helpful=helpful, comment=comment)
