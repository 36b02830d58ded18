"""The submissions list: columns (name, waiting time, outcome badges, repeats), the
"needs attention first" order, search by reference or blind-indexed email or phone, and
the exports (exports.py)."""

from __future__ import annotations

from django.contrib.admin.utils import quote
from django.db.models import Q
from django.urls import reverse
from django.utils.functional import cached_property
from wagtail.admin.forms.search import SearchForm
from wagtail.admin.ui.tables import Column, StatusTagColumn, TitleColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.widgets.button import Button

from clinic_site import crypto
from screening.admin.display import (
    REVIEW_CSS,
    assignee_text,
    outcome_full_label,
    outcome_label,
    received_text,
    referral_label,
    stage_summary,
)
from screening.admin.exports import SubmissionExportMixin
from screening.admin.listing import (
    ATTENTION_SORT_KEY,
    order_by_attention,
    service_level_days,
    waiting,
    with_repeat_counts,
)
from screening.models import Status


class OutcomeColumn(Column):
    """The outcome as a badge: its text, with a colour as a second cue, never the only one."""

    cell_template_name = "screening/admin/cells/outcome.html"

    class Media:
        css = {"all": [REVIEW_CSS]}

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["code"] = instance.outcome
        context["label"] = outcome_label(instance.outcome)
        context["full_label"] = outcome_full_label(instance.outcome)
        context["referrals"] = [
            {"kind": kind, "label": referral_label(kind)}
            for kind in (instance.referral or "").split()
        ]
        return context


class WaitingColumn(Column):
    """Working days waited, with an "Overdue" badge (words, not colour alone) past the
    service level."""

    cell_template_name = "screening/admin/cells/waiting.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["waiting"] = waiting(instance)
        context["service_level_days"] = service_level_days()
        return context


class RepeatColumn(Column):
    """How many other submissions the same patient made, linked to the list of them."""

    cell_template_name = "screening/admin/cells/repeats.html"

    def __init__(self, *args, index_url, **kwargs):
        super().__init__(*args, **kwargs)
        self.index_url = index_url

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["count"] = getattr(instance, "repeat_count", 0)
        context["url"] = f"{self.index_url}?same_patient={instance.pk}"
        return context


# Names, emails and phones are encrypted at rest, so the database cannot search inside
# them: the box finds a reference, or an exact email address or phone number through its
# blind index. Names cannot be searched (README, "Keys and rotation").
SEARCH_PLACEHOLDER = "Reference, or exact email or phone (names cannot be searched)"


PHONE_CHARACTERS = frozenset("0123456789+-() .")
# References use 2-9 and letters (models.REFERENCE_ALPHABET) with "-".
NEVER_IN_A_REFERENCE = frozenset("01+() .")


def submission_search(queryset, text: str):
    text = text.strip()
    if "@" in text:
        # No reference holds "@": one index lookup.
        return queryset.filter(email_index=crypto.email_index(text))
    if set(text) <= PHONE_CHARACTERS and crypto.normalise_phone(text).lstrip("+"):
        phone = Q(phone_index=crypto.phone_index(text))
        if set(text) & NEVER_IN_A_REFERENCE:
            return queryset.filter(phone)  # one index lookup
        return queryset.filter(phone | Q(reference__icontains=text))
    return queryset.filter(reference__icontains=text)


class SubmissionIndexView(SubmissionExportMixin, IndexView):
    any_permission_required = ["view", "change"]
    page_title = "Screening submissions"
    inspect_url_name = None
    purge_url_name = None

    def get_base_queryset(self):
        queryset = super().get_base_queryset().select_related("assigned_to")
        if not self.is_export:
            # The list shows the name but no answers or contact details: leave those
            # encrypted (and unread). Only the page's rows are fetched, so only the names
            # on screen are decrypted.
            queryset = queryset.defer("answers", "email", "phone", "clinician_decision_reason")
        return queryset

    def paginate_queryset(self, queryset, page_size):
        """Count the other submissions of each patient for the page's rows only: the
        page's ids are chosen in a subquery (ordered, offset, limited), and the repeat
        count is worked out in the outer query for those rows. Annotating the whole list
        made the database count for every row it skipped (page 100 of 100k rows: 1.8 s)."""
        paginator, page, object_list, is_paginated = super().paginate_queryset(queryset, page_size)
        page_ids = object_list.values("pk")
        page.object_list = with_repeat_counts(queryset.filter(pk__in=page_ids))
        return paginator, page, page.object_list, is_paginated

    def get_valid_orderings(self):
        return [ATTENTION_SORT_KEY, f"-{ATTENTION_SORT_KEY}", *super().get_valid_orderings()]

    def order_queryset(self, queryset):
        if self.ordering in (ATTENTION_SORT_KEY, f"-{ATTENTION_SORT_KEY}"):
            return order_by_attention(queryset, descending=self.ordering.startswith("-"))
        return super().order_queryset(queryset).order_by(*self._with_tiebreak())

    def _with_tiebreak(self):
        ordering = self.ordering if isinstance(self.ordering, list | tuple) else [self.ordering]
        return [*ordering, "-pk"]

    def get_search_form(self):
        if not self.is_searchable:
            return None
        data = self.request.GET if self.search_kwarg in self.request.GET else None
        return SearchForm(data, placeholder=SEARCH_PLACEHOLDER)

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        return submission_search(queryset, self.search_query)

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "reference",
                label="Reference",
                get_url=self.get_inspect_url,
                classname="screening-reference",
            ),
            Column("name", label="Patient", accessor="name"),
            Column("received", label="Received", accessor=received_text, sort_key="created_at"),
            WaitingColumn(
                "waiting",
                label="Waiting",
                sort_key=ATTENTION_SORT_KEY,
            ),
            OutcomeColumn("outcome", label="Outcome"),
            Column("score", label="Score", sort_key="score"),
            StatusTagColumn(
                "status",
                label="Status",
                accessor="get_status_display",
                primary=lambda submission: submission.status == Status.NEW,
            ),
            Column("assigned_to", label="Assigned reviewer", accessor=assignee_text),
            Column("stage_summary", label="Stage summary", accessor=stage_summary),
            RepeatColumn("repeats", label="Other submissions", index_url=self.index_url),
        ]

    def get_inspect_url(self, instance):
        return reverse(self.inspect_url_name, args=(quote(instance.pk),))

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if self.purge_url_name and self.user_has_permission("purge"):
            buttons.append(
                Button(
                    "Purge expired submissions…",
                    url=reverse(self.purge_url_name),
                    icon_name="bin",
                    priority=200,
                )
            )
        return buttons

    def get(self, request, *args, **kwargs):
        if self.is_export:
            return self.export(request.GET["export"])
        return super().get(request, *args, **kwargs)
