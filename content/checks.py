"""System checks for the content app.

``demo_content_is_replaced`` runs with ``manage.py check --deploy``: a site must not go
live with the fictional clinicians, the demo treatment status, or the example addresses
that ``load_initial_data`` creates for development and demonstrations.
"""

from django.core.checks import Error, Tags, register
from django.core.exceptions import ImproperlyConfigured
from django.db import DatabaseError

# Domains reserved for examples (RFC 2606): no real clinic or patient uses them.
EXAMPLE_DOMAINS = ("example", "example.com", "example.org", "example.net")
# The staff notification address of the demo clinic details (load_initial_data).
DEMO_NOTIFICATION_EMAIL = "screening@northgate-clinic.example"


def is_example_address(address: str) -> bool:
    """True for an email address or URL on a domain reserved for examples."""
    address = (address or "").strip().lower()
    if not address:
        return False
    domain = address.rsplit("@", 1)[-1]
    if "://" in domain:
        domain = domain.split("://", 1)[1]
    domain = domain.split("/", 1)[0].split(":", 1)[0].rstrip(".")
    return any(
        domain == reserved or domain.endswith("." + reserved) for reserved in EXAMPLE_DOMAINS
    )


def demo_content_problems() -> list[str]:
    """What in the database is still demo data, one plain sentence each."""
    from django.contrib.auth import get_user_model

    from content.site_settings import ClinicSettings
    from content.snippets import Clinician, Treatment

    problems = []
    for clinician in Clinician.objects.filter(is_demo=True).order_by("name"):
        problems.append(f"Clinician “{clinician.name}” is demo data.")
    for clinician in Clinician.objects.filter(is_demo=False).order_by("name"):
        if is_example_address(clinician.register_url):
            problems.append(f"Clinician “{clinician.name}” links to an example register address.")
    for treatment in Treatment.objects.filter(is_demo=True).order_by("name"):
        problems.append(f"Treatment “{treatment.name}” has a demo regulatory status.")
    for clinic in ClinicSettings.objects.all():
        if clinic.notification_email.strip().lower() == DEMO_NOTIFICATION_EMAIL:
            problems.append("Clinic details: the staff notification address is the demo one.")
        elif is_example_address(clinic.notification_email):
            problems.append("Clinic details: the staff notification address is an example address.")
        if is_example_address(clinic.email):
            problems.append("Clinic details: the public email address is an example address.")
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    example_users = [user for user in users.only("email") if is_example_address(user.email)]
    if example_users:
        problems.append(
            f"{len(example_users)} active staff account(s) have an example email address."
        )
    return problems


@register(Tags.security, deploy=True)
def demo_content_is_replaced(app_configs=None, **kwargs):
    try:
        problems = demo_content_problems()
    except DatabaseError:
        # No tables yet (a database that has not been migrated holds no demo data);
        # a database that cannot be reached fails loudly elsewhere.
        return []
    return [
        Error(
            problem,
            hint="Replace the demo data in the admin (Snippets → Clinicians and Treatments, "
            "Settings → Clinic details, Users) before going live; untick “demo data” only once "
            "every detail is real.",
            id="content.E001",
        )
        for problem in problems
    ]


@register()
def page_feedback_rate_is_valid(app_configs=None, **kwargs):
    from content.views import feedback_rate

    try:
        feedback_rate()
    except ImproperlyConfigured as error:
        return [Error(str(error), id="content.E002")]
    return []
