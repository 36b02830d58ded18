"""Staff-review test helpers: users in each role, signed-in clients, admin URLs, export columns."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

ROLES = ("editor", "moderator", "reviewer", "manager")
ROLE_GROUPS = {
    "editor": "Editors",
    "moderator": "Moderators",
    "reviewer": "Screening reviewers",
    "manager": "Screening managers",
}


def make_user(username, *groups, **extra):
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@clinic.example", password="unused-password-1"
    )
    for field, value in extra.items():
        setattr(user, field, value)
    user.save()
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


def client_for(user=None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def admin_url(name, *args):
    return reverse(f"screening_submissions:{name}", args=args)


# The export's columns, in order: the contract's keys after the review fields.
CONTRACT_HEADINGS = [
    "reference",
    "created_at",
    "outcome",
    "referral",
    "score",
    "criteria_version",
    "stage",
    "status",
    "assigned_to",
    "warning_signs",
    "age",
    "hair_loss_pattern",
    "loss_duration",
    "loss_progression",
    "fine_hairs_in_thinning_areas",
    "smooth_bald_areas",
    "smooth_bald_years",
    "medical_conditions",
    "other_health_factors",
    "recent_treatment_change",
    "previous_treatments",
    "goal",
    "open_to_transplant",
    "wellbeing_impact",
    "name",
    "email",
    "phone",
    "preferred_contact",
    "consent_health_data_at",
    "consent_contact_at",
    "consent_marketing_at",
    "consent_text_version",
]
