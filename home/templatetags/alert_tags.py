"""``{% site_alerts as alerts %}``: the alerts showing now, in the visitor's language.

A language's live alerts that have not ended are read once (one query) and, when
the page cache is there (``request.page_cache``, set by the site's page-cache
middleware), kept with its pages until the next purge; publishing, withdrawing or
deleting an alert purges every page. Which of them show is decided at each render,
and the render tells the page cache when that next changes (the first start or end
to come), so a stored page never shows an alert early or keeps it late.
"""

from django import template
from django.utils import timezone, translation
from wagtail.coreutils import get_supported_content_language_variant

from home.models.alerts import Alert, next_change, showing

register = template.Library()


@register.simple_tag(takes_context=True)
def site_alerts(context):
    request = context.get("request")
    language = get_supported_content_language_variant(translation.get_language())
    page_cache = getattr(request, "page_cache", None)

    def upcoming_alerts():
        alerts = Alert.objects.upcoming(language).select_related("link_page")
        return [alert.shown() for alert in alerts]

    if page_cache is None:
        upcoming = upcoming_alerts()
    else:
        upcoming = page_cache.remember("alerts", language, upcoming_alerts)
    now = timezone.now()
    if page_cache is not None:
        page_cache.expire_by(next_change(upcoming, now))
    return showing(upcoming, now)
