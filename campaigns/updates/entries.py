"""The entries of what happened, in one language: staff's dated updates and the
dated status changes of demands, newest first, each linking the campaign page
in that language."""

from dataclasses import dataclass
from datetime import date

from home.models import in_site, open_to_all

from .models import CampaignUpdate
from .status import demand_blocks, statuses_since


@dataclass(frozen=True)
class Entry:
    date: date
    campaign: object
    title: str
    text: str  # rich text, or ""
    anchor: str  # where on the campaign page it is shown
    kind: str = "update"  # or "status"

    @property
    def url_path(self):
        return f"{self.campaign.url}#{self.anchor}"


def update_anchor(update):
    return f"update-{update.translation_key}"


def demand_anchor(block_id):
    return f"demand-{block_id}"


def status_entries(campaign, since=None):
    since = statuses_since(campaign) if since is None else since
    entries = []
    for block in demand_blocks(campaign):
        if block.id in since:
            entries.append(
                Entry(
                    date=since[block.id],
                    campaign=campaign,
                    title=f"{block.value['demand']}: {block.value.status_label()}",
                    text="",
                    anchor=demand_anchor(block.id),
                    kind="status",
                )
            )
    return entries


def newest_first(entries):
    return sorted(entries, key=lambda entry: entry.date, reverse=True)


def campaign_entries(campaign, since=None):
    """One campaign's entries; since, {block id: date}, when already read."""
    updates = campaign.updates.all()
    entries = [
        Entry(update.date, campaign, update.title, update.text, update_anchor(update))
        for update in updates
    ]
    return newest_first(entries + status_entries(campaign, since))


def entries_in(locale, site, campaign_model):
    """Every public campaign's entries in this language, newest first."""
    campaigns = list(
        open_to_all(campaign_model.objects.filter(locale=locale))
        .filter(in_site(site))
        .order_by("path")
    )
    by_id = {campaign.pk: campaign for campaign in campaigns}
    entries = [
        Entry(
            update.date,
            by_id[update.page_id],
            update.title,
            update.text,
            update_anchor(update),
        )
        for update in CampaignUpdate.objects.filter(page_id__in=list(by_id))
    ]
    for campaign in campaigns:
        entries += status_entries(campaign)
    return newest_first(entries)
