"""Staff uploads are checked by type and size before anything is stored."""

import io

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection

pytestmark = pytest.mark.django_db


def png(size=(40, 30), mode="RGB"):
    buffer = io.BytesIO()
    PILImage.new(mode, size).save(buffer, format="PNG")
    return buffer.getvalue()


def stored_files():
    try:
        return sorted(default_storage.listdir("original_images")[1])
    except FileNotFoundError:
        return []


def upload_image(client, name, content):
    return client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Rally",
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
        },
    )


def test_a_small_png_is_accepted(staff_client):
    response = upload_image(staff_client, "rally.png", png())

    assert response.status_code == 302
    image = Image.objects.get()
    assert (image.width, image.height) == (40, 30)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "huge.png",
            png() + b"\0" * (10 * 1024 * 1024),
            "This file is too big",
        ),
        (
            "photo.jpg",
            b"<html><script>alert(1)</script></html>",
            "Not a valid .jpeg image",
        ),
        ("photo.jpg", b"%PDF-1.7\n" + b"x" * 2000, "Upload a valid image"),
        ("photo.jpg", png(), "The extension does not match the file format (png)"),
        ("program.exe", png(), "Not a supported image format"),
        ("vector.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>", "Not a"),
        (
            "bomb.png",
            png(size=(8000, 8000), mode="1"),
            "This file has too many pixels",
        ),
    ],
    ids=[
        "over 10 MB",
        "HTML as .jpg",
        "PDF as .jpg",
        "PNG as .jpg",
        "exe",
        "svg",
        "64 MP",
    ],
)
def test_bad_image_uploads_are_refused_with_a_message_and_not_stored(
    staff_client, name, content, message
):
    files_before = stored_files()

    response = upload_image(staff_client, name, content)

    assert response.status_code == 200  # the form again
    html = response.content.decode()
    assert message in html
    assert "The image could not be created due to errors." in html
    assert not Image.objects.exists()
    assert stored_files() == files_before


def test_multiple_uploader_refuses_a_non_image_too(staff_client):
    response = staff_client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile("photo.jpg", b"not an image")},
    )

    assert response.json()["success"] is False
    assert not Image.objects.exists()


def upload_document(client, name, content):
    return client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Flyer",
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
        },
    )


def test_a_pdf_flyer_is_accepted(staff_client):
    response = upload_document(staff_client, "flyer.pdf", b"%PDF-1.7\n%%EOF\n")

    assert response.status_code == 302
    assert Document.objects.get().file_extension == "pdf"


@pytest.mark.parametrize(
    ("name", "size", "message"),
    [
        ("flyer.pdf", 20 * 1024 * 1024 + 1, "This file is too big"),
        ("flyer.html", 100, "File extension"),
        ("script.exe", 100, "File extension"),
    ],
)
def test_bad_documents_are_refused(staff_client, name, size, message):
    response = upload_document(staff_client, name, b"x" * size)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Document.objects.exists()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("flyer.pdf", b"MZ\x90\x00 a program renamed"),
        ("minutes.docx", b"%PDF-1.7 not a word file"),
        ("list.csv", b"name,email\x00\x00binary"),
    ],
)
def test_documents_whose_content_does_not_fit_their_name_are_refused(
    staff_client, name, content
):
    response = upload_document(staff_client, name, content)

    assert response.status_code == 200
    assert "is not really a" in response.content.decode()
    assert not Document.objects.exists()


def test_a_spreadsheet_of_sign_ups_in_spanish_is_accepted(staff_client):
    response = upload_document(
        staff_client, "lista.csv", "nombre,correo\nJosé Núñez,j@example.org\n".encode()
    )

    assert response.status_code == 302
