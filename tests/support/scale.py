"""The seed site grown to a multiple of itself: campaigns, people, organisations,
bills and sign-ups, for the query-growth tests, ``make bench`` and ``make loadtest``.

``add_scaled_content(10)`` on a seeded site gives about 60 campaigns, 50 people,
40 organisations, 90 bills and 2,000 sign-ups; ``add_scaled_content(100)`` ten
times that. Only what is missing is added, so a site can be grown from 10× to 100×.

Everything is made as the admin would leave it, only in bulk (one publish at a
time would take minutes at 100×): snippets and pages are live with a revision;
pages sit in the tree with proper paths, URL paths and child counts (see
``tests/support/bulk_pages.py``), with their references and search entries
indexed. Generated pages have no Spanish version unless asked for: a translation
made through wagtail-localize costs a few hundred queries.
"""

from dataclasses import dataclass, fields
from itertools import cycle, islice

from django.conf import settings
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from bpnc_site.seed.translation import TARGET_LANGUAGE, publish_now
from campaigns.models import (
    CampaignIndexPage,
    CampaignPage,
    CampaignPageOrganisation,
    CampaignPagePerson,
    CampaignPagePolicyArea,
    Signup,
)
from people.models import Organisation, Person
from policy.models import Bill, PolicyAreaPage

from .bulk_pages import add_live_children, publish_snippets


@dataclass
class Content:
    """How much English content a site holds (or a step adds)."""

    campaigns: int = 0
    people: int = 0
    organisations: int = 0
    bills: int = 0
    signups: int = 0

    def __mul__(self, factor):
        return Content(
            **{field.name: getattr(self, field.name) * factor for field in fields(self)}
        )


# One seed's worth, as issue 13 counts it (at 100×: 600 campaigns, 500 people,
# 900 bills, 20,000 sign-ups). The seed itself has four people and no sign-ups.
SEED = Content(campaigns=6, people=5, organisations=4, bills=9, signups=200)
DEMANDS_PER_CAMPAIGN = 2
BILLS_PER_DEMAND = 3
PERSON_ROLES = [role for role, _label in CampaignPagePerson.Role.choices]
ORGANISATION_ROLES = [role for role, _label in CampaignPageOrganisation.Role.choices]


def english():
    return Locale.objects.get(language_code=settings.LANGUAGE_CODE)


def content_now():
    locale = english()
    return Content(
        campaigns=CampaignPage.objects.filter(locale=locale).count(),
        people=Person.objects.filter(locale=locale).count(),
        organisations=Organisation.objects.filter(locale=locale).count(),
        bills=Bill.objects.filter(locale=locale).count(),
        signups=Signup.objects.count(),
    )


def add_scaled_content(factor, translations=0):
    """Grow the seeded site to about ``factor`` seeds' worth of content; also
    translate ``translations`` of the new campaigns into Spanish (with no string
    translated yet, as a translator finds them). What was added, as Content."""
    have, want = content_now(), SEED * factor
    missing = Content(
        **{
            field.name: max(getattr(want, field.name) - getattr(have, field.name), 0)
            for field in fields(want)
        }
    )
    publish_snippets(people(missing.people, start=have.people + 1))
    publish_snippets(organisations(missing.organisations, start=have.organisations + 1))
    publish_snippets(bills(missing.bills, start=have.bills + 1))
    new_campaigns = add_campaigns(missing.campaigns, start=have.campaigns + 1)
    Signup.objects.bulk_create(
        signups(missing.signups, start=have.signups + 1), batch_size=500
    )
    for page in new_campaigns[:translations]:
        translate(page)
    return missing


def people(count, start):
    locale = english()
    return [
        Person(
            locale=locale,
            name=f"Neighbour {start + number}",
            role="Organizer",
            bio="Organizes neighbours on their block.",
            languages="English and Spanish",
        )
        for number in range(count)
    ]


def organisations(count, start):
    locale = english()
    return [
        Organisation(
            locale=locale,
            name=f"Block club {start + number}",
            description="Neighbours who keep their block safe and clean.",
        )
        for number in range(count)
    ]


