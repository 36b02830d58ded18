"""The "Screening" section of the Wagtail admin: one ModelViewSet for submissions.

URLs (under /admin/screening/submissions/):
    ""                      listing (filters, search, sorting; ?export=csv|xlsx|ndjson)
    inspect/<pk>/           a submission: answers, assessment, consents, review, history
    history/<pk>/           Wagtail's history view of the submission's audit entries
    print/<pk>/             the submission on paper for the consultation file (audited)
    fhir/<pk>/              the submission as a FHIR R4B Bundle (application/fhir+json, audited)
    status|assign|note|reassess/<pk>/   POST-only review actions
    review/<pk>/            the review panel: status, assignee, note, decision in one POST
    erase/<pk>/             right to erasure (confirmation, then POST)
    purge/                  delete submissions past the retention period (confirmation)

There is deliberately no add, edit, copy, delete or usage view: submissions come only from
patients, answers are never edited by staff, and removal goes through erasure or purge.
"""

from functools import wraps

from django.contrib.admin.utils import quote
from django.contrib.auth import get_permission_codename
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path, reverse
from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.viewsets.model import ModelViewSet

from screening.admin.erasure import SubmissionEraseView, SubmissionPurgeView
from screening.admin.exports import EXPORT_FIELDS
from screening.admin.fhir import SubmissionFhirView
from screening.admin.filters import SubmissionFilterSet
from screening.admin.index import SubmissionIndexView
from screening.admin.inspect import (
    SubmissionHistoryView,
    SubmissionInspectView,
    SubmissionPrintView,
)
from screening.admin.policy import submission_permission_policy
from screening.admin.review import (
    SubmissionAssignView,
    SubmissionNoteView,
    SubmissionReassessView,
    SubmissionReviewView,
    SubmissionStatusView,
)
from screening.models import Submission
from screening.privacy import log_access_refused


def forbidden_as_403(view, view_name: str = ""):
    """Answer a refused request with 403 Forbidden, and record the refusal.

    Wagtail's admin turns PermissionDenied into a redirect to the dashboard; for these
    health-data pages the issue asks for an explicit 403 (and the status lets monitoring
    and tests tell a refusal from a success). Each refusal leaves a
    ``screening.access_refused`` audit entry: who, which view, which id was asked for."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied:
            log_access_refused(request, view_name, kwargs.get("pk"))
            return TemplateResponse(request, "screening/admin/permission_denied.html", status=403)

    return wrapped


class SubmissionAdminURLFinder(ModelAdminURLFinder):
    """Links from elsewhere in the admin (e.g. Reports → Site history) open the inspect page."""

    edit_url_name = "screening_submissions:inspect"

    def get_edit_url(self, instance):
        if self.user and not submission_permission_policy.user_has_any_permission(
            self.user, ["view", "change"]
        ):
            return None
        return reverse(self.edit_url_name, args=(quote(instance.pk),))


class SubmissionViewSet(ModelViewSet):
    model = Submission
    name = "screening_submissions"
    url_prefix = "screening/submissions"
    url_namespace = "screening_submissions"
    icon = "clipboard-list"
    menu_label = "Screening"
    menu_order = 150
    add_to_admin_menu = True
    add_to_reference_index = False

    index_view_class = SubmissionIndexView
    inspect_view_class = SubmissionInspectView
    history_view_class = SubmissionHistoryView
    inspect_view_enabled = True
    copy_view_enabled = False

    list_per_page = 50
    # "Needs attention first": refer for a diagnosis, refer for a safety review, then the
    # longest waiting (screening/admin/listing.py).
    ordering = "attention"
    filterset_class = SubmissionFilterSet
    # The index view searches the reference and, by blind index, an exact email or phone
    # (index.submission_search): the encrypted columns cannot be searched inside. Plain
    # database lookups, no search index: personal data never lands in a search backend.
    search_fields = ["reference"]
    search_backend_name = None
    list_export = EXPORT_FIELDS
    export_headings = {field: field for field in EXPORT_FIELDS}
    export_filename = "screening-submissions"

    url_finder_class = SubmissionAdminURLFinder

    ACTION_VIEWS = {
        "status": SubmissionStatusView,
        "assign": SubmissionAssignView,
        "note": SubmissionNoteView,
        "review": SubmissionReviewView,
        "reassess": SubmissionReassessView,
        "erase": SubmissionEraseView,
    }

    def construct_view(self, view_class, **kwargs):
        return forbidden_as_403(super().construct_view(view_class, **kwargs), view_class.__name__)

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            add_url_name=None,
            edit_url_name=None,
            delete_url_name=None,
            usage_url_name=None,
            copy_url_name=None,
            purge_url_name=self.get_url_name("purge"),
            print_url_name=self.get_url_name("print"),
            fhir_url_name=self.get_url_name("fhir"),
            **{f"{name}_url_name": self.get_url_name(name) for name in self.ACTION_VIEWS},
            **kwargs,
        )

    def get_permissions_to_register(self):
        # Add and delete are never granted (see SubmissionPermissionPolicy), so the group
        # editor does not offer them.
        never = [get_permission_codename(action, self.model_opts) for action in ("add", "delete")]
        return super().get_permissions_to_register().exclude(codename__in=never)

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
            path("history/<int:pk>/", self.history_view, name="history"),
            path("history-results/<int:pk>/", self.history_results_view, name="history_results"),
            path("purge/", self.construct_view(SubmissionPurgeView), name="purge"),
            path("print/<int:pk>/", self.construct_view(SubmissionPrintView), name="print"),
            path("fhir/<int:pk>/", self.construct_view(SubmissionFhirView), name="fhir"),
            *(
                path(f"{name}/<int:pk>/", self.construct_view(view_class), name=name)
                for name, view_class in self.ACTION_VIEWS.items()
            ),
        ]
