"""Build the site's page tree and settings. Safe to run again: it only adds what is missing."""

import time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Page, Site

from content.loader import ContentDataError, ContentLoader
from content.site_settings import ClinicSettings

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
    help = (
        "Create whatever is missing of the home page, the articles, the privacy, about and "
        "contact pages, the Wagtail site and the clinic details. Existing pages are never changed."
    )

    def handle(self, *args, **options):
        from content import initial_content

        started = time.monotonic()
        loader = ContentLoader(initial_content)
        try:
            with transaction.atomic():
                home = loader.load(Page.get_first_root_node())
                site = self.ensure_site(home)
                _, created = ClinicSettings.objects.get_or_create(
                    site=site, defaults=DEMO_CLINIC_DETAILS
                )
                loader.summary.record("clinic details", created)
        except ContentDataError as error:
            raise CommandError(f"Nothing was loaded: {error}") from error

        summary = loader.summary
        for label in summary.created:
            self.stdout.write(f"created: {label}")
        for warning in loader.warnings:
            self.stderr.write(f"warning: {warning}")
        self.stdout.write(
            f"{len(summary.created)} created, {len(summary.present)} already present "
            f"({time.monotonic() - started:.1f}s)"
        )

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
