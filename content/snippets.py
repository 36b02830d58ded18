"""Clinicians who sign off clinical content (shown on every article they review)."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.views.snippets import SnippetViewSet


class Clinician(models.Model):
    name = models.CharField(
        max_length=120, help_text="As patients should see it, e.g. “Dr Ana Ruiz”."
    )
    credentials = models.CharField(
        max_length=200,
        help_text="Qualifications and registration, e.g. “MBBS, MRCP (Dermatology), GMC 1234567”.",
    )
    role = models.CharField(
        max_length=120, blank=True, help_text="Job title at the clinic, e.g. “Lead dermatologist”."
    )

    panels = [FieldPanel("name"), FieldPanel("credentials"), FieldPanel("role")]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return f"{self.name}, {self.credentials}" if self.credentials else self.name


class ClinicianViewSet(SnippetViewSet):
    model = Clinician
    icon = "user"
    menu_label = "Clinicians"
    list_display = ["name", "credentials", "role"]
    search_fields = ["name", "credentials", "role"]
