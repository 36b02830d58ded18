"""load_initial_data on an empty database (no module-wide site): first runs and flags."""

from content.site_settings import ClinicSettings
from content.snippets import Clinician, Treatment
from tests.support.content import counts, run_loader


def test_a_second_run_reports_as_present_exactly_what_the_first_created(db):
    created, present = counts(run_loader())
    assert created > 0 and present == 0
    assert counts(run_loader()) == (0, created)


def test_no_demo_marks_nothing_as_demo_and_leaves_contact_details_empty(db):
    output = run_loader("--no-demo")
    assert "demo data" not in output
    assert Clinician.objects.exists() and not Clinician.objects.filter(is_demo=True).exists()
    assert Treatment.objects.exists() and not Treatment.objects.filter(is_demo=True).exists()
    clinic = ClinicSettings.objects.get()
    assert (clinic.email, clinic.notification_email, clinic.phone) == ("", "", "")
