"""The admin report of articles whose clinical review is overdue or due within 30 days."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client

from content.models import ArticlePage
from tests.support.content import soup

REPORT_URL = "/admin/reports/clinical-reviews-due/"


@pytest.fixture
def review_dates(article_factory):
    """Three articles, and every loaded article moved well clear of the report window."""
    today = datetime.date.today()
    far = today + datetime.timedelta(days=200)
    ArticlePage.objects.update(
        last_reviewed=today - datetime.timedelta(days=30), next_review_due=far
    )
    last = today - datetime.timedelta(days=400)
    return {
        "overdue": article_factory(
            "overdue-article",
            title="Overdue article",
            last_reviewed=last,
            next_review_due=today - datetime.timedelta(days=5),
        ),
        "soon": article_factory(
            "due-soon-article",
            title="Due soon article",
            last_reviewed=last,
            next_review_due=today + datetime.timedelta(days=10),
        ),
        "later": article_factory(
            "later-article",
            title="Later article",
            next_review_due=today + datetime.timedelta(days=31),
        ),
    }


def report_rows(client):
    document = soup(client.get(REPORT_URL))
    rows = document.find("table", class_="listing").find("tbody").find_all("tr")
    return [[cell.get_text(" ", strip=True) for cell in row.find_all("td")] for row in rows]


def test_report_lists_overdue_first_then_due_soon_with_a_status(admin_client, review_dates):
    rows = report_rows(admin_client)
    titles = [row[0] for row in rows]
    assert titles[:2] == ["Overdue article", "Due soon article"]
    assert "Later article" not in " ".join(titles)
    assert rows[0][1] == "Overdue by 5 days"
    assert rows[1][1] == "Due in 10 days"
    assert "Dr Test Reviewer" in rows[0][4]
    assert len(rows) == 2


def test_report_lists_an_overdue_article_from_the_loaded_content(admin_client, site_tree):
    page = ArticlePage.objects.get(slug="what-is-a-stem-cell")
    page.last_reviewed = datetime.date.today() - datetime.timedelta(days=500)
    page.next_review_due = datetime.date.today() - datetime.timedelta(days=1)
    page.save_revision().publish()
    rows = report_rows(admin_client)
    assert [page.title, "Overdue by 1 day"] == rows[0][:2]


def test_report_links_each_article_to_its_editor(admin_client, review_dates):
    document = soup(admin_client.get(REPORT_URL))
    link = document.find("table", class_="listing").find(
        "a", string=lambda text: text and "Overdue article" in text
    )
    assert link["href"] == f"/admin/pages/{review_dates['overdue'].pk}/edit/"


def test_report_exports_as_csv(admin_client, review_dates):
    response = admin_client.get(REPORT_URL, {"export": "csv"})
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode()
    assert "Overdue article,Overdue by 5 days" in content


def test_report_appears_under_reports_for_administrators(admin_client, review_dates):
    assert REPORT_URL in admin_client.get("/admin/").content.decode()


def test_editors_without_admin_rights_cannot_open_the_report(db, django_user_model, site_tree):
    editor = django_user_model.objects.create_user("editor", password="pw-x9!long")
    group = Group.objects.create(name="Editors for test")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    editor.groups.add(group)
    client = Client()
    client.force_login(editor)
    response = client.get(REPORT_URL)
    # Wagtail answers a refused admin view with a redirect to the dashboard and a message.
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert REPORT_URL not in client.get("/admin/").content.decode()


def test_anonymous_visitors_are_sent_to_log_in(client, db):
    response = client.get(REPORT_URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
