"""What a pre-screening submission stores, and the staff review around it.

A submission keeps the patient's answers exactly as given (contract keys and codes),
the assessment they produced with the criteria version, the contact details and the
consents with their times. Patients' answers are never edited afterwards; staff add
notes and re-assessments beside them.
"""

import secrets
import uuid

from django.conf import settings
from django.db import models

from clinic_site import crypto
from clinic_site.fields import EncryptedJSONField, EncryptedTextField
from screening.criteria import OUTCOMES, STAGE_LABELS, Outcome, Stage

# Crockford-style alphabet: no 0/O, 1/I/L or U, so a reference read over the phone
# cannot be misheard or mistyped.
REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
REFERENCE_PREFIX = "HS"


def new_reference() -> str:
    """e.g. HS-7K3M-Q9XT: 8 random characters (~39 bits), unguessable in practice."""
    body = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
    return f"{REFERENCE_PREFIX}-{body[:4]}-{body[4:]}"


class Status(models.TextChoices):
    NEW = "new", "New"
    IN_REVIEW = "in_review", "In review"
    CONTACTED = "contacted", "Contacted"
    CONSULTATION_BOOKED = "consultation_booked", "Consultation booked"
    NOT_SUITABLE = "not_suitable", "Not suitable"
    CLOSED = "closed", "Closed"
    WITHDRAWN = "withdrawn", "Withdrawn"


OutcomeChoices = models.TextChoices(
    "OutcomeChoices", [(o.value.upper(), (o.value, OUTCOMES[o].staff_label)) for o in Outcome]
)
StageChoices = models.TextChoices(
    "StageChoices", [(s.value.upper(), (s.value, STAGE_LABELS[s])) for s in Stage]
)


class ClinicianDecision(models.TextChoices):
    """What the clinician decided after the consultation (issue 18)."""

    SUITABLE = "suitable", "Suitable"
    SUITABLE_WITH_CONDITIONS = "suitable_with_conditions", "Suitable with conditions"
    NOT_SUITABLE = "not_suitable", "Not suitable"
    REFERRED_ELSEWHERE = "referred_elsewhere", "Referred elsewhere"
    DID_NOT_ATTEND = "did_not_attend", "Did not attend"


class PreferredContact(models.TextChoices):
    EMAIL = "email", "Email"
    PHONE = "phone", "Phone"


def attention_rank():
    """The "needs attention first" rank (issue 18): 0 refer for a diagnosis, 1 refer for a
    safety review, 2 everything else. Defined here so that the listing's order and the
    index that serves it (Submission.Meta) are the same expression."""
    return models.Case(
        models.When(outcome="refer", referral__contains="diagnosis", then=models.Value(0)),
        models.When(outcome="refer", referral__contains="safety", then=models.Value(1)),
        default=models.Value(2),
        output_field=models.IntegerField(),
    )


