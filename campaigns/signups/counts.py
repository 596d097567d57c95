"""How many neighbours have signed up to a campaign, for the campaign page.

A number only: no row, name or address leaves the database. It is counted at
most once per COUNT_LIFETIME (a cached value), and a page that shows it is
stored no longer than that (``request.page_cache.expire_by``), so a sign-up is
seen within COUNT_LIFETIME without purging the page at every sign-up. Below
the campaign's threshold nothing is shown: a small number can tell who signed.
"""

import logging
import time
from dataclasses import dataclass

from django.core.cache import cache

from .models import Signup

logger = logging.getLogger(__name__)

COUNT_LIFETIME = 300  # seconds: a sign-up shows on the page within five minutes


def cache_key(translation_key):
    return f"signup-count:{translation_key}"


def signup_count(campaign):
    """The campaign's sign-ups in every language, counted at most once per
    COUNT_LIFETIME."""
    key = cache_key(campaign.translation_key)
    try:
        stored = cache.get(key)
    except Exception:  # a cache outage must not stop the page
        logger.warning("Cache unavailable; counting sign-ups", exc_info=True)
        stored = None
    if stored is not None:
        return stored
    count = Signup.objects.filter(
        campaign__translation_key=campaign.translation_key
    ).count()
    try:
        cache.set(key, count, COUNT_LIFETIME)
    except Exception:
        logger.warning("Cache unavailable; count not stored", exc_info=True)
    return count


@dataclass(frozen=True)
class SignupProgress:
    count: int
    goal: int | None

    @property
    def percent(self):
        """How far to the goal, 0–100, for the progress bar."""
        if not self.goal:
            return None
        return min(100, round(100 * self.count / self.goal))


def progress_to_show(campaign, request=None):
    """The count (and goal) the page shows, or None when the campaign shows no
    count or has fewer sign-ups than its threshold."""
    if not campaign.show_signup_count or not campaign.pk:
        return None
    page_cache = getattr(request, "page_cache", None)
    if page_cache is not None:
        page_cache.expire_by(time.time() + COUNT_LIFETIME)
    count = signup_count(campaign)
    if count < max(campaign.signup_count_threshold, 1):
        return None
    return SignupProgress(count=count, goal=campaign.signup_goal)
