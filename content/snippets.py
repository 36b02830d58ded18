"""Snippets that say who stands behind the site and what the clinic offers.

* ``Clinician``: the people who sign off clinical content, with their professional
  registration so patients can check it on the public register.
* ``Treatment``: what the clinic actually offers and under which regulatory status.

Both carry ``is_demo``: the fictional records that ``load_initial_data`` creates for a
local or demo site say so on every page that shows them, and ``manage.py check --deploy``
refuses to pass while any of them is still in the database (content/checks.py).
"""

from django.core.exceptions import ValidationError
from django.db import models
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.snippets.views.snippets import SnippetViewSet

DEMO_HELP = (
    "Ticked for the fictional example data the site is built with. Untick only once "
    "every detail here is real: the site shows a “demo” label while it is ticked, and "
    "a production deployment check fails."
)


class RegistrationBody(models.TextChoices):
    GMC = "GMC", "General Medical Council (GMC)"
    NMC = "NMC", "Nursing and Midwifery Council (NMC)"
    GPHC = "GPhC", "General Pharmaceutical Council (GPhC)"
    HCPC = "HCPC", "Health and Care Professions Council (HCPC)"
    GDC = "GDC", "General Dental Council (GDC)"
    OTHER = "other", "Another register (named in the qualifications)"


class Clinician(models.Model):
    name = models.CharField(
        max_length=120, help_text="As patients should see it, e.g. “Dr Ana Ruiz”."
    )
    slug = models.SlugField(
        max_length=80,
        unique=True,
        help_text="Used in the link to this person’s profile, e.g. “ana-ruiz”.",
    )
    role = models.CharField(
        max_length=120, blank=True, help_text="Job title at the clinic, e.g. “Lead dermatologist”."
    )
    qualifications = models.CharField(
        max_length=200, help_text="Degrees and memberships, e.g. “MBBS, MRCP (Dermatology)”."
    )
    registration_body = models.CharField(
        "professional register", max_length=10, choices=RegistrationBody.choices
    )
    registration_number = models.CharField(
        max_length=40, help_text="As the register shows it, e.g. “7654321”."
    )
    register_url = models.URLField(
        "link to the public register",
        help_text="The page of the public register where patients can check this registration.",
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional. A plain head-and-shoulders photo.",
    )
    biography = models.TextField(
        max_length=1200,
        blank=True,
        help_text="A few plain sentences: training, experience, what they do at the clinic.",
    )
    is_demo = models.BooleanField("demo data", default=False, help_text=DEMO_HELP)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("role"),
        FieldPanel("qualifications"),
        MultiFieldPanel(
            [
                FieldPanel("registration_body"),
                FieldPanel("registration_number"),
                FieldPanel("register_url"),
            ],
            heading="Professional registration",
        ),
        FieldPanel("photo"),
        FieldPanel("biography"),
        FieldPanel("is_demo"),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return f"{self.name}, {self.qualifications}" if self.qualifications else self.name

    @property
    def registration(self) -> str:
        """E.g. “GMC 7654321”: the register's short name and the number."""
        return f"{self.registration_body} {self.registration_number}".strip()

    @property
    def anchor(self) -> str:
        """The id of this person's profile on the “Our clinicians” page."""
        return f"clinician-{self.slug}"


class ClinicianViewSet(SnippetViewSet):
    model = Clinician
    icon = "user"
    menu_label = "Clinicians"
    list_display = ["name", "role", "registration", "is_demo"]
    search_fields = ["name", "role"]


class RegulatoryClassification(models.TextChoices):
    MEDICINE = (
        "medicine",
        "A medicine: advanced therapy medicinal product (ATMP), authorised for this use",
    )
    DEVICE = "device", "A procedure using a CE- or UKCA-marked medical device"
    COSMETIC = "cosmetic", "A cosmetic product (not authorised as a medicine)"
    TRIAL = "trial", "Offered only within an approved clinical trial"
    HOSPITAL_EXEMPTION = (
        "hospital_exemption",
        "Made for one patient under the hospital exemption (an unlicensed ATMP)",
    )


