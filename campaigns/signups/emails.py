"""The emails a neighbour gets about their sign-ups, in the language they
signed up in: the confirmation after signing up, and the link to their data.

Both go through the outbox (home/outbox), queued once the sign-up is committed,
so a slow or stopped mail server never fails a sign-up. Each carries a one-click
"stop contacting me" link, also in List-Unsubscribe for mail programs (RFC 8058).
"""

import logging

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from home.outbox.sending import queue_email

from . import tokens
from .models import Signup, signup_recorded

logger = logging.getLogger(__name__)


def absolute(name, *args):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(name, args=args)


def stop_headers(stop_url):
    return {
        "List-Unsubscribe": f"<{stop_url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def joined_title(signup):
    """The title of what they joined, in the language they signed up in."""
    page = signup.joined
    translated = (
        page.get_translations(inclusive=True)
        .filter(locale__language_code=signup.signed_up_in)
        .first()
    )
    return (translated or page).title


def connect():
    signup_recorded.connect(
        send_confirmation, sender=Signup, dispatch_uid="signup-confirmation-email"
    )


def send_confirmation(sender, submission_key, **kwargs):
    """Queue the confirmation; whatever fails is logged, the sign-up stands."""
    try:
        signup = (
            Signup.objects.select_related("campaign", "consent_text")
            .filter(submission_key=submission_key)
            .first()
        )
        if signup is not None:
            queue_confirmation(signup)
    except Exception:
        logger.exception("Confirmation email for a sign-up not queued")


def queue_confirmation(signup):
    with translation.override(signup.signed_up_in):
        stop_url = absolute("signup_stop", tokens.stop_token(signup.pk))
        context = {
            "signup": signup,
            "title": joined_title(signup),
            "site_name": settings.WAGTAIL_SITE_NAME,
            "stop_url": stop_url,
            "own_data_url": absolute("own_data_request"),
            "retention_months": settings.SIGNUP_RETENTION_MONTHS,
            "confirmation_days": settings.SIGNUP_CONFIRMATION_DAYS,
            "confirm_url": (
                absolute("signup_confirm", tokens.confirm_token(signup.pk))
                if signup.is_unconfirmed
                else ""
            ),
        }
        if signup.is_unconfirmed:
            subject = gettext("Please confirm your sign-up: %(title)s")
        else:
            subject = gettext("You signed up: %(title)s")
        body = render_to_string("campaigns/emails/signup_confirmation.txt", context)
    queue_email(
        [signup.email],
        subject % {"title": context["title"]},
        body,
        headers=stop_headers(stop_url),
    )


def queue_own_data_link(signups, language):
    """The link to everything held for one address, valid OWN_DATA_LINK_HOURS."""
    first = signups[0]
    with translation.override(language):
        stop_url = absolute("signup_stop", tokens.stop_token(first.pk))
        context = {
            "site_name": settings.WAGTAIL_SITE_NAME,
            "link": absolute(
                "own_data", tokens.own_data_token([signup.pk for signup in signups])
            ),
            "hours": settings.OWN_DATA_LINK_HOURS,
            "stop_url": stop_url,
        }
        subject = gettext("Your data at %(site_name)s") % context
        body = render_to_string("campaigns/emails/own_data_link.txt", context)
    queue_email([first.email], subject, body, headers=stop_headers(stop_url))
