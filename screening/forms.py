"""One form per questionnaire step.

Field names are the contract's answer keys and option values its codes: the clinical
fields are built from ``criteria.QUESTIONS`` (labels, hints, choices), grouped as in
``criteria.QUESTION_GROUPS``, so nothing is typed twice. Every form also re-validates
what an earlier request stored in the session (``from_session``), which is how the
final submit checks every step again.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from functools import cached_property
from typing import Any, ClassVar

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Layout
from django import forms
from django.core.exceptions import ValidationError

from screening import consent
from screening.criteria import (
    CONDITIONAL_KEYS,
    CURRENT,
    MAX_AGE,
    MIN_AGE,
    STEPS,
    Kind,
    Question,
    QuestionGroup,
)
from screening.models import PreferredContact, Submission
from screening.widgets import OptionCheckboxSelectMultiple, OptionRadioSelect

FIELD_TEMPLATE = "screening/fields/field.html"
ILLUSTRATED_QUESTIONS = frozenset({"hair_loss_pattern"})
NAME_MAX_LENGTH = Submission._meta.get_field("name").max_length
EMAIL_MAX_LENGTH = Submission._meta.get_field("email").max_length
PHONE_MAX_LENGTH = Submission._meta.get_field("phone").max_length


class StepForm(forms.Form):
    """What every step shares: crispy rendering, the error summary, strict input handling."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    @cached_property
    def helper(self) -> FormHelper:
        helper = FormHelper()
        helper.form_tag = False
        helper.disable_csrf = True
        helper.field_template = FIELD_TEMPLATE
        helper.layout = self.build_layout()
        return helper

    def build_layout(self) -> Layout:
        return Layout(*self.fields)

    def clean(self):
        cleaned = super().clean()
        self._refuse_repeated_values()
        return cleaned

    def _refuse_repeated_values(self) -> None:
        """A single-answer field sent twice is tampering: say so instead of picking one."""
        getlist = getattr(self.data, "getlist", None)
        if getlist is None:
            return
        for name, field in self.fields.items():
            if isinstance(field, forms.MultipleChoiceField) or name in self.errors:
                continue
            if len(getlist(self.add_prefix(name))) > 1:
                self.add_error(name, ValidationError("Give only one answer here.", code="repeated"))

    def error_summary(self) -> list[tuple[str, str]]:
        """(anchor id, message) pairs in page order, for the summary at the top."""
        items = [("", str(error)) for error in self.non_field_errors()]
        for bound_field in self:
            if not bound_field.errors:
                continue
            anchor = bound_field.auto_id
            if bound_field.field.widget.use_fieldset:
                anchor = f"{anchor}_0"  # a group links to its first option
            items.extend((anchor, str(error)) for error in bound_field.errors)
        return items

    # --- the session round trip ------------------------------------------------------

    def session_data(self) -> dict[str, Any]:
        """The cleaned answers in JSON-safe form, as stored in the session."""
        return {key: value for key, value in self.cleaned_data.items() if value not in (None, "")}

    @classmethod
    def data_from_session(cls, stored: Mapping[str, Any]) -> dict[str, Any]:
        """Form data that reproduces what was stored, to validate it again."""
        return dict(stored)


# --- fields ----------------------------------------------------------------------------


class AgeField(forms.IntegerField):
    """Whole years. Under 18 has its own error code: the view sends those to a kind page."""

    default_error_messages = {
        "required": "Enter your age in years, for example 42.",
        "invalid": "Enter your age as a whole number of years, for example 42.",
    }

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "widget",
            forms.TextInput(
                attrs={
                    "inputmode": "numeric",
                    "autocomplete": "off",
                    "spellcheck": "false",
                    "class": "screening-input--short",
                    "maxlength": "3",
                }
            ),
        )
        super().__init__(**kwargs)

    def validate(self, value):
        super().validate(value)
        if value is None:
            return
        if 1 <= value < MIN_AGE:
            raise ValidationError(
                f"The online pre-screening is for adults aged {MIN_AGE} or over.",
                code="under_age",
            )
        if not MIN_AGE <= value <= MAX_AGE:
            raise ValidationError(
                f"Enter an age between {MIN_AGE} and {MAX_AGE}.", code="out_of_range"
            )