def bills(count, start):
    locale = english()
    chambers = cycle(Bill.Chamber.values)
    return [
        Bill(
            locale=locale,
            number=f"HB {5000 + start + number}",
            chamber=next(chambers),
            session="2025",
            title=f"An act on neighbourhood services, part {start + number}",
            summary="Funds services that neighbours asked for.",
            status=Bill.Status.IN_COMMITTEE,
        )
        for number in range(count)
    ]


def add_campaigns(count, start):
    """``count`` campaigns under the English campaign index, each with demands
    resting on bills, people and organisations in every role and a policy area."""
    if not count:
        return []
    locale = english()
    index = CampaignIndexPage.objects.get(locale=locale)
    people_ = cycle(Person.objects.filter(locale=locale).order_by("pk"))
    organisations_ = cycle(Organisation.objects.filter(locale=locale).order_by("pk"))
    bill_ids = cycle(
        Bill.objects.filter(locale=locale).order_by("pk").values_list("pk", flat=True)
    )
    areas = cycle(PolicyAreaPage.objects.filter(locale=locale).order_by("path"))
    statuses = cycle(CampaignPage.Status.values)
    pages = [
        CampaignPage(
            title=f"Campaign for our block {start + number}",
            slug=f"campaign-for-our-block-{start + number}",
            summary="Neighbours asking the city for what their block needs.",
            status=next(statuses),
            hashtag=f"#OurBlock{start + number}",
            introduction="<p>What our block needs, and who must act.</p>",
            demands=[demand(bill_ids) for _ in range(DEMANDS_PER_CAMPAIGN)],
            body=body(),
            signup_intro="Sign up and we will keep you posted.",
            people=[
                CampaignPagePerson(person=next(people_), role=role, sort_order=order)
                for order, role in enumerate(PERSON_ROLES)
            ],
            organisations=[
                CampaignPageOrganisation(
                    organisation=next(organisations_), role=role, sort_order=order
                )
                for order, role in enumerate(ORGANISATION_ROLES)
            ],
            policy_area_links=[CampaignPagePolicyArea(policy_area=next(areas))],
        )
        for number in range(count)
    ]
    return add_live_children(index, pages)


def demand(bill_ids):
    return {
        "type": "demand",
        "value": {
            "demand": "Fund the services our block asked for",
            "detail": "<p>What exactly we ask, and why it matters.</p>",
            "kind": "funding",
            "amount": 250_000,
            "bills": list(islice(bill_ids, BILLS_PER_DEMAND)),
            "who_must_act": "City Council",
            "status": "campaigning",
        },
    }


def body():
    """Blocks holding lists (steps, figures), stored with ids for their items."""
    return [
        {
            "type": "steps",
            "value": {
                "heading": "Three steps",
                "steps": ["Sign up.", "Come to the meeting.", "Bring a neighbour."],
            },
        },
        {
            "type": "statistics",
            "value": {
                "heading": "Our block",
                "items": [
                    {"figure": "120", "label": "households", "source": ""},
                    {"figure": "3", "label": "streetlights out", "source": ""},
                ],
            },
        },
    ]


def signups(count, start):
    campaigns = cycle(
        CampaignPage.objects.filter(locale=english())
        .order_by("path")
        .values_list("pk", flat=True)
    )
    languages = cycle(code for code, _name in settings.LANGUAGES)
    return [
        Signup(
            campaign_id=next(campaigns),
            name=f"Vecina {start + number}",
            email=f"neighbour.{start + number}@example.org",
            zip_code="60632",
            language=(language := next(languages)),
            signed_up_in=language,
            consent=True,
        )
        for number in range(count)
    ]


def translate(page):
    """Start the page's Spanish version through wagtail-localize, publish it."""
    spanish = Locale.objects.get(language_code=TARGET_LANGUAGE)
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=spanish
    )
    publish_now(translation, page, spanish)
