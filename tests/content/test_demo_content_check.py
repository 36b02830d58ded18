"""Demo data cannot go live: `check --deploy` fails while any is in the database."""

import secrets

import pytest
from cryptography.fernet import Fernet
from django.core.checks import run_checks

from content.checks import DEMO_NOTIFICATION_EMAIL, is_example_address
from content.site_settings import ClinicSettings
from content.snippets import Clinician, Treatment
from tests.support.subprocess_settings import run_python


def demo_errors():
    return [
        message.msg
        for message in run_checks(include_deployment_checks=True)
        if message.id == "content.E001"
    ]


def replace_demo_data(site):
    Clinician.objects.update(is_demo=False)
    Treatment.objects.update(is_demo=False)
    ClinicSettings.objects.filter(site=site).update(
        email="hello@northgate-hair.co.uk", notification_email="screening@northgate-hair.co.uk"
    )


def test_loaded_demo_content_is_reported_item_by_item(site_tree):
    errors = demo_errors()
    for clinician in Clinician.objects.all():
        assert f"Clinician “{clinician.name}” is demo data." in errors
    assert any("Treatment" in error for error in errors)
    assert any("notification address is the demo one" in error for error in errors)
    assert any("public email address is an example address" in error for error in errors)


def test_the_check_passes_once_the_demo_data_is_replaced(site_tree):
    replace_demo_data(site_tree)
    assert demo_errors() == []


@pytest.mark.parametrize(
    "change",
    [
        lambda: Clinician.objects.filter(pk=Clinician.objects.first().pk).update(is_demo=True),
        lambda: Treatment.objects.update(is_demo=True),
        lambda: ClinicSettings.objects.update(notification_email=DEMO_NOTIFICATION_EMAIL),
        lambda: ClinicSettings.objects.update(email="team@clinic.example.com"),
        lambda: Clinician.objects.update(register_url="https://register.example/123"),
    ],
)
def test_any_single_piece_of_demo_data_fails_the_check(site_tree, change):
    replace_demo_data(site_tree)
    change()
    assert len(demo_errors()) >= 1


def test_a_staff_account_with_an_example_address_fails_the_check(site_tree, django_user_model):
    replace_demo_data(site_tree)
    django_user_model.objects.create_user("demo", email="demo@example.com", password="pw-x9!long")
    assert demo_errors() == ["1 active staff account(s) have an example email address."]


@pytest.mark.parametrize(
    ("address", "example"),
    [
        ("screening@northgate-clinic.example", True),
        ("a@example.com", True),
        ("a@mail.example.org", True),
        ("https://www.example.net/register", True),
        ("a@northgate-hair.co.uk", False),
        ("a@examples.com", False),
        ("https://www.gmc-uk.org/", False),
        ("", False),
    ],
)
def test_example_addresses(address, example):
    assert is_example_address(address) is example


PRODUCTION_CHECK = """
import django, io, sys
django.setup()
from django.core.management import call_command
from django.core.management.base import SystemCheckError
call_command("migrate", verbosity=0)
call_command("load_initial_data", stdout=io.StringIO())

def deploy_check():
    try:
        call_command("check", "--deploy", stdout=io.StringIO(), stderr=io.StringIO())
        return "passed"
    except SystemCheckError as error:
        return "content.E001" if "content.E001" in str(error) else "other: " + str(error)

print("demo:", deploy_check())
from content.site_settings import ClinicSettings
from content.snippets import Clinician, Treatment
Clinician.objects.update(is_demo=False)
Treatment.objects.update(is_demo=False)
ClinicSettings.objects.update(email="hello@northgate-hair.co.uk",
                              notification_email="screening@northgate-hair.co.uk")
print("replaced:", deploy_check())
"""


def test_check_deploy_under_production_settings_fails_on_demo_data_then_passes(tmp_path):
    result = run_python(
        PRODUCTION_CHECK,
        {
            "DJANGO_SETTINGS_MODULE": "clinic_site.settings.production",
            "SECRET_KEY": "probe-" + "x" * 50,
            "ALLOWED_HOSTS": "clinic.example",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
            # Real keys, so that only the demo content decides the check's outcome.
            "FIELD_ENCRYPTION_KEYS": Fernet.generate_key().decode(),
            "BLIND_INDEX_KEY": secrets.token_urlsafe(32),
        },
        # The test settings allow async-unsafe calls for Playwright; production never does.
        drop=(
            "DJANGO_SETTINGS_MODULE",
            "SECRET_KEY",
            "ALLOWED_HOSTS",
            "DATABASE_URL",
            "FIELD_ENCRYPTION_KEYS",
            "BLIND_INDEX_KEY",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        ),
    )
    assert result.returncode == 0, result.stderr[-3000:]
    lines = [line for line in result.stdout.splitlines() if line.startswith(("demo:", "replaced:"))]
    assert lines == ["demo: content.E001", "replaced: passed"], result.stdout[-3000:]
