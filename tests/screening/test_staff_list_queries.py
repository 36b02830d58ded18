"""What the staff list's query budget (10, issue 20) rests on: permissions read in one
query that give exactly Django's answer, and reviewer filter choices from a cache that a
change of user, group or permission empties at once."""

import pytest
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

from clinic_site.auth_backends import SingleQueryPermissionsBackend
from tests.support.staff import admin_url, make_user


@pytest.mark.parametrize("role", ["editor", "moderator", "reviewer", "manager"])
def test_one_query_gives_djangos_permissions(users, role):
    user = users[role]
    user.user_permissions.add(Permission.objects.get(codename="view_group"))
    expected = ModelBackend().get_all_permissions(type(user).objects.get(pk=user.pk))
    fresh = type(user).objects.get(pk=user.pk)
    with CaptureQueriesContext(connection) as queries:
        got = SingleQueryPermissionsBackend().get_all_permissions(fresh)
    assert got == expected and "auth.view_group" in got
    assert len(queries) == 1


def test_superusers_inactive_users_and_objects(superuser, reviewer):
    backend = SingleQueryPermissionsBackend()
    assert backend.get_all_permissions(superuser) == ModelBackend().get_all_permissions(superuser)
    reviewer.is_active = False
    assert backend.get_all_permissions(reviewer) == set()
    assert backend.get_all_permissions(superuser, obj=object()) == set()


def reviewer_options(client) -> str:
    html = client.get(admin_url("index")).content.decode()
    start = html.index('name="assigned_to"')
    return html[start : html.index("</select>", start)]


def test_the_filter_lists_a_new_reviewer_at_once_and_forgets_a_removed_one(reviewer_client):
    assert "Nadia Newcomer" not in reviewer_options(reviewer_client)  # now cached
    newcomer = make_user("nadia", "Screening reviewers", first_name="Nadia", last_name="Newcomer")
    assert "Nadia Newcomer" in reviewer_options(reviewer_client)
    newcomer.groups.remove(Group.objects.get(name="Screening reviewers"))
    assert "Nadia Newcomer" not in reviewer_options(reviewer_client)


def test_a_cached_listing_still_filters_by_reviewer(reviewer_client, reviewer, make_submission):
    mine = make_submission(assigned_to=reviewer)
    other = make_submission()
    reviewer_options(reviewer_client)  # warm the cache
    html = reviewer_client.get(admin_url("index") + f"?assigned_to={reviewer.pk}").content.decode()
    assert mine.reference in html and other.reference not in html
