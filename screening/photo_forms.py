"""The photo step's form (issue 16): one file input per view and the photo consent.

Each file gets only the cheap content check here (screening/photos.py); nothing is stored
until every file in the request passed, so a refused photo leaves nothing half-saved.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError

from screening import photos
from screening.forms import StepForm

CONSENT_PHOTOS_LABEL = (
    "I agree that the clinic may keep and look at my photos. "
    "I understand that photos of my scalp are health information."
)
CONSENT_PHOTOS_HINT = (
    "Only needed if you add a photo. Only the clinic's clinical staff can see your photos."
)
CONSENT_PHOTOS_REQUIRED = "Tick the box to say we may keep your photos, or remove the photos."


def field_name(view: str) -> str:
    return f"photo_{view}"


class PhotoFileInput(forms.FileInput):
    def __init__(self):
        # accept="image/*" lets a phone offer its camera as well as its photo library.
        super().__init__(attrs={"accept": "image/*", "class": "screening-photo-input"})


class PhotoForm(StepForm):
    """Photos for the guided views (and ``other`` on the follow-up page).

    ``existing`` is the set of views that already have a photo (a new one replaces it);
    ``consented`` says whether the patient agreed to photos before."""

    def __init__(self, *args, views=None, existing=frozenset(), consented=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.views = list(views or photos.GUIDED_VIEWS)
        self.existing = set(existing)
        self.consented = consented
        for view, guide in self.views:
            self.fields[field_name(view)] = forms.FileField(
                label=f"{view.label}",
                help_text=guide,
                required=False,
                widget=PhotoFileInput(),
            )
        if not consented:
            self.fields["consent_photos"] = forms.BooleanField(
                label=CONSENT_PHOTOS_LABEL, help_text=CONSENT_PHOTOS_HINT, required=False
            )
        self.checked: dict[str, photos.CheckedUpload] = {}

    def clean(self):
        cleaned = super().clean()
        for view, _ in self.views:
            name = field_name(view)
            uploaded = cleaned.get(name)
            if not uploaded:
                continue
            try:
                self.checked[view] = photos.check_upload(uploaded)
            except photos.PhotoRefused as refused:
                self.add_error(name, ValidationError(str(refused), code="photo_refused"))
        if self.errors:
            self.checked = {}
            return cleaned
        views_after = self.existing | set(self.checked)
        if len(views_after) > photos.max_photos():
            raise ValidationError(
                f"You can send up to {photos.max_photos()} photos. Remove one first.",
                code="too_many",
            )
        if self.checked and not self.consented and not cleaned.get("consent_photos"):
            self.checked = {}
            self.add_error(
                "consent_photos", ValidationError(CONSENT_PHOTOS_REQUIRED, code="required")
            )
        return cleaned

    def error_summary(self) -> list[tuple[str, str]]:
        """As every step's, with the view named: "Crown: This file is not a photo …"."""
        items = []
        for anchor, message in super().error_summary():
            name = anchor.removeprefix("id_")
            if name.startswith("photo_") and name in self.fields:
                message = f"{self.fields[name].label}: {message}"
            items.append((anchor, message))
        return items

    @property
    def consent_given(self) -> bool:
        return self.consented or bool(self.cleaned_data.get("consent_photos"))
