"""Uploaded files served by the site itself, on installs without a web server or
bucket in front of it (``SERVE_MEDIA``).

Only renditions and other derived files are public. Never served by address:
documents (Wagtail's document view checks the privacy of their collection),
original uploads (only renditions are published: an original keeps what the
editor cropped away and the photo's metadata, and it is the file of an image on a
private page too), and share cards (served through their own view, which checks
the page is public). The proxy in docker-compose.yml refuses the same folders
(bpnc_site/proxy/locations.conf).
"""

import posixpath

from django.conf import settings
from django.http import Http404
from django.views.static import serve

PRIVATE_FOLDERS = ("documents/", "original_images/", "share-cards/")


def is_private(path):
    """Whether a media path, once resolved as the file server resolves it
    (``images/../original_images/x`` is ``original_images/x``), is private."""
    resolved = posixpath.normpath(path.replace("\\", "/")).lstrip("/")
    return resolved.startswith(PRIVATE_FOLDERS) or resolved in {
        folder.rstrip("/") for folder in PRIVATE_FOLDERS
    }


def serve_media(request, path):
    if is_private(path):
        raise Http404
    return serve(request, path, document_root=settings.MEDIA_ROOT)
