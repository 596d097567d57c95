"""A neighbour at the sign-up form: where it posts, posting it as a browser does,
and what they read in Spanish."""

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from tests.support.factories import SIGNUP_FORM

NOT_SAVED = (
    "Sorry, we could not save your sign-up just now, so it has not been received. "
    "Please try again in a minute; what you typed is still here."
)
THANKS = "Thank you! Your submission has been received!"


def signup_url(page):
    with translation.override(page.locale.language_code):
        return reverse("campaign_signup", args=[page.pk])


def post(client, page, data=SIGNUP_FORM, **headers):
    return client.post(
        signup_url(page), data, HTTP_ORIGIN="http://testserver", **headers
    )


def in_language(language, message):
    with translation.override(language):
        return gettext(message)
