"""Uploaded files served by the site itself, on installs without a web server or
bucket in front of it (``SERVE_MEDIA``)."""

from django.conf import settings
from django.http import Http404
from django.views.static import serve

# Documents go through Wagtail's document view, which checks the privacy of
# their collection: the files themselves are never served by address.
PRIVATE_FOLDERS = ("documents/",)


def serve_media(request, path):
    if path.lstrip("/").startswith(PRIVATE_FOLDERS):
        raise Http404
    return serve(request, path, document_root=settings.MEDIA_ROOT)
