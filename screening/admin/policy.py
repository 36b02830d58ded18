"""Who may do what with screening submissions.

Registered with Wagtail's permission-policy registry (top of ``wagtail_hooks.py``), so the
viewset, the menu, the dashboard panel and the admin URL finder all ask the same policy.
"""

from django.contrib.auth import get_user_model
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
