"""Uploaded documents must be what their names say: a file called flyer.pdf is
read, and refused unless it is a PDF, before anything is stored."""

from pathlib import PurePath

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

from home.uploads import check_storage_writable

ZIP = b"PK\x03\x04"  # Office and OpenDocument files are zip archives
SIGNATURES = {
    "pdf": (b"%PDF-",),
    "docx": (ZIP,),
    "xlsx": (ZIP,),
    "pptx": (ZIP,),
    "odt": (ZIP,),
}
TEXT = {"csv", "txt"}
SNIFF_BYTES = 4096


def looks_like(extension, head):
    """Whether the first bytes of a file fit its extension."""
    if extension in SIGNATURES:
        return head.startswith(SIGNATURES[extension])
    if extension in TEXT:
        if b"\x00" in head:
            return False
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as error:
            # A multi-byte character cut off at the end of what was read is fine.
            return error.start >= len(head) - 3
        return True
    return True


class CheckedDocumentForm(BaseDocumentForm):
    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if (
            upload is None
            or not hasattr(upload, "read")
            or "file" not in self.changed_data
        ):
            return upload
        extension = PurePath(upload.name).suffix.lstrip(".").lower()
        upload.seek(0)
        head = upload.read(SNIFF_BYTES)
        upload.seek(0)
        if not looks_like(extension, head):
            raise forms.ValidationError(
                _("This file is not really a .%(extension)s file."),
                params={"extension": extension},
                code="content_mismatch",
            )
        return upload

    def clean(self):
        cleaned_data = super().clean()
        check_storage_writable(self)
        return cleaned_data