class Submission(models.Model):
    reference = models.CharField(max_length=12, unique=True, default=new_reference, editable=False)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    # One id per questionnaire run, kept in the patient's session: a double click,
    # a refresh or Back-then-submit finds the existing submission instead of a new one.
    flow_id = models.UUIDField(unique=True, null=True, blank=True, editable=False)

    # Patient data is encrypted at rest (clinic_site.fields): answers, reasons (they quote
    # the answers), name, email and phone. What the staff list filters and sorts on stays
    # plaintext: outcome, score, stage band, criteria version, status, assignee, dates.
    answers = EncryptedJSONField(help_text="The patient's answers: contract keys and codes.")
    outcome = models.CharField(max_length=12, choices=OutcomeChoices.choices, db_index=True)
    score = models.PositiveSmallIntegerField(db_index=True)
    reasons = EncryptedJSONField(default=list)
    criteria_version = models.CharField(max_length=32)
    # Derived from the answers when assessed; stored so the staff list can show and
    # filter them without reading every JSON document.
    stage = models.CharField(max_length=12, choices=StageChoices.choices)
    has_medical_conditions = models.BooleanField(db_index=True)
    # Criteria v2: why a refer result sends the patient to a doctor first, as the
    # Assessment's referral kinds joined by spaces ("diagnosis", "safety" or both).
    # Empty for every other outcome and for v1 submissions stored before v2.
    referral = models.CharField(max_length=32, blank=True, default="", db_index=True)

    name = EncryptedTextField(max_length=120)
    email = EncryptedTextField(max_length=254)
    phone = EncryptedTextField(max_length=32, blank=True)
    # Keyed blind indexes (HMAC-SHA256 under BLIND_INDEX_KEY) of the normalised email and
    # phone: exact-match search, linking repeat submissions and erasure by email.
    email_index = models.CharField(max_length=64, db_index=True, editable=False, default="")
    phone_index = models.CharField(
        max_length=64, db_index=True, editable=False, blank=True, default=""
    )
    preferred_contact = models.CharField(max_length=5, choices=PreferredContact.choices)

    consent_text_version = models.CharField(max_length=32)
    consent_health_data_at = models.DateTimeField()
    consent_contact_at = models.DateTimeField()
    consent_marketing_at = models.DateTimeField(null=True, blank=True)
    # Issue 16: asked separately, and only when the patient added a photo.
    consent_photos_at = models.DateTimeField(null=True, blank=True)

    # The patient's follow-up link (screening/follow_up.py) is signed and carries this
    # random value: a link made before an erasure can never open a later submission.
    follow_up_nonce = models.CharField(max_length=32, blank=True, default="", editable=False)
    # Staff asked the patient for more photos ("Ask for more photos"): when, and which of
    # the fixed messages (follow_up.PHOTO_REQUEST_MESSAGES) the email carried.
    more_photos_requested_at = models.DateTimeField(null=True, blank=True)
    more_photos_message = models.CharField(max_length=32, blank=True, default="")

    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.NEW, db_index=True
    )
    status_changed_at = models.DateTimeField(null=True, blank=True)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_submissions",
    )
    # The clinician's decision after the consultation, beside the score: the evidence for
    # the "Score and clinician agreement" report. The reason may hold health data, so it
    # is encrypted; the decision code is plaintext so the report can count it.
    clinician_decision = models.CharField(
        max_length=32, choices=ClinicianDecision.choices, blank=True, default="", db_index=True
    )
    clinician_decision_reason = EncryptedTextField(max_length=2000, blank=True, default="")
    clinician_decision_at = models.DateTimeField(null=True, blank=True)
    clinician_decision_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Demo and load-test data (screening_demo_data) is marked so it can never be
    # mistaken for a patient.
    is_synthetic = models.BooleanField(default=False, editable=False)

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["status", "-created_at"], name="submission_status_recent"),
            models.Index(fields=["outcome", "-created_at"], name="submission_outcome_recent"),
            models.Index(fields=["assigned_to", "-created_at"], name="submission_assignee_recent"),
            # The list's default order, read from the index instead of sorting every row
            # (100k rows on PostgreSQL: 470 ms -> 26 ms for the first page).
            models.Index(
                attention_rank(),
                models.F("created_at"),
                models.F("id"),
                name="submission_attention_order",
            ),
        ]
        permissions = [
            ("export_submission", "Can export screening submissions"),
            ("erase_submission", "Can erase screening submissions (right to erasure)"),
            ("purge_submission", "Can purge expired screening submissions"),
            (
                "report_submission",
                "Can see screening reports (score and clinician agreement)",
            ),
        ]

    def __str__(self):
        # Only the reference: this string ends up in audit logs and must carry no
        # personal data.
        return self.reference

    def save(self, *args, **kwargs):
        self.refresh_blind_indexes()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and {"email", "phone"} & set(update_fields):
            kwargs["update_fields"] = {*update_fields, "email_index", "phone_index"}
        super().save(*args, **kwargs)

    def refresh_blind_indexes(self) -> None:
        self.email_index = crypto.email_index(self.email or "")
        self.phone_index = crypto.phone_index(self.phone or "")

    @property
    def consent_marketing(self) -> bool:
        return self.consent_marketing_at is not None


