"""Staff uploads refused with a message, in the editor's language, whenever they
cannot be kept, instead of an error page that loses them.

- An image is decoded before it is accepted: Wagtail recognises a file by its
  first bytes and lets Pillow read it later, so ``GIF89a`` followed by anything
  else passed as a GIF and then failed with a server error.
- Before a new file is accepted, the storage it goes to is tried: a media folder
  that cannot be written (full disk, wrong owner, read-only volume) or a bucket
  that refuses would otherwise fail while saving, after the form was accepted,
  and the editor would lose what they typed.
"""

import logging
import posixpath
import struct
import uuid

from django import forms
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

logger = logging.getLogger(__name__)

# What Pillow raises for a file it cannot decode (UnidentifiedImageError and
# "image file is truncated" are OSErrors).
UNREADABLE = (OSError, SyntaxError, ValueError, EOFError, IndexError, struct.error)

STORAGE_FAILED = _(
    "The file could not be stored, so nothing was saved. Please try again in a "
    "few minutes; if it happens again, tell the site administrator."
)


class ReadableImageField(WagtailImageField):
    """Wagtail's image field, which also decodes the image before accepting it."""

    def to_python(self, data):
        try:
            upload = super().to_python(data)
            if upload is not None:
                upload.seek(0)
                with PILImage.open(upload) as image:
                    image.load()
                upload.seek(0)
        except UNREADABLE as error:
            raise forms.ValidationError(
                self.error_messages["invalid_image"], code="invalid_image"
            ) from error
        return upload


def check_storage_writable(form):
    """A form error when the storage a new file would go to cannot take one."""
    if "file" not in form.changed_data or form.errors.get("file"):
        return
    field = form._meta.model._meta.get_field("file")
    folder = posixpath.dirname(field.generate_filename(form.instance, "upload.txt"))
    probe = posixpath.join(folder, f".write-check-{uuid.uuid4().hex}")
    try:
        name = field.storage.save(probe, ContentFile(b""))
        field.storage.delete(name)
    except OSError:
        logger.exception("Uploads cannot be stored in %r", folder or "/")
        # On the file field: the multiple uploader then rejects the file at once
        # rather than keeping it aside for a metadata form.
        form.add_error("file", forms.ValidationError(STORAGE_FAILED, code="storage"))


class CheckedImageForm(BaseImageForm):
    """The image form every upload path uses (WAGTAILIMAGES_IMAGE_FORM_BASE)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        file_field = self.fields.get("file")
        # The field is made by Wagtail's own callback (not a form attribute,
        # which would add it to the multiple uploader's edit forms too): give
        # it the stricter check.
        if type(file_field) is WagtailImageField:
            file_field.__class__ = ReadableImageField

    def clean(self):
        cleaned_data = super().clean()
        check_storage_writable(self)
        return cleaned_data
