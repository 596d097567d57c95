"""The page of what happened across campaigns, in the visitor's language."""

from django.shortcuts import render
from django.utils import translation
from wagtail.models import Locale, Site

from campaigns.models import CampaignPage

from .entries import entries_in


def campaign_updates(request):
    locale = Locale.objects.get(language_code=translation.get_language())
    entries = entries_in(locale, Site.find_for_request(request), CampaignPage)
    return render(request, "campaigns/updates/updates.html", {"entries": entries})