class ReviewNote(models.Model):
    """An internal note by staff. Append-only: notes are never edited or deleted alone."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Staff write about the patient's health here: encrypted like the answers.
    text = EncryptedTextField(max_length=4000)

    class Meta:
        ordering = ["created_at"]

    def __str__(self):
        return f"Note on {self.submission_id} at {self.created_at:%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs):
        # The admin offers no edit; this keeps any other code path honest too.
        if self.pk is not None and not self._state.adding:
            raise ValueError("Review notes are append-only: add a new note instead.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        # Notes go only with their submission (erasure or purge cascades in the database).
        raise ValueError("Review notes are append-only and cannot be deleted one by one.")


class Reassessment(models.Model):
    """A later assessment of the same answers under newer criteria, kept beside the original."""

    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="reassessments"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    outcome = models.CharField(max_length=12, choices=OutcomeChoices.choices)
    score = models.PositiveSmallIntegerField()
    reasons = EncryptedJSONField(default=list)
    criteria_version = models.CharField(max_length=32)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"Reassessment of {self.submission_id} ({self.criteria_version})"


class PhotoView(models.TextChoices):
    FRONT = "front", "Front hairline"
    TOP = "top", "Top of the head"
    CROWN = "crown", "Crown"
    LEFT = "left", "Left side"
    RIGHT = "right", "Right side"
    OTHER = "other", "Other"


class PhotoStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    READY = "ready", "Ready"
    REJECTED = "rejected", "Rejected"


class SubmissionPhoto(models.Model):
    """A scalp photo a patient added (issue 16). The files live encrypted in the
    ``screening_photos`` storage (screening/photos.py), never under MEDIA_ROOT; this row
    holds their storage names and what the worker found. Until the questionnaire is sent,
    ``submission`` is empty and ``flow_id`` ties the photo to the patient's run."""

    # Not guessable: the id is the only thing in a staff photo URL.
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    submission = models.ForeignKey(
        Submission, null=True, blank=True, on_delete=models.CASCADE, related_name="photos"
    )
    flow_id = models.UUIDField(null=True, blank=True, db_index=True, editable=False)
    view = models.CharField(max_length=8, choices=PhotoView.choices)
    uploaded_at = models.DateTimeField(auto_now_add=True, db_index=True)
    processed_at = models.DateTimeField(null=True, blank=True)
    width = models.PositiveIntegerField(null=True, blank=True)
    height = models.PositiveIntegerField(null=True, blank=True)
    size = models.PositiveIntegerField(null=True, blank=True)
    sha256 = models.CharField(max_length=64, blank=True, default="")
    status = models.CharField(
        max_length=8, choices=PhotoStatus.choices, default=PhotoStatus.PENDING, db_index=True
    )
    reason = models.CharField(max_length=200, blank=True, default="")
    content_type = models.CharField(max_length=32, blank=True, default="")
    # Storage names (encrypted files): the upload as sent until the worker has processed
    # it, then the processed image and its staff thumbnail.
    upload_name = models.CharField(max_length=200, blank=True, default="")
    image_name = models.CharField(max_length=200, blank=True, default="")
    thumbnail_name = models.CharField(max_length=200, blank=True, default="")

    class Meta:
        ordering = ["uploaded_at"]

    def __str__(self):
        return f"Photo {self.pk} ({self.view})"

    @property
    def file_names(self) -> list[str]:
        return [name for name in (self.upload_name, self.image_name, self.thumbnail_name) if name]


class FunnelCount(models.Model):
    """How many questionnaire runs reached a point on a day, under a criteria version
    (issue 18, item 4). Aggregate counters only: no session, no answer, nothing about a
    person. Written by ``screening.funnel`` with one upsert per request."""

    day = models.DateField()
    criteria_version = models.CharField(max_length=32)
    # "started", "step:<slug>", "check_your_answers", "submitted", "refused_under_18",
    # "refused_too_quick" (screening.funnel.Event).
    event = models.CharField(max_length=64)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["day", "criteria_version", "event"], name="screening_funnel_unique_count"
            )
        ]
        verbose_name = "questionnaire funnel count"

    def __str__(self):
        return f"{self.day} {self.criteria_version} {self.event}: {self.count}"
