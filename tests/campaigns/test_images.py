"""Pictures reach phones as small WebP files in the size the layout needs."""

import re

import pytest

from campaigns.models import CampaignPage

pytestmark = pytest.mark.django_db


def test_campaign_hero_is_a_responsive_webp_with_dimensions(client, seeded_site, photo):
    page = CampaignPage.objects.get(slug="city-budget")
    page.hero_image = photo
    page.save_revision().publish()

    html = client.get(page.url).content.decode()
    hero = re.search(r'<img[^>]*class="hero__image"[^>]*>', html).group(0)

    assert "srcset=" in hero and ".webp" in hero
    assert 'width="' in hero and 'height="' in hero
    assert 'loading="lazy"' not in hero  # above the fold
    assert 'sizes="' in hero


def test_cards_below_the_fold_load_lazily(client, seeded_site, photo):
    page = CampaignPage.objects.get(slug="city-budget")
    page.hero_image = photo
    page.save_revision().publish()

    html = client.get("/en/campaigns/").content.decode()
    card = re.search(r'<img[^>]*class="card__image"[^>]*>', html).group(0)

    assert 'loading="lazy"' in card
    assert ".webp" in card
    assert 'alt=""' in card


def test_sharing_uses_the_campaign_picture(client, seeded_site, photo):
    page = CampaignPage.objects.get(slug="city-budget")
    page.hero_image = photo
    page.save_revision().publish()

    html = client.get(page.url).content.decode()

    assert '<meta property="og:image" content="http://testserver/' in html
    assert '<meta property="og:image:width" content="1200">' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html