class CodeListField(forms.MultipleChoiceField):
    """Ticked codes in display order, without repeats; "None of these" only on its own."""

    def __init__(self, *, exclusive_code: str | None = None, exclusive_message: str = "", **kw):
        self.exclusive_code = exclusive_code
        self.exclusive_message = exclusive_message
        super().__init__(**kw)

    def clean(self, value):
        codes = super().clean(value)
        order = [str(code) for code, _ in self.choices]
        return [code for code in order if code in set(codes)]

    def validate(self, value):
        super().validate(value)
        if self.exclusive_code in value and len(set(value)) > 1:
            raise ValidationError(self.exclusive_message, code="exclusive")


def _quoted(label: str) -> str:
    return f"“{label.rstrip('?')}”"


def question_field(question: Question, only: tuple[str, ...] | None = None) -> forms.Field:
    """A form field for one criteria question: its label, hint and codes, nothing re-typed.

    ``only`` limits the options offered (a pattern step shows one scale's pictures).
    """
    common = {"label": question.label, "help_text": question.hint}
    if question.kind is Kind.INTEGER:
        return AgeField(**common)
    if question.kind is Kind.SINGLE:
        options = [o for o in question.options if only is None or o.code in only]
        return forms.ChoiceField(
            choices=[(o.code, o.label) for o in options],
            widget=OptionRadioSelect(
                criteria_options=options,
                illustrated=question.key in ILLUSTRATED_QUESTIONS,
            ),
            error_messages={
                "required": f"Select an answer to {_quoted(question.label)}.",
                "invalid_choice": "Select one of the answers shown.",
            },
            **common,
        )
    none_label = question.option(question.exclusive_code).label if question.exclusive_code else ""
    return CodeListField(
        choices=question.choices(),
        exclusive_code=question.exclusive_code,
        exclusive_message=(
            f"“{none_label}” cannot be ticked together with other answers. Untick "
            f"“{none_label}”, or untick the others."
        ),
        widget=OptionCheckboxSelectMultiple(
            criteria_options=question.options, exclusive_code=question.exclusive_code
        ),
        error_messages={
            "required": (
                f"Tick at least one answer to {_quoted(question.label)}"
                + (f", or tick “{none_label}”." if none_label else ".")
            ),
            "invalid_choice": "Select only the answers shown.",
            "invalid_list": "Select only the answers shown.",
        },
        **common,
    )


# --- the steps -------------------------------------------------------------------------


