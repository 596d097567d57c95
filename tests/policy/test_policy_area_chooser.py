"""A campaign's policy-area chooser opens where the policy areas are."""

import json
import re

import pytest
from django.urls import reverse

from policy.models import PolicyIndexPage
from tests.support.seed import seed_page

pytestmark = pytest.mark.django_db


def chooser_options(html):
    found = re.findall(r"new PolicyAreaChooser\(&quot;[^&]+&quot;, (\{.*?\})\);", html)
    found += re.findall(r'new PolicyAreaChooser\("[^"]+", (\{.*?\})\);', html)
    return [json.loads(options.replace("&quot;", '"')) for options in found]


def test_the_policy_area_chooser_opens_at_the_policy_positions(
    staff_client, seeded_site
):
    index = PolicyIndexPage.objects.get(locale__language_code="en")
    campaign = seed_page()

    html = staff_client.get(
        reverse("wagtailadmin_pages:edit", args=[campaign.pk])
    ).content.decode()

    options = chooser_options(html)
    assert options, "the campaign editor has no policy-area chooser"
    assert {option["startAt"] for option in options} == {index.pk}
    assert "policy/js/policy-area-chooser" in html