class RegistrationBlock(blocks.StructBlock):
    """One regulator that covers part of what the clinic does, with its reference."""

    regulator = blocks.CharBlock(
        max_length=120,
        help_text="E.g. “Care Quality Commission (CQC)”, “Human Tissue Authority (HTA)”, “MHRA”.",
    )
    covers = blocks.CharBlock(
        label="What it covers",
        max_length=250,
        help_text="E.g. “registers the clinic for surgical procedures”.",
    )
    number = blocks.CharBlock(label="Registration or licence number", max_length=60)
    url = blocks.URLBlock(label="Link to the public record", required=False)

    class Meta:
        icon = "doc-full"
        label_format = "{regulator}: {number}"


class Treatment(models.Model):
    """A treatment the clinic offers, and what regulates it."""

    name = models.CharField(max_length=120, help_text="As patients see it on the website.")
    slug = models.SlugField(max_length=80, unique=True)
    what_is_done = models.TextField(
        max_length=800, help_text="Plain words: what is taken, how it is prepared, where it goes."
    )
    device_or_process = models.CharField(
        max_length=250,
        help_text="The device or process used, e.g. “a CE-marked device that fragments a "
        "small piece of scalp skin; nothing is grown in a laboratory”.",
    )
    contains_living_cells = models.TextField(
        "what is injected",
        max_length=400,
        help_text="Whether living cells are injected and how many are stem cells, as far as "
        "anyone knows. Write “cells from your own scalp”, not “stem cell injection”.",
    )
    classification = models.CharField(
        "regulatory classification",
        max_length=20,
        choices=RegulatoryClassification.choices,
    )
    offered_within_trial = models.BooleanField("offered within a clinical trial", default=False)
    trial_registration = models.CharField(
        max_length=40,
        blank=True,
        help_text="The trial's registry number (e.g. an ISRCTN or NCT number), if any.",
    )
    price_range = models.CharField(
        max_length=120, help_text="E.g. “£1,800 to £2,400 per session, consultation £150”."
    )
    what_this_is_not = models.TextField(
        "what this is not",
        max_length=600,
        help_text="E.g. “It is not an authorised medicine. The CE mark covers the device, not "
        "whether the treatment works for hair loss.”",
    )
    # A StreamField rather than a child table: every article shows the registrations,
    # and one query for the treatments keeps the article within its query budget.
    registrations = StreamField(
        [("registration", RegistrationBlock())],
        min_num=1,
        verbose_name="regulators and registration numbers",
        help_text="Every regulator that covers what the clinic does (medicines or devices, "
        "tissue, the clinic itself), with the number patients can check.",
    )
    is_demo = models.BooleanField("demo data", default=False, help_text=DEMO_HELP)
    sort_order = models.PositiveSmallIntegerField(
        default=0, help_text="Treatments are shown in this order, lowest first."
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("what_is_done"),
        FieldPanel("device_or_process"),
        FieldPanel("contains_living_cells"),
        MultiFieldPanel(
            [
                FieldPanel("classification"),
                FieldPanel("offered_within_trial"),
                FieldPanel("trial_registration"),
                FieldPanel("registrations"),
            ],
            heading="Regulatory status",
        ),
        FieldPanel("price_range"),
        FieldPanel("what_this_is_not"),
        FieldPanel("is_demo"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.classification == RegulatoryClassification.TRIAL and not self.offered_within_trial:
            raise ValidationError(
                {"offered_within_trial": "A treatment classed as a trial is offered within one."}
            )
        if self.offered_within_trial and not self.trial_registration.strip():
            raise ValidationError(
                {"trial_registration": "Give the trial's registry number so patients can check it."}
            )

    @property
    def anchor(self) -> str:
        return f"treatment-{self.slug}"

    @property
    def registration_list(self) -> list[dict]:
        return [block.value for block in self.registrations]


class TreatmentViewSet(SnippetViewSet):
    model = Treatment
    icon = "clipboard-list"
    menu_label = "Treatments"
    list_display = ["name", "classification", "is_demo"]
    search_fields = ["name"]
