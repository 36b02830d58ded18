"""Build the site's page tree and settings. Safe to run again: it only adds what is missing."""

from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Page, Site

from content.models import HomePage
from content.site_settings import ClinicSettings

HOME_TITLE = "Regenerative hair therapy, explained honestly"

# A fictional clinic's details for local development; staff replace them in Settings.
DEMO_CLINIC_DETAILS = {
    "clinic_name": "Northgate Hair Clinic",
    "phone": "+44 20 7946 0000",
    "email": "hello@northgate-clinic.example",
    "street_address": "12 Example Street",
    "locality": "London",
    "postal_code": "N1 0AA",
    "country": "United Kingdom",
    "opening_hours": "Monday to Friday, 9:00–17:30",
    "notification_email": "screening@northgate-clinic.example",
}


class Command(BaseCommand):
    help = "Create the home page, the Wagtail site and the clinic details if they are missing."

    @transaction.atomic
    def handle(self, *args, **options):
        home, created = self.ensure_home_page()
        self.report("home page", created)
        site = self.ensure_site(home)
        _, created = ClinicSettings.objects.get_or_create(site=site, defaults=DEMO_CLINIC_DETAILS)
        self.report("clinic details", created)

    def ensure_home_page(self):
        existing = HomePage.objects.first()
        if existing:
            return existing, False
        root = Page.get_first_root_node()
        # Wagtail's installer leaves a placeholder "Welcome" page at depth 2; it would
        # hold the slug "home" and the default site, so it makes way for ours.
        for placeholder in root.get_children().filter(content_type__model="page"):
            if not placeholder.get_children().exists():
                placeholder.delete()
        home = root.add_child(instance=HomePage(title=HOME_TITLE, slug="home"))
        home.save_revision().publish()
        return home, True

    def ensure_site(self, home):
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            return Site.objects.create(
                hostname="localhost", port=80, root_page=home, is_default_site=True
            )
        if site.root_page_id != home.pk:
            site.root_page = home
            site.save()
        return site

    def report(self, what, created):
        state = "created" if created else "already present"
        self.stdout.write(f"{what}: {state}")
