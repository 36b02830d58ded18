"""Clinicians become people patients can check: registration, profile, demo flag.

Existing clinicians keep their credentials (as qualifications) and get a slug from their
name; their registration must be filled in by the clinic ("other", empty number).
"""

from django.db import migrations, models
from django.utils.text import slugify


def fill_slugs(apps, schema_editor):
    Clinician = apps.get_model("content", "Clinician")
    taken = set()
    for clinician in Clinician.objects.order_by("pk"):
        base = slugify(clinician.name)[:70] or "clinician"
        slug, number = base, 2
        while slug in taken:
            slug, number = f"{base}-{number}", number + 1
        taken.add(slug)
        clinician.slug = slug
        clinician.save(update_fields=["slug"])


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0002_article_pages_and_governance"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [
        migrations.RenameField("clinician", "credentials", "qualifications"),
        migrations.AddField(
            model_name="clinician",
            name="slug",
            field=models.SlugField(max_length=80, null=True),
        ),
        migrations.RunPython(fill_slugs, migrations.RunPython.noop),
        migrations.AddField(
            model_name="clinician",
            name="registration_body",
            field=models.CharField(default="other", max_length=10),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="clinician",
            name="registration_number",
            field=models.CharField(default="", max_length=40),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="clinician",
            name="register_url",
            field=models.URLField(default=""),
            preserve_default=False,
        ),
    ]
