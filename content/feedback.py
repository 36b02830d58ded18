"""“Was this page helpful?”: what a visitor tells us about one page, and the form for it.

Nothing here identifies the visitor: no name, no address, no IP, no session. The comment
box asks people not to include personal details, and anything that still looks like an
email address or phone number is removed before the comment is stored.
"""

from django import forms
from django.db import models
from django.db.models import Count, Q

from clinic_site.log_filters import redact

COMMENT_MAX_LENGTH = 1000


class PageFeedback(models.Model):
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="feedback")
    helpful = models.BooleanField()
    comment = models.TextField(blank=True, max_length=COMMENT_MAX_LENGTH)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "page feedback"
        verbose_name_plural = "page feedback"

    def __str__(self):
        return f"{'Helpful' if self.helpful else 'Not helpful'} ({self.page_id})"


def with_feedback_counts(pages):
    """Annotate a page queryset with `helpful_yes` and `helpful_no` (one query, no N+1)."""
    return pages.annotate(
        helpful_yes=Count("feedback", filter=Q(feedback__helpful=True)),
        helpful_no=Count("feedback", filter=Q(feedback__helpful=False)),
    )


def describe_counts(yes: int, no: int) -> str:
    if not yes and not no:
        return "No feedback yet"
    return f"{yes} yes, {no} no"


class FeedbackForm(forms.Form):
    helpful = forms.TypedChoiceField(
        choices=[("yes", "Yes"), ("no", "No")],
        coerce=lambda value: value == "yes",
        error_messages={
            "required": "Choose Yes or No.",
            "invalid_choice": "Choose Yes or No.",
        },
    )
    comment = forms.CharField(
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        strip=True,
        error_messages={
            "max_length": f"Keep your comment under {COMMENT_MAX_LENGTH} characters.",
        },
    )

    def clean_comment(self):
        # Defence in depth: the form asks for no personal details; some people add them.
        return redact(self.cleaned_data["comment"])
