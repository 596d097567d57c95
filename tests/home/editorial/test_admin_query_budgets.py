"""The admin screens staff use all day cost as many SQL queries with ten times the
seed's content as with the seed's own.

Each screen is opened by the role that uses it, once on the seed site and once
after tests/support/scale.py has grown it tenfold (60 campaigns, 50 people, 90
bills, 2,000 sign-ups, new Spanish translations). The budgets are today's counts
on the seed site; a change that adds queries to a screen argues for a new one here.
"""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection, transaction
from django.db.models import Count
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page

from campaigns.models import CampaignIndexPage, CampaignPage
from home.editorial.review_dates.due import reviewed_page_models
from home.editorial.roles import COMMUNICATIONS, MODERATORS, TRANSLATORS, setup_roles
from home.models import public_snippet_models
from home.models.review_dates import reviewed_models
from tests.support.factories import SignupFactory
from tests.support.scale import SEED, add_scaled_content, content_now
from tests.support.seed import seed_page
from tests.support.translations import spanish

pytestmark = pytest.mark.django_db


def largest_campaign():
    """The English campaign with the most blocks and inline rows to edit."""
    campaigns = CampaignPage.objects.filter(locale__language_code="en").annotate(
        rows=Count("people", distinct=True)
        + Count("organisations", distinct=True)
        + Count("policy_area_links", distinct=True)
    )
    return max(
        campaigns, key=lambda page: len(page.demands) + len(page.body) + page.rows
    )


def campaign_index():
    return CampaignIndexPage.objects.get(locale__language_code="en")


SCREENS = {
    "dashboard": lambda: reverse("wagtailadmin_home"),
    "page explorer": lambda: reverse(
        "wagtailadmin_explore", args=[campaign_index().pk]
    ),
    "campaign editor": lambda: reverse(
        "wagtailadmin_pages:edit", args=[largest_campaign().pk]
    ),
    "translation report": lambda: reverse("translation_report"),
    "review report": lambda: reverse("review_due"),
    "sign-up list": lambda: reverse("campaigns_signup_modeladmin_index"),
    "translation editor": lambda: reverse(
        "wagtailadmin_pages:edit", args=[spanish(largest_campaign()).pk]
    ),
}
ROLES = {"comms": COMMUNICATIONS, "translator": TRANSLATORS, "moderator": MODERATORS}
# (role, screen): the queries the screen costs on the seed site. The translation
# report (and its dashboard panel) reads each public snippet model in 3 queries;
# the review report (and its panel) each reviewed page and snippet type in one
# (the two meeting page types added two to each); the two-step panel reads the
# account's recent sign-in changes and its app in two; the translation panel
# reads in one whether the English pages of its rows are live; the notices
# panel reads the person's waiting notices in one.
# The decision-maker snippet adds a model to the translation and review reports
# and panels; the chart of sign-ups per week adds its one query to the
# Communications dashboard and the sign-up list. The sign-up list's meeting and
# consent columns, the campaign editor's decision-maker chooser and the reports'
# newer models each add a constant few; the comparison at ten times the content
# below keeps every one of them flat.
BUDGETS = {
    ("comms", "dashboard"): 80,
    ("translator", "dashboard"): 75,
    ("moderator", "dashboard"): 77,
    # The policy-area chooser reads where it opens: once per area row, and once
    # for the form a new row is made from.
    ("comms", "campaign editor"): 66,
    ("comms", "translation report"): 49,
    ("translator", "translation report"): 50,
    ("comms", "sign-up list"): 19,
    ("comms", "review report"): 23,
    ("translator", "review report"): 23,
    ("moderator", "review report"): 22,
    # One reads the page's stored review-by date (ReviewDates.with_content_json);
    # one the segments still to translate, for the help panel (five queries
    # when some are, however many: tests/home/editorial/test_translation_help.py).
    ("translator", "translation editor"): 239,
}


def count_queries(client, url):
    client.get(url)  # the first request warms per-process caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return [query["sql"] for query in queries.captured_queries]


def signed_in(role):
    user = get_user_model().objects.create_user(role, f"{role}@example.org", "pw")
    user.groups.add(Group.objects.get(name=ROLES[role]))
    client = Client()
    client.force_login(user)
    return client


def everything_overdue():
    """Every page and snippet due for review, so the review report and its
    dashboard panel list ten times the seed's rows."""
    for model in [*reviewed_page_models(), *reviewed_models(public_snippet_models())]:
        model.objects.update(review_by=datetime.date(2020, 1, 1))


def costs_of_every_screen(clients):
    return {
        (role, screen): count_queries(clients[role], SCREENS[screen]())
        for role, screen in BUDGETS
    }


@pytest.fixture(scope="module")
def costs(seeded_site_for_session, django_db_blocker):
    """{(role, screen): (its queries on the seed site, at ten times the content)},
    measured once for the module: growing the site takes seconds."""
    with django_db_blocker.unblock(), transaction.atomic():
        setup_roles()
        clients = {role: signed_in(role) for role in ROLES}
        # The seed has no sign-ups: a few, so that its list shows rows too.
        SignupFactory.create_batch(3, campaign=seed_page())
        seed = costs_of_every_screen(clients)
        add_scaled_content(10, translations=3)
        everything_overdue()
        scaled = costs_of_every_screen(clients)
        transaction.set_rollback(True)
    return {key: (seed[key], scaled[key]) for key in BUDGETS}


def test_the_grown_site_is_as_editors_would_have_made_it(staff_client, seeded_site):
    added = add_scaled_content(10)
    page = CampaignPage.objects.get(
        slug=f"campaign-for-our-block-{6 + added.campaigns}"
    )

    assert content_now() == SEED * 10
    assert Page.find_problems() == ([], [], [], [], [])
    assert page.live and page.live_revision == page.latest_revision
    assert (
        page.get_latest_revision_as_object().demands.raw_data == page.demands.raw_data
    )
    assert all(item["id"] for item in page.demands.raw_data[0]["value"]["bills"])
    assert page.people.count() == 3 and page.policy_area_links.count() == 1
    assert staff_client.get(page.url).status_code == 200
    editor = reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert staff_client.get(editor).status_code == 200


@pytest.mark.parametrize(("role", "screen"), BUDGETS)
def test_an_admin_screen_costs_the_same_with_ten_times_the_content(costs, role, screen):
    seed, scaled = costs[role, screen]

    assert len(seed) <= BUDGETS[role, screen], "\n".join(seed)
    assert len(scaled) == len(seed), "\n".join(scaled)


# Wagtail lists 50 pages at a time in its explorer, and for each page listed
# it and wagtail-localize ask a few queries (whether someone who may not publish
# may delete or move it; whether to offer "Translate this page" and "Sync
# translated pages"). Its cost grows with the rows shown up to a full list, and
# no further: compared between two full lists.
FULL_EXPLORER_LIST = 242


def test_the_page_explorer_costs_the_same_for_60_or_120_campaigns(
    client, seeded_site, comms
):
    client.force_login(comms)
    add_scaled_content(10)
    fewer = count_queries(client, SCREENS["page explorer"]())
    add_scaled_content(20)
    more = count_queries(client, SCREENS["page explorer"]())

    assert len(fewer) <= FULL_EXPLORER_LIST, "\n".join(fewer)
    assert len(more) == len(fewer), "\n".join(more)
