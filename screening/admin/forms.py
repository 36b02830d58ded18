"""The small staff forms on a submission's page. Patient answers never appear in a form."""

from django import forms

from screening.admin.filters import user_display_name
from screening.admin.policy import reviewers
from screening.workflow import NOTE_MAX_LENGTH, next_statuses


class StatusForm(forms.Form):
    status = forms.ChoiceField(label="Move to")

    def __init__(self, *args, current_status, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [(s.value, s.label) for s in next_statuses(current_status)]


class ReviewerField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return user_display_name(obj)


class AssignForm(forms.Form):
    assigned_to = ReviewerField(
        label="Assigned reviewer",
        queryset=None,
        required=False,
        empty_label="Unassigned",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assigned_to"].queryset = reviewers()


class NoteForm(forms.Form):
    text = forms.CharField(
        label="Add an internal note",
        max_length=NOTE_MAX_LENGTH,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=(
            "Seen by clinic staff only. Notes are kept as written: they cannot be edited "
            "or deleted afterwards."
        ),
    )
