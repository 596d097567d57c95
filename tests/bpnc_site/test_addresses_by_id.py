"""Every public address built from a page's id answers only for pages anyone may
open on the site asked: for any other id (the tree's root, a page of another
site, no page at all, an id too large for the database, a private page, a
draft) it is a 404, never a 500 and never the page."""

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page, PageViewRestriction, Site

from campaigns.models import CampaignPage, Signup
from tests.support.factories import SIGNUP_FORM, CampaignPageFactory, publish_child
from tests.support.seed import seed_page
from tests.support.translations import spanish

pytestmark = pytest.mark.django_db


def tree_root(campaign):
    return Page.get_first_root_node().pk


def another_sites_campaign(campaign):
    """A live campaign of a site on another host name."""
    root = publish_child(Page.get_first_root_node(), Page(title="Other", slug="other"))
    Site.objects.create(hostname="other.example", root_page=root)
    return CampaignPageFactory(parent=root, title="Elsewhere").pk


def no_page(campaign):
    return Page.objects.order_by("-pk").first().pk + 1000


def too_large(campaign):
    return 2**64


def private_in_english(campaign):
    """The Spanish campaign, when its English original is restricted."""
    PageViewRestriction.objects.create(
        page=campaign, restriction_type=PageViewRestriction.LOGIN
    )
    return spanish(campaign).pk


def private_by_its_index(campaign):
    PageViewRestriction.objects.create(
        page=seed_page("campaigns"),
        restriction_type=PageViewRestriction.PASSWORD,
        password="s3cret",
    )
    return campaign.pk


def draft(campaign):
    page = CampaignPage(title="Not yet", slug="not-yet", live=False)
    seed_page("campaigns").add_child(instance=page)
    page.save_revision()
    return page.pk


def share_card(client, page_id):
    return client.get(f"/share-cards/{page_id}-0123456789abcdef.png")


def signup_address(language, page_id):
    with translation.override(language):
        return reverse("campaign_signup", args=[page_id])


def signup_form(language):
    def get(client, page_id):
        return client.get(signup_address(language, page_id))

    return get


def signup(language):
    def send(client, page_id):
        return client.post(
            signup_address(language, page_id),
            SIGNUP_FORM,
            HTTP_ORIGIN="http://testserver",
        )

    return send


ADDRESSES = {
    "share card": share_card,
    "sign-up form en": signup_form("en"),
    "sign-up form es": signup_form("es"),
    "sign-up en": signup("en"),
    "sign-up es": signup("es"),
}
NOT_PUBLIC = [
    tree_root,
    another_sites_campaign,
    no_page,
    too_large,
    private_in_english,
    private_by_its_index,
    draft,
]


@pytest.mark.parametrize("not_public", NOT_PUBLIC, ids=lambda f: f.__name__)
@pytest.mark.parametrize("address", ADDRESSES.values(), ids=ADDRESSES.keys())
def test_an_address_built_from_an_id_that_is_not_a_public_page_is_not_found(
    client, seeded_site, address, not_public
):
    page_id = not_public(seed_page())

    response = address(client, page_id)

    assert response.status_code == 404
    assert not Signup.objects.exists()


@pytest.mark.parametrize("address", ADDRESSES.values(), ids=ADDRESSES.keys())
def test_the_same_addresses_answer_for_a_public_campaign(client, seeded_site, address):
    response = address(client, seed_page().pk)

    assert response.status_code in (200, 302)
