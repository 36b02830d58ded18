"""Build the site's page tree and settings. Safe to run again: it only adds what is missing."""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Page, Site

from content import markdown_content
from content.loader import ContentDataError, ContentLoader
from content.site_settings import ClinicSettings

CONTENT_DIRECTORY = Path(__file__).resolve().parents[2] / "initial_content"

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
        "Create whatever is missing of the home page, the articles, the standard pages, the "
        "clinicians, the treatments, the Wagtail site and the clinic details, from the Markdown "
        "files in content/initial_content/. Existing pages and records are never changed. "
        "Clinicians and treatments are marked as demo data, and the clinic details get "
        "example addresses, unless --no-demo is given."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-demo",
            action="store_true",
            help="The content files describe the real clinic: do not mark the clinicians and "
            "treatments as demo data, and leave the clinic's contact details empty for staff "
            "to fill in (Settings → Clinic details).",
        )
        parser.add_argument(
            "--content-dir",
            type=Path,
            default=CONTENT_DIRECTORY,
            help="Where the Markdown content is (default: content/initial_content/).",
        )

    def handle(self, *args, **options):
        started = time.monotonic()
        demo = not options["no_demo"]
        try:
            data = markdown_content.load_directory(options["content_dir"])
        except (ContentDataError, OSError) as error:
            raise CommandError(f"Nothing was loaded: {error}") from error
        loader = ContentLoader(data, demo=demo)
        try:
            with transaction.atomic():
                home = loader.load(Page.get_first_root_node())
                site = self.ensure_site(home)
                details = DEMO_CLINIC_DETAILS if demo else {}
                _, created = ClinicSettings.objects.get_or_create(site=site, defaults=details)
                loader.summary.record("clinic details", created)
        except ContentDataError as error:
            raise CommandError(f"Nothing was loaded: {error}") from error

        summary = loader.summary
        for label in summary.created:
            self.stdout.write(f"created: {label}")
        for label in summary.skipped:
            self.stdout.write(f"skipped: {label}")
        for warning in loader.warnings:
            self.stderr.write(f"warning: {warning}")
        if demo and summary.created:
            self.stdout.write(
                "The clinicians, treatments and clinic details are demo data: replace them "
                "before going live (manage.py check --deploy fails until you do)."
            )
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
