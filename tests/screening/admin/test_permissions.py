"""The permission matrix: every screening admin URL and action × anonymous, editor,
moderator, reviewer, manager (and superuser)."""

import pytest
from wagtail.permissions import policy_registry

from screening.admin.policy import SubmissionPermissionPolicy
from screening.models import Submission
from tests.support.staff import admin_url, client_for

# (name, method, url builder, extra query/data)
GET_PAGES = {
    "index": lambda s: admin_url("index"),
    "index_results": lambda s: admin_url("index_results"),
    "inspect": lambda s: admin_url("inspect", s.pk),
    "history": lambda s: admin_url("history", s.pk),
    "history_results": lambda s: admin_url("history_results", s.pk),
}
EXPORTS = {
    "export_csv": lambda s: admin_url("index") + "?export=csv",
    "export_xlsx": lambda s: admin_url("index") + "?export=xlsx",
    "export_results_csv": lambda s: admin_url("index_results") + "?export=csv",
}
REVIEW_ACTIONS = {
    "status": (lambda s: admin_url("status", s.pk), {"status": "in_review"}),
    "assign": (lambda s: admin_url("assign", s.pk), {"assigned_to": ""}),
    "note": (lambda s: admin_url("note", s.pk), {"text": "Checked."}),
    "reassess": (lambda s: admin_url("reassess", s.pk), {}),
    "review": (
        lambda s: admin_url("review", s.pk),
        {"status": "in_review", "clinician_decision": "suitable", "clinician_decision_reason": "x"},
    ),
}
MANAGER_PAGES = {
    "erase_confirm": lambda s: admin_url("erase", s.pk),
    "purge_confirm": lambda s: admin_url("purge"),
    "agreement_report": lambda s: "/admin/reports/screening-agreement/",
    "agreement_report_csv": lambda s: "/admin/reports/screening-agreement/?format=csv",
}
MANAGER_ACTIONS = {
    "erase": (lambda s: admin_url("erase", s.pk), {}),
    "purge": (lambda s: admin_url("purge"), {}),
}
ALL_GETS = {**GET_PAGES, **EXPORTS, **MANAGER_PAGES}
ALL_POSTS = {**REVIEW_ACTIONS, **MANAGER_ACTIONS}


def test_the_registered_policy_is_ours(db):
    assert isinstance(policy_registry.get_by_type(Submission), SubmissionPermissionPolicy)


@pytest.mark.parametrize("name", list(ALL_GETS))
def test_anonymous_visitors_are_sent_to_the_login(submission, name):
    url = ALL_GETS[name](submission)
    response = client_for().get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/?next=")


@pytest.mark.parametrize("name", list(ALL_POSTS))
def test_anonymous_posts_are_sent_to_the_login_and_change_nothing(submission, name):
    url_for, data = ALL_POSTS[name]
    response = client_for().post(url_for(submission), data)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert Submission.objects.filter(pk=submission.pk, status="new").exists()


@pytest.mark.parametrize("role", ["editor", "moderator"])
@pytest.mark.parametrize("name", list(ALL_GETS))
def test_editors_and_moderators_get_403_on_every_page(users, submission, role, name):
    response = client_for(users[role]).get(ALL_GETS[name](submission))
    assert response.status_code == 403


@pytest.mark.parametrize("role", ["editor", "moderator"])
@pytest.mark.parametrize("name", list(ALL_POSTS))
def test_editors_and_moderators_get_403_on_every_action(users, submission, role, name):
    url_for, data = ALL_POSTS[name]
    response = client_for(users[role]).post(url_for(submission), data)
    assert response.status_code == 403
    submission.refresh_from_db()
    assert submission.status == "new" and not submission.notes.exists()


@pytest.mark.parametrize("role", ["editor", "moderator"])
def test_forbidden_users_get_403_even_for_ids_that_do_not_exist(users, role):
    client = client_for(users[role])
    assert client.get(admin_url("inspect", 987654)).status_code == 403
    assert client.post(admin_url("note", 987654), {"text": "x"}).status_code == 403


