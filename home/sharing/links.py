"""The message a page is passed on with, and the links that carry it.

Staff may write the message per page and per language (``share_message``, a
translatable field); otherwise it is built from the page: its title, one line
about it, what a page type asks readers to do (a campaign: sign up), and the
hashtag. The page's own address always ends the message, so a message written
by staff can never lose it.
"""

from dataclasses import dataclass
from urllib.parse import quote

from django.utils.html import strip_tags
from django.utils.translation import gettext

# Long enough for a sentence; a text message of several parts still arrives whole.
LINE_LENGTH = 160


@dataclass(frozen=True)
class ShareLink:
    kind: str
    label: str
    href: str


def one_line(page):
    """The page's summary (or search description, or introduction), shortened."""
    for name in ("summary", "search_description", "introduction"):
        text = strip_tags(str(getattr(page, name, "") or "")).strip()
        if text:
            text = " ".join(text.split())
            if len(text) > LINE_LENGTH:
                text = text[: LINE_LENGTH - 1].rsplit(" ", 1)[0].rstrip(" ,;:.") + "…"
            return text
    return ""


def share_address(page, request):
    """The address the message sends readers to: the page in its own language,
    at the place it asks them to act (a campaign's sign-up form)."""
    return page.get_full_url(request) + getattr(page, "share_anchor", lambda: "")()


def default_message(page):
    """The message built from the page, in the active language (the page's)."""
    lines = [page.title]
    line = one_line(page)
    if line:
        lines.append(line)
    invitation = getattr(page, "share_invitation", lambda: "")()
    if invitation:
        lines.append(invitation)
    return "\n".join(lines)


def share_message(page, request):
    """The full message: staff's words or the default, the address, the hashtag."""
    written = (getattr(page, "share_message", "") or "").strip()
    address = share_address(page, request)
    lines = [written or default_message(page)]
    if address not in lines[0]:
        lines.append(address)
    hashtag = (getattr(page, "hashtag", "") or "").strip()
    if hashtag and hashtag not in lines[0]:
        lines.append(hashtag)
    return "\n".join(lines)


def share_links(page, request):
    """The four links, each carrying the message (Facebook takes the address only)."""
    message = share_message(page, request)
    address = share_address(page, request)
    text = quote(message, safe="")
    subject = quote(page.title, safe="")
    return [
        ShareLink("whatsapp", "WhatsApp", f"https://wa.me/?text={text}"),
        ShareLink("sms", gettext("Text message"), f"sms:?&body={text}"),
        ShareLink("email", gettext("Email"), f"mailto:?subject={subject}&body={text}"),
        ShareLink(
            "facebook",
            "Facebook",
            "https://www.facebook.com/sharer/sharer.php?u=" + quote(address, safe=""),
        ),
    ]
