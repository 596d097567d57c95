"""robots.txt names the sitemap at the site's public address, whatever Host a
request (or a proxy in front) came with."""

import pytest
from wagtail.models import Site

pytestmark = pytest.mark.django_db


def test_robots_txt_names_the_sitemap_at_the_sites_address_not_the_host_asked(
    client, home
):
    Site.objects.filter(is_default_site=True).update(
        hostname="bpnc.example.org", port=443
    )

    body = client.get("/robots.txt", HTTP_HOST="127.0.0.1:8000").content.decode()

    assert "Sitemap: https://bpnc.example.org/sitemap.xml" in body
    assert "127.0.0.1" not in body


def test_robots_txt_before_any_site_uses_the_configured_address(client, db, settings):
    Site.objects.all().delete()
    settings.WAGTAILADMIN_BASE_URL = "https://bpnc.example.org/"

    body = client.get("/robots.txt", HTTP_HOST="localhost").content.decode()

    assert "Sitemap: https://bpnc.example.org/sitemap.xml" in body


def test_robots_txt_keeps_crawlers_off_the_language_switchers_redirects(client, home):
    body = client.get("/robots.txt").content.decode()

    assert "Disallow: /language/\n" in body
