"""The issue's "done when", as one story through HTTP: a reviewer works a submission from
the dashboard to the export, a manager erases one on request, and every step is in the
audit log."""

import csv
import io
import re

from wagtail.models import ModelLogEntry

from screening.demo import make_synthetic_submissions
from tests.support.staff import admin_url, client_for


def test_a_reviewer_works_a_submission_and_a_manager_erases_one(reviewer, manager):
    make_synthetic_submissions(12, seed=21)
    reviewer_client = client_for(reviewer)

    # The dashboard panel.
    home = reviewer_client.get("/admin/").content.decode()
    assert "Screening submissions" in home and "waiting longer than 48 hours" in home

    # Filter the list: new, likely candidates (the demo data's first submission is one).
    listing = reviewer_client.get(admin_url("index") + "?status=new&outcome=likely")
    references = re.findall(r"HS-[0-9A-Z]{4}-[0-9A-Z]{4}", listing.content.decode())
    assert references
    target = references[0]
    inspect_url = re.search(
        rf'href="(/admin/screening/submissions/inspect/\d+/)">\s*{target}', listing.content.decode()
    ).group(1)
    pk = int(inspect_url.rstrip("/").rsplit("/", 1)[1])

    # Open it, assign it to themselves, add a note, move it through the workflow.
    assert reviewer_client.get(inspect_url).status_code == 200
    reviewer_client.post(admin_url("assign", pk), {"assigned_to": reviewer.pk})
    reviewer_client.post(admin_url("note", pk), {"text": "GP letter requested."})
    for status in ("in_review", "contacted", "consultation_booked"):
        reviewer_client.post(admin_url("status", pk), {"status": status})
    page = reviewer_client.get(inspect_url).content.decode()
    assert "Consultation booked" in page and "GP letter requested." in page

    # Export the list.
    export = reviewer_client.get(admin_url("index") + "?export=csv&status=consultation_booked")
    rows = list(csv.DictReader(io.StringIO(b"".join(export.streaming_content).decode())))
    assert target in {row["reference"] for row in rows}

    # A patient asks for erasure; a manager erases another submission from the admin.
    manager_client = client_for(manager)
    other = make_synthetic_submissions(1, seed=22)[0]
    assert manager_client.get(admin_url("erase", other.pk)).status_code == 200
    assert manager_client.post(admin_url("erase", other.pk)).status_code == 302

    actions = list(ModelLogEntry.objects.order_by("pk").values_list("action", "user"))
    assert actions == [
        ("screening.viewed", reviewer.pk),
        ("screening.assign", reviewer.pk),
        ("screening.note", reviewer.pk),
        ("screening.status", reviewer.pk),
        ("screening.status", reviewer.pk),
        ("screening.status", reviewer.pk),
        ("screening.viewed", reviewer.pk),
        ("screening.exported", reviewer.pk),
        ("screening.erased", manager.pk),
    ]
    history = reviewer_client.get(admin_url("history", pk)).content.decode()
    assert history.count("Status changed") == 3


def test_group_editor_offers_the_screening_permissions(superuser, db):
    from django.contrib.auth.models import Group

    group = Group.objects.get(name="Screening managers")
    html = client_for(superuser).get(f"/admin/groups/edit/{group.pk}/").content.decode()
    for label in (
        "Can export screening submissions",
        "Can erase screening submissions",
        "Can purge expired screening submissions",
    ):
        assert label in html
