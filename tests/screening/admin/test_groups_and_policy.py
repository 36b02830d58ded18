"""The groups from migration 0002_review_groups and the permission policy they feed."""

import pytest
from django.contrib.auth.models import Group

from screening.admin.policy import reviewers
from screening.admin.policy import submission_permission_policy as policy
from tests.support.staff import make_user

ACTIONS = ("view", "change", "export", "erase", "purge", "report")


def codenames(group_name):
    return set(Group.objects.get(name=group_name).permissions.values_list("codename", flat=True))


def test_the_migration_creates_both_groups_with_the_screening_permissions(db):
    reviewers_perms = codenames("Screening reviewers")
    managers_perms = codenames("Screening managers")
    screening_reviewer = {p for p in reviewers_perms if p.endswith("_submission")}
    screening_manager = {p for p in managers_perms if p.endswith("_submission")}

    assert screening_reviewer == {"view_submission", "change_submission", "export_submission"}
    assert screening_manager == screening_reviewer | {
        "erase_submission",
        "purge_submission",
        "report_submission",  # migration 0005: the agreement report
    }
    # Both can sign in to the Wagtail admin.
    assert "access_admin" in reviewers_perms and "access_admin" in managers_perms


@pytest.mark.parametrize("group", ["Editors", "Moderators"])
def test_wagtails_default_groups_get_no_screening_permission(db, group):
    assert not {p for p in codenames(group) if p.endswith("_submission")}


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        ("editor", set()),
        ("moderator", set()),
        ("reviewer", {"view", "change", "export"}),
        ("manager", set(ACTIONS)),
        ("superuser", set(ACTIONS)),
    ],
)
def test_policy_maps_each_action_to_its_permission(users, superuser, role, allowed):
    user = superuser if role == "superuser" else users[role]
    granted = {action for action in ACTIONS if policy.user_has_permission(user, action)}
    assert granted == allowed


@pytest.mark.parametrize("action", ["add", "delete", "copy", "publish", "lock"])
def test_nobody_may_add_delete_or_copy_submissions_not_even_a_superuser(superuser, action):
    assert not policy.user_has_permission(superuser, action)
    assert not policy.users_with_permission(action).exists()


def test_inactive_superusers_get_nothing(db):
    ghost = make_user("ghost", is_superuser=True, is_active=False)
    assert not any(policy.user_has_permission(ghost, action) for action in ACTIONS)


def test_assignable_reviewers_are_those_who_can_change_submissions(users, superuser):
    assignable = set(reviewers())
    assert assignable == {users["reviewer"], users["manager"], superuser}
