"""US dollar amounts as a reader of either language expects to see them."""

from django.utils.formats import number_format
from django.utils.translation import gettext, ngettext

MILLION = 1_000_000


def format_dollars(amount):
    """'$58 million' in English, '$58 millones' in Spanish."""
    if amount is None:
        return ""
    amount = int(amount)
    if amount >= MILLION and amount % MILLION == 0:
        millions = amount // MILLION
        return ngettext("$%(millions)s million", "$%(millions)s million", millions) % {
            "millions": number_format(millions, force_grouping=True)
        }
    return gettext("$%(amount)s") % {
        "amount": number_format(amount, force_grouping=True)
    }
