"""Checks on files staff upload through the CMS, beyond Wagtail's own.

Wagtail already limits image size, pixel count and format (the decoded format must
match the extension) and document size and extension. A document's extension says
nothing about its content, though, so a document form that looks inside is used
(``WAGTAILDOCS_DOCUMENT_FORM_BASE``): an HTML page renamed ``.pdf`` is refused.
"""

import os
import zipfile

from django import forms
from django.core.files.uploadedfile import UploadedFile
from wagtail.documents.forms import BaseDocumentForm

ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"


def _is_pdf(f) -> bool:
    return f.read(5) == b"%PDF-"


def _is_docx(f) -> bool:
    try:
        with zipfile.ZipFile(f) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    return {"[Content_Types].xml", "word/document.xml"} <= names


def _is_odt(f) -> bool:
    try:
        with zipfile.ZipFile(f) as archive, archive.open("mimetype") as member:
            return member.read(len(ODT_MIMETYPE) + 1) == ODT_MIMETYPE
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        return False


def _is_plain_text(f) -> bool:
    data = f.read()
    if b"\x00" in data:
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


CONTENT_CHECKS = {"pdf": _is_pdf, "docx": _is_docx, "odt": _is_odt, "txt": _is_plain_text}


def content_matches_extension(f) -> bool:
    """True if the file looks like what its extension says (unknown extensions: False)."""
    extension = os.path.splitext(f.name or "")[1].lower().lstrip(".")
    check = CONTENT_CHECKS.get(extension)
    if check is None:
        return False
    f.seek(0)
    try:
        return check(f)
    finally:
        f.seek(0)


class CheckedDocumentForm(BaseDocumentForm):
    """Wagtail's document form, refusing files whose content contradicts their extension."""

    def clean_file(self):
        f = self.cleaned_data.get("file")
        # Only new uploads are inspected (an unchanged file on an edit form is not an
        # UploadedFile); disallowed extensions are refused by Wagtail's model validation.
        if isinstance(f, UploadedFile) and not content_matches_extension(f):
            extension = os.path.splitext(f.name or "")[1].lower().lstrip(".")
            if extension in CONTENT_CHECKS:
                raise forms.ValidationError(
                    "The contents of this file do not match its .%(extension)s extension. "
                    "Upload a real PDF, Word (.docx), OpenDocument (.odt) or plain-text file.",
                    code="content_does_not_match_extension",
                    params={"extension": extension},
                )
        return f
