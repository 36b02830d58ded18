"""Model fields whose values are stored encrypted (clinic_site.crypto, Fernet).

The column holds an opaque token (text); Python code sees the plain value. The database
cannot compare, sort or search such columns: filter on plaintext columns (outcome,
status, dates) or on a blind index (``email_index``, ``phone_index``) instead. Lookups
other than ``isnull`` are refused, so code cannot silently match nothing.
"""

from __future__ import annotations

from django.core.exceptions import FieldError
from django.db import models

from clinic_site import crypto


class EncryptedMixin:
    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value is None:
            return None
        return self.encrypt_value(value)

    def from_db_value(self, value, expression, connection):
        if value is None:
            return None
        return self.decrypt_value(value)

    def get_lookup(self, lookup_name):
        if lookup_name != "isnull":
            raise FieldError(
                f"{self.__class__.__name__} {self.name!r} is encrypted: it cannot be "
                f"searched with {lookup_name!r} (use its blind index or a plaintext column)."
            )
        return super().get_lookup(lookup_name)


class EncryptedTextField(EncryptedMixin, models.TextField):
    """Text (a name, an email address, a note). ``max_length`` still limits input."""

    def encrypt_value(self, value) -> str:
        return crypto.encrypt(str(value))

    def decrypt_value(self, value) -> str:
        return crypto.decrypt(value)

    def to_python(self, value):
        return value if value is None else str(value)


class EncryptedJSONField(EncryptedMixin, models.TextField):
    """A JSON document (answers, reasons) kept as one encrypted token."""

    def encrypt_value(self, value) -> str:
        return crypto.encrypt_json(value)

    def decrypt_value(self, value):
        return crypto.decrypt_json(value)

    def get_prep_value(self, value):
        # TextField.get_prep_value would turn a dict into its repr: skip it.
        if value is None:
            return None
        return self.encrypt_value(value)

    def to_python(self, value):
        return value

    def value_to_string(self, obj):
        import json

        return json.dumps(self.value_from_object(obj))
