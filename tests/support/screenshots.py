"""The guides' screenshots, taken by the browser tests that walk those screens.

Every browser run takes them, so a screen a guide shows is one a test reached. They
are written into ``docs/screenshots/`` only when asked (``make screenshots`` sets
``SCREENSHOTS_DIR``); otherwise into a temporary folder, so an ordinary test run
leaves the working tree as it found it.
"""

import os
import struct
import tempfile
from pathlib import Path

from .site import PROJECT_DIR

DOCS_SCREENSHOTS = PROJECT_DIR / "docs" / "screenshots"

# name -> the test that takes it (tests/test_docs.py checks both ways).
GUIDE_SCREENSHOTS = {
    "translation-editor": "tests/browser/test_translation_editor.py",
    "ayuda-para-traducir": "tests/browser/test_translation_help.py",
    "review-due-report": "tests/browser/test_review_due.py",
    "two-step-account": "tests/browser/test_two_step_sign_in.py",
    "campaign-es": "tests/browser/test_signup.py",
    "signup-errors-en": "tests/browser/test_signup.py",
    "meeting-page-en": "tests/browser/test_meetings.py",
    "meeting-page-es": "tests/browser/test_meetings.py",
    "meeting-share-card-es": "tests/browser/test_meetings.py",
    "meeting-flyer-es": "tests/browser/test_meetings.py",
    "campaign-act-en": "tests/browser/test_act_and_share.py",
    "campaign-act-es": "tests/browser/test_act_and_share.py",
    "own-data-form-es": "tests/browser/test_own_data.py",
    "own-data-form-en": "tests/browser/test_own_data.py",
    "own-data-page-es": "tests/browser/test_own_data.py",
}


def screenshots_dir():
    folder = os.environ.get("SCREENSHOTS_DIR")
    if folder:
        path = Path(folder)
    else:
        path = Path(tempfile.gettempdir()) / "bpnc-screenshots"
    path.mkdir(parents=True, exist_ok=True)
    return path


def png_size(path):
    header = Path(path).read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", header[16:24])


def take_screenshot(shown, name, full_page=False):
    """Save what a page (or one element of it) shows as the guide's screenshot
    ``name``; return its path."""
    assert name in GUIDE_SCREENSHOTS, f"{name} is not one of the guides' screenshots"
    path = screenshots_dir() / f"{name}.png"
    if full_page:
        shown.screenshot(path=str(path), full_page=True)
    else:
        shown.screenshot(path=str(path))
    width, height = png_size(path)
    assert width >= 200 and height >= 200, f"{name} came out {width}×{height}"
    return path
