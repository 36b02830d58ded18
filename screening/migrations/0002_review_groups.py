"""Create the staff groups for screening review, with their permissions.

"Screening reviewers": use the Wagtail admin; view, change (status, assignment, notes,
re-assessment) and export submissions. "Screening managers": the same, plus erase and
purge. Re-running is harmless; reversing removes the two groups.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

REVIEWERS = "Screening reviewers"
MANAGERS = "Screening managers"
REVIEWER_CODENAMES = ["view_submission", "change_submission", "export_submission"]
MANAGER_CODENAMES = [*REVIEWER_CODENAMES, "erase_submission", "purge_submission"]


def create_groups(apps, schema_editor):
    db_alias = schema_editor.connection.alias
    # Django creates permissions after all migrations have run (post_migrate); on a fresh
    # database they do not exist yet, so create the screening ones now.
    app_config = apps.get_app_config("screening")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0, using=db_alias)
    app_config.models_module = None

    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")

    admin_type, _ = ContentType.objects.using(db_alias).get_or_create(
        app_label="wagtailadmin", model="admin"
    )
    access_admin, _ = Permission.objects.using(db_alias).get_or_create(
        content_type=admin_type,
        codename="access_admin",
        defaults={"name": "Can access Wagtail admin"},
    )
    submission_type = ContentType.objects.using(db_alias).get(
        app_label="screening", model="submission"
    )
    for name, codenames in ((REVIEWERS, REVIEWER_CODENAMES), (MANAGERS, MANAGER_CODENAMES)):
        group, _ = Group.objects.using(db_alias).get_or_create(name=name)
        permissions = Permission.objects.using(db_alias).filter(
            content_type=submission_type, codename__in=codenames
        )
        if permissions.count() != len(codenames):
            raise RuntimeError(f"Missing screening permissions for {name!r}")
        group.permissions.add(access_admin, *permissions)


def remove_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.using(schema_editor.connection.alias).filter(
        name__in=[REVIEWERS, MANAGERS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("screening", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