class ConsentForm(StepForm):
    """Three separate boxes, none ticked in advance; only the first two are required."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for text in consent.CONSENTS:
            self.fields[text.field] = forms.BooleanField(
                label=text.label,
                help_text=text.hint,
                required=text.required,
                error_messages={"required": text.required_message},
            )

    def session_data(self) -> dict[str, bool]:
        return {text.field: bool(self.cleaned_data.get(text.field)) for text in consent.CONSENTS}


class QuestionGroupForm(StepForm):
    """The questions of one step of the current rule set (a ``QuestionGroup``)."""

    group: ClassVar[QuestionGroup]
    CONDITIONAL_HINT = "Only if you answered yes to the question above."

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key in self.group.keys:
            field = question_field(CURRENT.question(key), self.group.only_options.get(key))
            if key in CONDITIONAL_KEYS:
                field.required = False
                field.help_text = " ".join(filter(None, [self.CONDITIONAL_HINT, field.help_text]))
            self.fields[key] = field

    def build_layout(self) -> Layout:
        items = []
        for key in self.fields:
            if key in CONDITIONAL_KEYS:
                controller, shown_for = CONDITIONAL_KEYS[key]
                items.append(
                    Div(
                        key,
                        css_class="screening-conditional",
                        data_controlled_by=controller,
                        data_shown_for=" ".join(sorted(shown_for)),
                    )
                )
            else:
                items.append(key)
        return Layout(*items)

    def clean(self):
        cleaned = super().clean()
        for key, (controller, shown_for) in CONDITIONAL_KEYS.items():
            if key not in self.fields or controller not in cleaned:
                continue
            if cleaned[controller] in shown_for:
                if not cleaned.get(key) and key not in self.errors:
                    question = CURRENT.questions[key]
                    self.add_error(
                        key,
                        ValidationError(
                            f"Select an answer to {_quoted(question.label)}.", code="required"
                        ),
                    )
            else:
                # Not asked for this answer: whatever came in is dropped, never stored.
                cleaned[key] = None
                self._errors.pop(key, None)
        return cleaned

    @property
    def is_under_age(self) -> bool:
        return "age" in self.fields and self.has_error("age", code="under_age")


def _group_form(group: QuestionGroup) -> type[QuestionGroupForm]:
    name = "".join(part.capitalize() for part in re.split(r"[-_]", group.slug)) + "Form"
    return type(name, (QuestionGroupForm,), {"group": group, "__module__": __name__})


GROUP_FORMS: dict[str, type[QuestionGroupForm]] = {step.slug: _group_form(step) for step in STEPS}


def _no_control_characters(value: str) -> None:
    if any(unicodedata.category(char) in {"Cc", "Cf", "Cs", "Co"} for char in value):
        raise ValidationError("Use letters, spaces and punctuation only.", code="control")


PHONE_CHARACTERS = re.compile(r"^\+?[0-9 ().\-/]+$")


def _lenient_phone(value: str) -> None:
    digits = re.sub(r"[^0-9]", "", value)
    if not PHONE_CHARACTERS.fullmatch(value) or not 7 <= len(digits) <= 15:
        raise ValidationError(
            "Enter a phone number with 7 to 15 digits, like 07700 900123 or +44 7700 900123.",
            code="phone",
        )


class ContactForm(StepForm):
    HONEYPOT = "website"

    name = forms.CharField(
        label="Your name",
        max_length=NAME_MAX_LENGTH,
        validators=[_no_control_characters],
        help_text="So we know how to address you.",
        widget=forms.TextInput(attrs={"autocomplete": "name", "spellcheck": "false"}),
        error_messages={
            "required": "Enter your name.",
            "max_length": f"Your name must be {NAME_MAX_LENGTH} characters or fewer.",
        },
    )
    email = forms.EmailField(
        label="Email address",
        max_length=EMAIL_MAX_LENGTH,
        help_text="We send a confirmation here, without any of your answers.",
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages={
            "required": "Enter your email address.",
            "invalid": "Enter an email address in the right format, like name@example.com.",
            "max_length": f"Your email address must be {EMAIL_MAX_LENGTH} characters or fewer.",
        },
    )
    phone = forms.CharField(
        label="Phone number",
        required=False,
        max_length=PHONE_MAX_LENGTH,
        validators=[_lenient_phone],
        help_text=(
            "Optional, unless you would like us to phone you. Include the country code if "
            "you live outside the UK."
        ),
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
        error_messages={
            "max_length": f"Your phone number must be {PHONE_MAX_LENGTH} characters or fewer."
        },
    )
    preferred_contact = forms.ChoiceField(
        label="How would you prefer us to contact you?",
        choices=PreferredContact.choices,
        widget=OptionRadioSelect(),
        error_messages={
            "required": "Select how you would prefer us to contact you.",
            "invalid_choice": "Select one of the answers shown.",
        },
    )
    # Left empty by people (hidden from sight and from assistive technology); bots that
    # fill in every field fill this one too.
    website = forms.CharField(
        label="Leave this field empty",
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def build_layout(self) -> Layout:
        return Layout(
            "name",
            "email",
            "phone",
            "preferred_contact",
            Div(self.HONEYPOT, css_class="screening-hp", aria_hidden="true"),
        )

    def clean_phone(self) -> str:
        return " ".join(self.cleaned_data["phone"].split())

    def clean(self):
        cleaned = super().clean()
        wants_phone = cleaned.get("preferred_contact") == PreferredContact.PHONE
        if wants_phone and not cleaned.get("phone") and "phone" not in self.errors:
            self.add_error(
                "phone",
                ValidationError(
                    "Enter a phone number, or choose email as the way to contact you.",
                    code="required",
                ),
            )
        return cleaned

    @property
    def honeypot_filled(self) -> bool:
        return bool(str(self.data.get(self.add_prefix(self.HONEYPOT), "")).strip())

    def session_data(self) -> dict[str, str]:
        return {
            key: self.cleaned_data.get(key) or ""
            for key in ("name", "email", "phone", "preferred_contact")
        }
