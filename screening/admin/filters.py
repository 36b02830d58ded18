"""Filters for the submissions listing (Wagtail's generic django-filter integration)."""

import django_filters
from django import forms
from django_filters.fields import ModelChoiceField, ModelChoiceIterator
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.widgets import BooleanRadioSelect

from screening.admin.listing import same_patient_filter
from screening.admin.policy import cached_reviewers, reviewers
from screening.models import OutcomeChoices, Status, Submission
from screening.rules import RULE_SETS
from screening.rules.base import REFERRAL_LABELS


def user_display_name(user) -> str:
    return (user.get_full_name() or "").strip() or user.get_username()


class CachedReviewerIterator(ModelChoiceIterator):
    """The reviewer choices from the cache (policy.cached_reviewers): rendering the filter
    costs no query. Checking a chosen value still asks the database (the queryset)."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        if self.field.null_label is not None:
            yield (self.field.null_value, self.field.null_label)
        for user in cached_reviewers():
            yield self.choice(user)

    def __len__(self):
        extra = (self.field.empty_label is not None) + (self.field.null_label is not None)
        return len(cached_reviewers()) + extra

    def __bool__(self):
        return True


class ReviewerChoiceField(ModelChoiceField):
    iterator = CachedReviewerIterator

    def label_from_instance(self, obj):
        # The "Unassigned" choice reaches here as its raw value in the active-filter pills.
        if obj == self.null_value:
            return self.null_label
        return user_display_name(obj)


class ReviewerFilter(django_filters.ModelChoiceFilter):
    field_class = ReviewerChoiceField


class SubmissionFilterSet(WagtailFilterSet):
    # distinct=False: the filters never join other tables, and DISTINCT would make the
    # database sort every matching row before it can return the first page.
    outcome = django_filters.MultipleChoiceFilter(
        label="Outcome",
        choices=OutcomeChoices.choices,
        widget=forms.CheckboxSelectMultiple,
        distinct=False,
    )
    status = django_filters.MultipleChoiceFilter(
        label="Status",
        choices=Status.choices,
        widget=forms.CheckboxSelectMultiple,
        distinct=False,
    )
    assigned_to = ReviewerFilter(
        label="Assigned reviewer",
        queryset=lambda request: reviewers(),
        empty_label="Anyone",
        null_label="Unassigned",
    )
    created_at = django_filters.DateFromToRangeFilter(
        label="Received between", widget=DateRangePickerWidget
    )
    has_medical_conditions = django_filters.BooleanFilter(
        label="Has medical conditions", widget=BooleanRadioSelect
    )
    criteria_version = django_filters.MultipleChoiceFilter(
        label="Criteria version",
        choices=[(version, version) for version in reversed(RULE_SETS)],
        widget=forms.CheckboxSelectMultiple,
        distinct=False,
    )
    # A refer result may have both kinds ("diagnosis safety"): either one matches.
    referral = django_filters.ChoiceFilter(
        label="Referral kind",
        choices=[(kind.value, label) for kind, label in REFERRAL_LABELS.items()],
        lookup_expr="contains",
        empty_label="Any",
    )

    mine = django_filters.BooleanFilter(
        label="Assigned to me",
        method="filter_mine",
        widget=forms.CheckboxInput,
    )
    # "Same patient as submission <pk>": the link from a row's repeat count. Only an id
    # goes in the URL, never an email address or phone number.
    same_patient = django_filters.NumberFilter(
        label="Same patient as submission",
        method="filter_same_patient",
        widget=forms.HiddenInput,
    )

    class Meta:
        model = Submission
        fields = []

    def filter_mine(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(assigned_to=self.request.user)

    def filter_same_patient(self, queryset, name, value):
        if value is None:
            return queryset
        keys = Submission.objects.filter(pk=value).values_list("email_index", "phone_index").first()
        condition = same_patient_filter(*keys) if keys else None
        if condition is None:
            return queryset.filter(pk=value)
        return queryset.filter(condition)

    def summary(self) -> dict:
        """The active filters as codes and ids, for the export's audit entry."""
        if not self.is_bound or not self.is_valid():
            return {}
        summary = {}
        for name in self.form.changed_data:
            value = self.form.cleaned_data.get(name)
            if value in (None, "", [], ()) or (name == "mine" and not value):
                continue
            if isinstance(value, slice):
                value = [
                    value.start.date().isoformat() if value.start else None,
                    value.stop.date().isoformat() if value.stop else None,
                ]
            elif hasattr(value, "pk"):
                value = value.pk
            summary[name] = value
        return summary
