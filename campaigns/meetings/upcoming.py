"""The next meetings shown on the home page and on each campaign's page.

A language's next meetings are read in one query and, where the page cache is
there, kept with that language's home page (``request.page_cache.remember``),
as alerts are: publishing any page, a meeting included, purges the home pages
and with them this list. Which of them a page shows is decided at each render,
and the render tells the page cache when the first of them ends, so a stored
page never lists a meeting that is over.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import F
from django.utils import timezone, translation
from wagtail.coreutils import get_supported_content_language_variant

from home.models import open_to_all

from .models import MeetingIndexPage, MeetingPage

# Read per language, the soonest first; a page shows a few of them.
KEPT = 30
SHOWN = 3


@dataclass(frozen=True)
class UpcomingMeeting:
    """A meeting as a list shows it: no database access afterwards."""

    title: str
    url: str
    summary: str
    start: datetime
    end: datetime
    status: str
    where: str
    online_link: str
    campaign_keys: frozenset

    @property
    def is_cancelled(self):
        return self.status == MeetingPage.Status.CANCELLED


@dataclass(frozen=True)
class Upcoming:
    meetings: list
    index_url: str


def read_upcoming(locale_id, now=None):
    """The language's next public meetings, with the campaigns each is linked
    to, and the address of its meetings index (read only when there are some)."""
    pages = (
        open_to_all(MeetingPage.objects.filter(locale_id=locale_id))
        .filter(end__gte=now or timezone.now())
        .annotate(campaign_key=F("campaign_links__campaign__translation_key"))
        .order_by("start", "pk")
    )
    found = {}
    for page in pages:
        entry = found.setdefault(page.pk, (page, set()))
        if page.campaign_key:
            entry[1].add(page.campaign_key)
        if len(found) > KEPT:
            break
    meetings = [
        UpcomingMeeting(
            title=page.title,
            url=page.url,
            summary=page.summary,
            start=page.start,
            end=page.end,
            status=page.status,
            where=page.where,
            online_link=page.online_link,
            campaign_keys=frozenset(keys),
        )
        for page, keys in list(found.values())[:KEPT]
    ]
    index = (
        open_to_all(MeetingIndexPage.objects.filter(locale_id=locale_id)).first()
        if meetings
        else None
    )
    return Upcoming(meetings, index.url if index else "")


def upcoming_for(request, page, campaign=None):
    """The next few meetings in page's language; only those linked to campaign
    when one is given (a campaign's page)."""
    # The page is served in its own language: its locale is not read again.
    language = get_supported_content_language_variant(translation.get_language())
    page_cache = getattr(request, "page_cache", None)

    def compute():
        return read_upcoming(page.locale_id)

    upcoming = (
        compute()
        if page_cache is None
        else page_cache.remember("meetings", language, compute)
    )
    now = timezone.now()
    shown = [
        meeting
        for meeting in upcoming.meetings
        if meeting.end >= now
        and (campaign is None or campaign.translation_key in meeting.campaign_keys)
    ][:SHOWN]
    if page_cache is not None and shown:
        page_cache.expire_by(min(meeting.end for meeting in shown))
    return shown, upcoming.index_url
