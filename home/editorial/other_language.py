"""What an unpublish, a delete or a privacy change does to the page in the other
language, said on the confirmation screens (templates/wagtailadmin/...).

It says what signals.py and the page model do: withdrawing or deleting an
English page withdraws or deletes its translations; withdrawing or deleting a
translation leaves the English page as it is (the strings translated so far stay
with wagtail-localize); a privacy setting covers every language of the page
(SitePage.get_view_restrictions)."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

UNPUBLISH, DELETE, PRIVACY = "unpublish", "delete", "privacy"

# (action, whether the page is the English original) -> sentence about a twin.
SENTENCES = {
    (UNPUBLISH, True): _("The Spanish page “%(title)s” will be unpublished too."),
    (UNPUBLISH, False): _("The English page “%(title)s” stays published."),
    (DELETE, True): _("The Spanish page “%(title)s” will be deleted too."),
    (DELETE, False): _(
        "The English page “%(title)s” stays. The Spanish translated so far is "
        "kept: translating the page again brings it back."
    ),
    (PRIVACY, True): _(
        "The privacy you choose here applies to the Spanish page “%(title)s” too."
    ),
    (PRIVACY, False): _(
        "The privacy you choose here applies to the English page “%(title)s” too."
    ),
}


def consequences(page, action):
    """Sentences, in the active language, about each of the page's copies in
    the other languages that the action concerns."""
    if not isinstance(page, Page):
        return []
    original = page.locale.language_code == settings.LANGUAGE_CODE
    twins = page.get_translations().filter(alias_of__isnull=True)
    if action == UNPUBLISH:
        twins = twins.live()
    return [
        SENTENCES[action, original] % {"title": twin.get_admin_display_title()}
        for twin in twins.order_by("locale__language_code")
    ]
