"""The Atom feed of what happened, one per language (/en/updates.atom,
/es/novedades.atom): entries in that language only, linking its pages only."""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext
from wagtail.models import Locale, Site
from wagtail.rich_text import expand_db_html

from campaigns.models import CampaignPage
from home.models import OrganisationSettings

from .entries import entries_in


class UpdatesFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request):
        self.request = request
        return Locale.objects.get(language_code=translation.get_language())

    def title(self, locale):
        organisation = OrganisationSettings.for_request(self.request)
        return gettext("What happened in our campaigns – %(organisation)s") % {
            "organisation": organisation.name
        }

    def subtitle(self, locale):
        return gettext("Updates on our campaigns and their demands.")

    def link(self, locale):
        return reverse("campaign_updates")

    def items(self, locale):
        return entries_in(locale, Site.find_for_request(self.request), CampaignPage)

    def item_title(self, entry):
        return f"{entry.campaign.title}: {entry.title}"

    def item_description(self, entry):
        return expand_db_html(entry.text) if entry.text else entry.title

    def item_link(self, entry):
        return entry.url_path

    def item_guid(self, entry):
        return self.request.build_absolute_uri(entry.url_path)

    def item_pubdate(self, entry):
        return timezone.make_aware(datetime.combine(entry.date, time(12)))

    def item_updateddate(self, entry):
        return self.item_pubdate(entry)
