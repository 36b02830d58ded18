"""Screening in the Wagtail admin: the permission policy, the "Screening" viewset, the
audit-log actions and the reviewers' dashboard panel."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import LogFormatter
from wagtail.permissions import register_permission_policy

from screening.admin.dashboard import ScreeningDashboardPanel, WaitingForReviewPanel
from screening.admin.funnel_report import FunnelReportView
from screening.admin.policy import submission_permission_policy
from screening.admin.reports import AgreementReportView
from screening.admin.viewsets import SubmissionViewSet, forbidden_as_403
from screening.models import ClinicianDecision, Status, Submission

# First thing, before any view or menu asks the registry for Submission's policy (none of
# the imports above does): otherwise Wagtail would have created a default policy and
# would refuse this one.
register_permission_policy(Submission, submission_permission_policy)


@hooks.register("register_admin_viewset")
def register_submission_viewset():
    return SubmissionViewSet()


@hooks.register("register_admin_urls")
def register_screening_photo_urls():
    from screening.admin import photos

    return photos.urlpatterns()


@hooks.register("register_admin_urls")
def register_screening_report_urls():
    return [
        path(
            "reports/screening-agreement/",
            forbidden_as_403(AgreementReportView.as_view(), "AgreementReportView"),
            name="screening_agreement_report",
        ),
        path(
            "reports/screening-funnel/",
            forbidden_as_403(FunnelReportView.as_view(), "FunnelReportView"),
            name="screening_funnel_report",
        ),
    ]


class ManagersReportMenuItem(MenuItem):
    def is_shown(self, request):
        return submission_permission_policy.user_has_permission(request.user, "report")


@hooks.register("register_reports_menu_item")
def register_agreement_report_menu_item():
    return ManagersReportMenuItem(
        "Score and clinician agreement",
        reverse("screening_agreement_report"),
        icon_name="table",
        order=900,
    )


@hooks.register("register_reports_menu_item")
def register_funnel_report_menu_item():
    return ManagersReportMenuItem(
        "Questionnaire funnel",
        reverse("screening_funnel_report"),
        icon_name="table",
        order=910,
    )


@hooks.register("construct_homepage_panels")
def add_screening_panel(request, panels):
    if ScreeningDashboardPanel.is_visible_to(request.user):
        # First on the dashboard: what is waiting for the clinic (issue 18).
        panels.append(WaitingForReviewPanel())
        panels.append(ScreeningDashboardPanel())


def _status_label(code) -> str:
    try:
        return Status(code).label
    except ValueError:
        return str(code)


@hooks.register("register_log_actions")
def register_screening_log_actions(actions):
    @actions.register_action("screening.status")
    class StatusChanged(LogFormatter):
        label = "Screening: change status"

        def format_message(self, log_entry):
            data = log_entry.data or {}
            if "from" in data and "to" in data:
                return (
                    f"Status changed from “{_status_label(data['from'])}” "
                    f"to “{_status_label(data['to'])}”"
                )
            return "Status changed"

    @actions.register_action("screening.assign")
    class Assigned(LogFormatter):
        label = "Screening: assign reviewer"

        def format_message(self, log_entry):
            data = log_entry.data or {}
            if "to_user_id" not in data:
                return "Assignment changed"
            if data["to_user_id"] is None:
                return "Unassigned"
            return f"Assigned to {data.get('to_name') or 'a reviewer'}"

    @actions.register_action("screening.note")
    class NoteAdded(LogFormatter):
        label = "Screening: add note"
        message = "Internal note added"

    @actions.register_action("screening.decision")
    class DecisionRecorded(LogFormatter):
        label = "Screening: clinician decision"

        def format_message(self, log_entry):
            code = (log_entry.data or {}).get("to")
            try:
                return f"Clinician decision recorded: {ClinicianDecision(code).label}"
            except ValueError:
                return "Clinician decision recorded"

    @actions.register_action("screening.reassess")
    class Reassessed(LogFormatter):
        label = "Screening: re-assess"

        def format_message(self, log_entry):
            version = (log_entry.data or {}).get("to_version")
            if version:
                return f"Re-assessed under criteria version {version}"
            return "Re-assessed"

    @actions.register_action("screening.viewed")
    class Viewed(LogFormatter):
        label = "Screening: view submission"
        message = "Submission viewed"

    @actions.register_action("screening.photo_viewed")
    class PhotoViewed(LogFormatter):
        label = "Screening: view photo"
        message = "Photo viewed"

    @actions.register_action("screening.photos_requested")
    class PhotosRequested(LogFormatter):
        label = "Screening: ask for more photos"
        message = "Patient asked for more photos"

    @actions.register_action("screening.photos_added")
    class PhotosAdded(LogFormatter):
        label = "Screening: patient added photos"

        def format_message(self, log_entry):
            count = (log_entry.data or {}).get("count")
            if not count:
                return "The patient added photos through their link"
            return f"The patient added {count} photo{'' if count == 1 else 's'} through their link"

    @actions.register_action("screening.printed")
    class Printed(LogFormatter):
        label = "Screening: print submission"
        message = "Submission printed for the consultation file"

    @actions.register_action("screening.access_refused")
    class AccessRefused(LogFormatter):
        label = "Screening: access refused"

        def format_message(self, log_entry):
            view = (log_entry.data or {}).get("view")
            return f"Access refused ({view})" if view else "Access refused"

    class Exported(LogFormatter):
        label = "Screening: export"

        def format_message(self, log_entry):
            data = log_entry.data or {}
            rows = data.get("rows")
            if rows is None:
                return "Submissions exported"
            fmt = str(data.get("format", "")).upper()
            return f"Exported {rows} submission{'' if rows == 1 else 's'} as {fmt}"

    class Erased(LogFormatter):
        label = "Screening: erase (right to erasure)"
        message = "Erased on request (right to erasure)"

    # "screening.export" and "screening.erase": what these entries were called before
    # issue 15; older entries keep their wording.
    for name, formatter in (
        ("screening.exported", Exported),
        ("screening.export", Exported),
        ("screening.erased", Erased),
        ("screening.erase", Erased),
    ):
        actions.register_action(name)(formatter)

    @actions.register_action("screening.purge")
    class Purged(LogFormatter):
        label = "Screening: purge expired"

        def format_message(self, log_entry):
            data = log_entry.data or {}
            if "count" not in data:
                return "Expired submissions purged"
            count = data["count"]
            return (
                f"Purged {count} expired submission{'' if count == 1 else 's'} "
                f"(older than {data.get('older_than_days')} days)"
            )
