"""Who may do what with screening submissions.

Registered with Wagtail's permission-policy registry (top of ``wagtail_hooks.py``), so the
viewset, the menu, the dashboard panel and the admin URL finder all ask the same policy.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.permission_policies import ModelPermissionPolicy

from screening.models import Submission

# The groups created by migration 0002_review_groups.
REVIEWERS_GROUP = "Screening reviewers"
MANAGERS_GROUP = "Screening managers"


class SubmissionPermissionPolicy(ModelPermissionPolicy):
    """Maps each review action to the model permission of the same name:

    - ``view``: ``screening.view_submission`` (list, inspect, history, dashboard panel)
    - ``change``: ``screening.change_submission`` (status, assignment, notes, re-assess)
    - ``export``: ``screening.export_submission`` (CSV/XLSX of the list)
    - ``erase``: ``screening.erase_submission`` (right to erasure)
    - ``purge``: ``screening.purge_submission`` (delete expired submissions)
    - ``report``: ``screening.report_submission`` (managers' reports, e.g. "Score and
      clinician agreement"; granted to "Screening managers" by migration 0005)

    Active superusers have all of these. ``add``, ``delete`` and ``copy`` are refused for
    everyone, superusers included: submissions come only from patients, and leave only
    through erasure or the retention purge, both of which are logged.
    """

    actions = frozenset({"view", "change", "export", "erase", "purge", "report"})

    def user_has_permission(self, user, action):
        return action in self.actions and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        known = [action for action in actions if action in self.actions]
        if not known:
            return get_user_model().objects.none()
        return super().users_with_any_permission(known)


submission_permission_policy = SubmissionPermissionPolicy(Submission)


def reviewers():
    """Active users who may be assigned submissions: those who can change them."""
    User = get_user_model()
    return submission_permission_policy.users_with_permission("change").order_by(
        "first_name", "last_name", User.USERNAME_FIELD
    )


# The reviewers as the listing's "Assigned reviewer" filter offers them, cached so that the
# list does not ask the database for them on every page (issue 20). Dropped whenever a
# user, a group membership or a permission changes, so the cache is never stale for
# longer than that change; the hour is only a backstop.
REVIEWERS_CACHE_KEY = "screening:reviewer-choices:v1"
REVIEWERS_CACHE_SECONDS = 60 * 60


def cached_reviewers() -> list:
    users = cache.get(REVIEWERS_CACHE_KEY)
    if users is None:
        User = get_user_model()
        users = list(
            reviewers().only("pk", User.USERNAME_FIELD, "first_name", "last_name", "is_active")
        )
        cache.set(REVIEWERS_CACHE_KEY, users, REVIEWERS_CACHE_SECONDS)
    return users


def forget_cached_reviewers(**kwargs) -> None:
    cache.delete(REVIEWERS_CACHE_KEY)


def connect_reviewer_cache_signals() -> None:
    User = get_user_model()
    for signal in (post_save, post_delete):
        signal.connect(forget_cached_reviewers, sender=User, dispatch_uid=f"reviewers-{signal}")
        signal.connect(forget_cached_reviewers, sender=Group, dispatch_uid=f"reviewers-g-{signal}")
    for through in (
        User.groups.through,
        User.user_permissions.through,
        Group.permissions.through,
    ):
        m2m_changed.connect(
            forget_cached_reviewers, sender=through, dispatch_uid=f"reviewers-{through.__name__}"
        )
