"""Required form fields say so once: the HTML required attribute, without an
aria-required that screen readers would read twice and validators flag."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db


class FormFields(HTMLParser):
    def __init__(self):
        super().__init__()
        self.fields = []

    def handle_starttag(self, tag, attrs):
        if tag in {"input", "select", "textarea"}:
            self.fields.append(dict(attrs))


def form_fields(client, url):
    response = client.get(url)
    assert response.status_code == 200
    parser = FormFields()
    parser.feed(response.content.decode())
    return parser.fields


def test_required_fields_carry_required_and_no_aria_required(
    client, campaign, campaign_es
):
    with translation.override("en"):
        own_data = reverse("own_data_request")
    for url in [campaign.url, campaign_es.url, own_data]:
        fields = form_fields(client, url)

        assert any("required" in field for field in fields), url
        assert [f for f in fields if "required" in f and "aria-required" in f] == []
