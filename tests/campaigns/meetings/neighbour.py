"""A neighbour at a meeting's RSVP form: where it posts, and posting it as a
browser does."""

from django.urls import reverse
from django.utils import translation

from tests.support.factories import SIGNUP_FORM


def rsvp_url(page):
    with translation.override(page.locale.language_code):
        return reverse("meeting_rsvp", args=[page.pk])


def rsvp(client, page, data=SIGNUP_FORM, **headers):
    headers.setdefault("HTTP_ORIGIN", "http://testserver")
    return client.post(rsvp_url(page), data, **headers)
