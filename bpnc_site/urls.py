from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from bpnc_site.http.csp_reports import csp_report
from bpnc_site.http.media import serve_media
from campaigns.meetings.rsvp import rsvp
from campaigns.meetings.views import meetings_feed
from campaigns.signups.links import confirm_signup, stop_contact
from campaigns.signups.own_data import own_data, own_data_request
from campaigns.signups.views import signup
from campaigns.updates.feed import UpdatesFeed
from campaigns.updates.views import campaign_updates
from home.crawlers import BilingualSitemap, robots_txt
from home.languages import switch_language
from home.routing import serve as serve_page
from home.search.views import search
from home.share_cards.views import share_card

urlpatterns = [
    path("language/<str:language_code>/", switch_language, name="switch_language"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("csp-report/", csp_report, name="csp_report"),
    path("share-cards/<int:page_id>-<slug:digest>.png", share_card, name="share_card"),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": {"pages": BilingualSitemap}},
        name="sitemap",
    ),
]

if settings.SERVE_MEDIA:
    media_prefix = settings.MEDIA_URL.lstrip("/")
    urlpatterns += [
        re_path(rf"^{media_prefix}(?P<path>.*)$", serve_media, name="media")
    ]

urlpatterns += i18n_patterns(
    path(_("signup/<int:page_id>/"), signup, name="campaign_signup"),
    path(_("rsvp/<int:page_id>/"), rsvp, name="meeting_rsvp"),
    path(_("signup/stop/<str:token>/"), stop_contact, name="signup_stop"),
    path(_("signup/confirm/<str:token>/"), confirm_signup, name="signup_confirm"),
    path(_("privacy/my-data/"), own_data_request, name="own_data_request"),
    path(_("privacy/my-data/<str:token>/"), own_data, name="own_data"),
    path(_("search/"), search, name="search"),
    path(_("meetings.ics"), meetings_feed, name="meetings_feed"),
    path(_("updates/"), campaign_updates, name="campaign_updates"),
    path(_("updates.atom"), UpdatesFeed(), name="updates_feed"),
    # Wagtail's serve view, given the route found in one query (home/routing.py).
    re_path(r"^(?!_util/)((?:[\w\-]+/)*)$", serve_page),
    path("", include(wagtail_urls)),
)

handler400 = "bpnc_site.http.errors.bad_request"
handler500 = "bpnc_site.http.errors.server_error"
