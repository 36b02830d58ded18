"""Clinic details editors manage in one place (footer, contact page, structured data)."""

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="site")
class ClinicSettings(BaseSiteSetting):
    clinic_name = models.CharField(max_length=120, default="Northgate Hair Clinic")
    phone = models.CharField(max_length=40, blank=True)
    email = models.EmailField(blank=True)
    street_address = models.CharField(max_length=200, blank=True)
    locality = models.CharField("town or city", max_length=100, blank=True)
    postal_code = models.CharField(max_length=20, blank=True)
    country = models.CharField(max_length=60, blank=True, default="United Kingdom")
    opening_hours = models.CharField(
        max_length=200,
        blank=True,
        help_text="As patients should read it, e.g. “Monday to Friday, 9:00–17:30”.",
    )
    notification_email = models.EmailField(
        "staff notification address",
        blank=True,
        help_text="New screening submissions are announced here (reference and link only).",
    )

    panels = [
        FieldPanel("clinic_name"),
        MultiFieldPanel(
            [FieldPanel("phone"), FieldPanel("email"), FieldPanel("opening_hours")],
            heading="How patients reach us",
        ),
        MultiFieldPanel(
            [
                FieldPanel("street_address"),
                FieldPanel("locality"),
                FieldPanel("postal_code"),
                FieldPanel("country"),
            ],
            heading="Address",
        ),
        FieldPanel("notification_email"),
    ]

    class Meta:
        verbose_name = "clinic details"

    def __str__(self):
        return self.clinic_name
