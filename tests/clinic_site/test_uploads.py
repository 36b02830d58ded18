"""Images and documents uploaded through the admin are limited in size and type."""

import io
import zipfile

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection


def image_bytes(fmt="PNG", size=(8, 8), mode="RGB"):
    buffer = io.BytesIO()
    PILImage.new(mode, size).save(buffer, format=fmt)
    return buffer.getvalue()


def zip_bytes(members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


@pytest.fixture
def admin_client(superuser):
    client = Client()
    client.force_login(superuser)
    return client


def upload(client, url, name, content):
    return client.post(
        url,
        {
            "title": "Upload",
            "collection": Collection.get_first_root_node().pk,
            "file": SimpleUploadedFile(name, content),
        },
    )


def form_errors(response):
    assert response.status_code == 200, "the form is shown again with errors"
    return " ".join(str(e) for e in response.context["form"].errors.get("file", []))


def test_a_small_real_png_is_accepted(admin_client):
    response = upload(admin_client, "/admin/images/add/", "scalp.png", image_bytes())
    assert response.status_code == 302
    assert get_image_model().objects.count() == 1


def test_an_image_over_the_size_limit_is_refused(admin_client):
    content = image_bytes() + b"\0" * settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
    assert len(content) > settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
    response = upload(admin_client, "/admin/images/add/", "big.png", content)
    assert "too big" in form_errors(response)
    assert get_image_model().objects.count() == 0


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "logo.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            "Not a supported image format",
        ),
        ("page.html", b"<html><script>alert(1)</script></html>", "Not a supported image format"),
        ("photo.gif", image_bytes("GIF"), "Not a supported image format"),
        ("renamed.png", image_bytes("GIF"), "does not match the file format"),
        ("fake.jpg", b"<html>not an image</html>", "does not match the file format"),
    ],
)
def test_an_image_of_the_wrong_type_is_refused(admin_client, name, content, message):
    response = upload(admin_client, "/admin/images/add/", name, content)
    assert message in form_errors(response)
    assert get_image_model().objects.count() == 0


def test_an_image_with_too_many_pixels_is_refused(admin_client):
    # A tiny file that decodes to a huge bitmap (a decompression bomb in miniature).
    side = int(settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS**0.5) + 10
    content = image_bytes(size=(side, side), mode="1")  # 1 bit per pixel: cheap
    assert len(content) < settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
    response = upload(admin_client, "/admin/images/add/", "bomb.png", content)
    assert "too many pixels" in form_errors(response)
    assert get_image_model().objects.count() == 0


MINIMAL_PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
DOCX = zip_bytes({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"})
ODT = zip_bytes({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x/>"})


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("leaflet.pdf", MINIMAL_PDF),
        ("consent.docx", DOCX),
        ("consent.odt", ODT),
        ("notes.txt", "Plain text, with “typography” and £.".encode()),
    ],
)
def test_real_documents_of_each_allowed_type_are_accepted(admin_client, name, content):
    response = upload(admin_client, "/admin/documents/add/", name, content)
    assert response.status_code == 302, response.context and response.context["form"].errors
    assert get_document_model().objects.count() == 1


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("page.html", b"<html><script>alert(1)</script></html>", "extension “html” is not allowed"),
        ("tool.exe", b"MZ\x90\x00", "extension “exe” is not allowed"),
        ("image.svg", b"<svg/>", "extension “svg” is not allowed"),
        ("fake.pdf", b"<html><script>alert(1)</script></html>", "do not match its .pdf"),
        ("fake.docx", b"%PDF-1.4 not a word file", "do not match its .docx"),
        ("zip.docx", zip_bytes({"payload.js": "alert(1)"}), "do not match its .docx"),
        ("fake.odt", DOCX, "do not match its .odt"),
        ("binary.txt", b"text\x00with\x00nul", "do not match its .txt"),
    ],
)
def test_documents_of_the_wrong_type_are_refused(admin_client, name, content, message):
    response = upload(admin_client, "/admin/documents/add/", name, content)
    assert message in form_errors(response)
    assert get_document_model().objects.count() == 0


def test_a_document_over_the_size_limit_is_refused(admin_client):
    content = MINIMAL_PDF + b"\0" * settings.WAGTAILDOCS_MAX_UPLOAD_SIZE
    response = upload(admin_client, "/admin/documents/add/", "big.pdf", content)
    assert "too big" in form_errors(response)
    assert get_document_model().objects.count() == 0


@pytest.mark.parametrize(
    ("url", "name", "content", "model", "accepted"),
    [
        ("/admin/documents/multiple/add/", "real.pdf", MINIMAL_PDF, get_document_model, True),
        (
            "/admin/documents/multiple/add/",
            "fake.pdf",
            b"<html>x</html>",
            get_document_model,
            False,
        ),
        ("/admin/images/multiple/add/", "real.png", image_bytes(), get_image_model, True),
        ("/admin/images/multiple/add/", "logo.svg", b"<svg/>", get_image_model, False),
    ],
)
def test_the_multiple_uploader_applies_the_same_checks(
    admin_client, url, name, content, model, accepted
):
    response = admin_client.post(
        url,
        {"files[]": SimpleUploadedFile(name, content)},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert response.status_code == 200
    assert response.json()["success"] is accepted
    assert model().objects.count() == int(accepted)
