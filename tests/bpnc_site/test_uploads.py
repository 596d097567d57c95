"""Staff uploads are checked by type and size before anything is stored."""

import io
import json

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection
from wagtail.users.models import UserProfile

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


def gif():
    buffer = io.BytesIO()
    PILImage.new("P", (40, 30)).save(buffer, format="GIF")
    return buffer.getvalue()


def in_spanish(message):
    with translation.override("es"):
        translated = translation.gettext(message)
    assert translated != message
    return translated


def admin_language(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


INVALID_IMAGE = (
    "Upload a valid image. The file you uploaded was either not an image "
    "or a corrupted image."
)


@pytest.mark.parametrize(
    "content",
    [b"GIF89a" + b"\x00garbage" * 20, gif()[:40]],
    ids=["GIF header then garbage", "GIF cut short"],
)
def test_an_image_pillow_cannot_read_is_refused_in_the_editors_language(
    client, comms, content
):
    client.force_login(comms)
    for language, message in [("en", INVALID_IMAGE), ("es", in_spanish(INVALID_IMAGE))]:
        admin_language(comms, language)
        response = upload_image(client, "rally.gif", content)

        assert response.status_code == 200  # the form again
        assert message in response.content.decode()
    assert not Image.objects.exists()


def test_the_multiple_uploader_refuses_an_image_pillow_cannot_read(client, comms):
    client.force_login(comms)
    response = client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile("rally.gif", b"GIF89a" + b"\x00" * 64)},
    )

    assert response.status_code == 200
    assert response.json()["success"] is False
    assert not Image.objects.exists()


def test_a_real_gif_is_still_accepted(client, comms):
    client.force_login(comms)

    assert upload_image(client, "rally.gif", gif()).status_code == 302
    assert Image.objects.get().file.name.endswith(".gif")


STORAGE_FAILED = (
    "The file could not be stored, so nothing was saved. Please try again in a "
    "few minutes; if it happens again, tell the site administrator."
)


@pytest.fixture
def media_not_writable(settings, tmp_path):
    """Media on disk, in a folder that cannot be made: a file stands in its way."""
    blocker = tmp_path / "blocker"
    blocker.write_text("not a folder")
    settings.MEDIA_ROOT = blocker / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }


@pytest.mark.parametrize("kind", ["image", "document"])
def test_an_upload_the_media_folder_cannot_take_keeps_the_form_and_says_so(
    client, comms, media_not_writable, kind
):
    upload = upload_image if kind == "image" else upload_document
    content = png() if kind == "image" else b"%PDF-1.7\n%%EOF\n"
    name = "rally.png" if kind == "image" else "flyer.pdf"

    client.force_login(comms)
    for language, message in [
        ("en", STORAGE_FAILED),
        ("es", in_spanish(STORAGE_FAILED)),
    ]:
        admin_language(comms, language)
        response = upload(client, name, content)

        assert response.status_code == 200  # the form again, with what was typed
        html = response.content.decode()
        assert message in html
        assert 'value="Rally"' in html or 'value="Flyer"' in html
    assert not Image.objects.exists()
    assert not Document.objects.exists()


def test_the_multiple_uploader_says_when_the_media_folder_cannot_take_a_file(
    client, comms, media_not_writable
):
    client.force_login(comms)
    response = client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile("rally.png", png())},
    )

    assert response.json()["success"] is False
    assert STORAGE_FAILED in json.dumps(response.json())
    assert not Image.objects.exists()
