"""Stored pages compressed once, and sent in the encoding the browser accepts;
every other text response gzipped as it goes (``TextGZipMiddleware``).

Public pages carry no secret (no CSRF token, nothing personal), so compressing
them exposes nothing to BREACH-style attacks. Other responses may carry a CSRF
token: Django's GZipMiddleware pads each with random bytes against those attacks.
"""

import gzip

import brotli
from django.middleware.gzip import GZipMiddleware

# Text: HTML, XML (sitemap, feeds, SVG), JSON, CSS, JavaScript. Images, fonts and
# uploaded files are compressed already or not worth it.
TEXT_TYPES = ("text/", "application/json", "application/xml", "application/javascript")
TEXT_SUFFIXES = ("+xml", "+json")


class TextGZipMiddleware(GZipMiddleware):
    """Django's GZipMiddleware for text responses only. It comes before the page
    cache's middleware, which answers in the stored encodings itself."""

    def process_response(self, request, response):
        content_type = response.get("Content-Type", "").split(";")[0].strip()
        if content_type.startswith(TEXT_TYPES) or content_type.endswith(TEXT_SUFFIXES):
            return super().process_response(request, response)
        return response


# Best first: brotli is about a fifth smaller than gzip on these pages.
ENCODINGS = ("br", "gzip")


def compressed_variants(content):
    return {
        "br": brotli.compress(content, quality=11, mode=brotli.MODE_TEXT),
        "gzip": gzip.compress(content, compresslevel=9, mtime=0),
    }


def accepted_encoding(accept_encoding):
    """The best of ENCODINGS that an Accept-Encoding header accepts, or None."""
    accepted = set()
    for item in (accept_encoding or "").split(","):
        name, _semicolon, parameters = item.strip().partition(";")
        quality = parameters.strip()
        if quality.startswith("q=") and _is_zero(quality[2:]):
            continue
        accepted.add(name.strip().lower())
    for encoding in ENCODINGS:
        if encoding in accepted or "*" in accepted:
            return encoding
    return None


def _is_zero(value):
    try:
        return float(value) == 0
    except ValueError:
        return False
