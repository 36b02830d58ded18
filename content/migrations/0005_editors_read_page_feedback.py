"""Wagtail's Editors and Moderators groups may read page feedback (Reports → Page feedback)."""

from django.db import migrations

GROUPS = ("Editors", "Moderators")


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="content", model="pagefeedback")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename="view_pagefeedback",
        defaults={"name": "Can view page feedback"},
    )
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="content", codename="view_pagefeedback"
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0004_treatments_feedback_and_profiles"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