@pytest.mark.parametrize("role", ["editor", "moderator"])
def test_editors_see_no_screening_menu_or_dashboard_panel(users, role):
    response = client_for(users[role]).get("/admin/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "/admin/screening/submissions/" not in html
    assert "screening-dashboard" not in html


@pytest.mark.parametrize("role", ["reviewer", "manager"])
def test_reviewers_and_managers_see_the_menu_and_panel(users, role):
    html = client_for(users[role]).get("/admin/").content.decode()
    assert "/admin/screening/submissions/" in html
    assert '"Screening"' in html or ">Screening<" in html
    assert "screening-dashboard" in html


@pytest.mark.parametrize("name", list(GET_PAGES) + list(EXPORTS))
def test_reviewers_may_view_and_export(reviewer, submission, name):
    response = client_for(reviewer).get(ALL_GETS[name](submission))
    assert response.status_code == 200


@pytest.mark.parametrize("name", list(REVIEW_ACTIONS))
def test_reviewers_may_take_review_actions(make_submission, reviewer, name):
    submission = make_submission(criteria_version="2025.01-1")
    url_for, data = REVIEW_ACTIONS[name]
    response = client_for(reviewer).post(url_for(submission), data)
    assert response.status_code == 302
    assert response["Location"] == admin_url("inspect", submission.pk)


@pytest.mark.parametrize("name", list(MANAGER_PAGES))
def test_reviewers_may_not_open_erase_or_purge(reviewer, submission, name):
    assert client_for(reviewer).get(MANAGER_PAGES[name](submission)).status_code == 403


@pytest.mark.parametrize("name", list(MANAGER_ACTIONS))
def test_reviewers_may_not_erase_or_purge(reviewer, submission, name):
    url_for, data = MANAGER_ACTIONS[name]
    assert client_for(reviewer).post(url_for(submission), data).status_code == 403
    assert Submission.objects.filter(pk=submission.pk).exists()


@pytest.mark.parametrize("role", ["manager", "superuser"])
@pytest.mark.parametrize("name", list(ALL_GETS))
def test_managers_and_superusers_may_open_everything(users, superuser, submission, role, name):
    user = superuser if role == "superuser" else users[role]
    assert client_for(user).get(ALL_GETS[name](submission)).status_code == 200


@pytest.mark.parametrize("name", list(ALL_POSTS))
def test_managers_may_take_every_action(make_submission, manager, name):
    submission = make_submission(criteria_version="2025.01-1")
    url_for, data = ALL_POSTS[name]
    assert client_for(manager).post(url_for(submission), data).status_code == 302


def test_export_needs_the_export_permission_even_with_view(db, submission):
    from django.contrib.auth.models import Permission

    from tests.support.staff import make_user

    viewer = make_user("vera")
    viewer.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_submission"),
    )
    client = client_for(viewer)
    listing = client.get(admin_url("index"))
    assert listing.status_code == 200
    assert "export=csv" not in listing.content.decode()
    assert client.get(admin_url("index") + "?export=csv").status_code == 403
    assert client.get(admin_url("index") + "?export=xlsx").status_code == 403
    # View alone does not allow review actions either.
    assert client.post(admin_url("note", submission.pk), {"text": "x"}).status_code == 403


@pytest.mark.parametrize(
    "path", ["new/", "edit/{pk}/", "delete/{pk}/", "copy/{pk}/", "usage/{pk}/"]
)
def test_there_is_no_add_edit_delete_copy_or_usage_view(manager_client, submission, path):
    url = "/admin/screening/submissions/" + path.format(pk=submission.pk)
    assert manager_client.get(url).status_code == 404
    assert manager_client.post(url, {"answers": "{}", "name": "Changed"}).status_code == 404
    submission.refresh_from_db()
    assert submission.name == "Pat Example"


@pytest.mark.parametrize("name", list(REVIEW_ACTIONS))
def test_review_actions_refuse_get(reviewer_client, submission, name):
    url_for, _ = REVIEW_ACTIONS[name]
    assert reviewer_client.get(url_for(submission)).status_code == 405
