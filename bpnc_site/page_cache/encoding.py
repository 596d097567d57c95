"""Stored pages compressed once, and sent in the encoding the browser accepts.

Public pages carry no secret (no CSRF token, nothing personal), so compressing
them exposes nothing to BREACH-style attacks; pages for editors are never stored,
so never compressed here.
"""

import gzip

import brotli

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
