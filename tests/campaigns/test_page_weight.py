"""The largest campaign page stays light enough for a cheap phone on a slow line."""

import re

import pytest
from django.contrib.staticfiles import finders

from campaigns.models import CampaignPage

pytestmark = pytest.mark.django_db

BUDGET_BYTES = 40 * 1024


def assets(html, tag_pattern):
    for path in re.findall(tag_pattern, html):
        found = finders.find(path.split("/static/", 1)[1])
        assert found, path
        with open(found, "rb") as handle:
            yield len(handle.read())


@pytest.mark.parametrize("language", ["en", "es"])
def test_largest_campaign_page_html_css_and_js_fit_the_budget(
    client, seeded_site, language
):
    pages = CampaignPage.objects.live().filter(locale__language_code=language)
    sizes = {page.url: len(client.get(page.url).content) for page in pages}
    largest = max(sizes, key=sizes.get)
    html = client.get(largest).content.decode()

    css = sum(assets(html, r'<link rel="stylesheet" href="([^"]+)"'))
    js = sum(assets(html, r'<script[^>]+src="([^"]+)"'))

    assert sizes[largest] + css + js <= BUDGET_BYTES, (largest, sizes[largest], css, js)
    assert "<script src" not in html  # no script can block rendering
