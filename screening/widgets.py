"""Radio and checkbox widgets that carry each option's hint (and picture) from criteria.py.

Django's option dicts only know a value and a label. The questionnaire also shows a
short description under many options, linked to its input with ``aria-describedby``,
and a picture beside each hair-loss pattern; the field template reads both from here.
"""

from __future__ import annotations

from collections.abc import Sequence

from django import forms

from screening.criteria import Option


class OptionDetailsMixin:
    def __init__(
        self,
        *args,
        criteria_options: Sequence[Option] = (),
        exclusive_code: str | None = None,
        illustrated: bool = False,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.option_hints = {option.code: option.hint for option in criteria_options}
        self.exclusive_code = exclusive_code
        self.illustrated = illustrated

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        hint = self.option_hints.get(value, "")
        option["hint"] = hint
        option["hint_id"] = ""
        if hint and option["attrs"].get("id"):
            option["hint_id"] = f"{option['attrs']['id']}_hint"
            option["attrs"]["aria-describedby"] = option["hint_id"]
        option["exclusive"] = value == self.exclusive_code
        option["illustrated"] = self.illustrated
        return option


class OptionRadioSelect(OptionDetailsMixin, forms.RadioSelect):
    pass


class OptionCheckboxSelectMultiple(OptionDetailsMixin, forms.CheckboxSelectMultiple):
    pass
