"""The small staff forms on a submission's page. Patient answers never appear in a form."""

from django import forms

from screening.admin.filters import user_display_name
from screening.admin.policy import reviewers
from screening.models import ClinicianDecision, Status
from screening.workflow import DECISION_REASON_MAX_LENGTH, NOTE_MAX_LENGTH, next_statuses


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


class ReviewForm(forms.Form):
    """The inspect page's one review panel, saved in one POST (workflow.save_review)."""

    status = forms.ChoiceField(label="Status", required=False)
    assigned_to = ReviewerField(
        label="Assigned reviewer", queryset=None, required=False, empty_label="Unassigned"
    )
    text = forms.CharField(
        label="Add an internal note",
        required=False,
        max_length=NOTE_MAX_LENGTH,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Seen by clinic staff only. Notes cannot be edited or deleted afterwards.",
    )
    clinician_decision = forms.ChoiceField(
        label="Clinician's decision after the consultation",
        required=False,
        choices=[("", "Not recorded yet"), *ClinicianDecision.choices],
    )
    clinician_decision_reason = forms.CharField(
        label="Reason for the decision",
        required=False,
        max_length=DECISION_REASON_MAX_LENGTH,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Needed with a decision. Kept encrypted; not shown in the history.",
    )

    def __init__(self, *args, submission, **kwargs):
        kwargs.setdefault(
            "initial",
            {
                "assigned_to": submission.assigned_to_id,
                "clinician_decision": submission.clinician_decision,
                "clinician_decision_reason": submission.clinician_decision_reason,
            },
        )
        super().__init__(*args, **kwargs)
        current = Status(submission.status)
        self.fields["status"].choices = [
            ("", f"Keep “{current.label}”"),
            *((s.value, s.label) for s in next_statuses(current)),
        ]
        self.fields["assigned_to"].queryset = reviewers()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("clinician_decision") and not cleaned.get("clinician_decision_reason"):
            self.add_error("clinician_decision_reason", "Give the reason for the decision.")
        if cleaned.get("clinician_decision_reason") and not cleaned.get("clinician_decision"):
            self.add_error("clinician_decision", "Choose the decision the reason is for.")
        return cleaned
