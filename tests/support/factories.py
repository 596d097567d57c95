"""Pages, snippets and sign-ups for tests, made as an editor or a neighbour would."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import factory
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Locale

from campaigns.models import (
    CampaignIndexPage,
    CampaignPage,
    MeetingIndexPage,
    MeetingPage,
    Signup,
)
from home.models import StandardPage
from people.models import DecisionMaker, Organisation, Person
from policy.models import Bill, PolicyAreaPage, PolicyIndexPage


def publish_child(parent, page):
    """Add page under parent and publish it, as an editor would."""
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


class PageFactory(factory.django.DjangoModelFactory):
    """A page published under the parent given: ``StandardPageFactory(parent=home)``."""

    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"Page {n}")
    slug = factory.LazyAttribute(lambda page: slugify(page.title))

    @classmethod
    def _create(cls, model_class, *args, parent, **kwargs):
        return publish_child(parent, model_class(*args, **kwargs))


class CampaignIndexPageFactory(PageFactory):
    class Meta:
        model = CampaignIndexPage

    title = "Campaigns"
    show_in_menus = True


class CampaignPageFactory(PageFactory):
    class Meta:
        model = CampaignPage

    title = factory.Sequence(lambda n: f"Campaign {n}")


CHICAGO = ZoneInfo("America/Chicago")


def chicago(year, month, day, hour=18, minute=0):
    """An aware datetime at a wall-clock time in Chicago."""
    return datetime(year, month, day, hour, minute, tzinfo=CHICAGO)


def next_week_evening():
    """6 p.m. in Chicago, a week from today."""
    day = timezone.localtime(timezone.now(), CHICAGO).date() + timedelta(days=7)
    return chicago(day.year, day.month, day.day)


class MeetingIndexPageFactory(PageFactory):
    class Meta:
        model = MeetingIndexPage

    title = "Meetings"
    show_in_menus = True


class MeetingPageFactory(PageFactory):
    """A meeting a week from now, 6 to 8 p.m. in Chicago, at a place."""

    class Meta:
        model = MeetingPage

    title = factory.Sequence(lambda n: f"Neighbourhood meeting {n}")
    start = factory.LazyFunction(next_week_evening)
    end = factory.LazyAttribute(lambda meeting: meeting.start + timedelta(hours=2))
    place_name = "Brighton Park library"
    street_address = "4314 S Archer Ave, Chicago, IL 60632"


class PolicyIndexPageFactory(PageFactory):
    class Meta:
        model = PolicyIndexPage

    title = "Policy positions"
    slug = "policy"
    show_in_menus = True


class PolicyAreaPageFactory(PageFactory):
    class Meta:
        model = PolicyAreaPage

    title = factory.Sequence(lambda n: f"Policy area {n}")


class StandardPageFactory(PageFactory):
    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"About {n}")


class SnippetFactory(factory.django.DjangoModelFactory):
    locale = factory.LazyFunction(lambda: Locale.objects.get(language_code="en"))


class PersonFactory(SnippetFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Person {n}")


class OrganisationFactory(SnippetFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")


class DecisionMakerFactory(SnippetFactory):
    class Meta:
        model = DecisionMaker

    name = factory.Sequence(lambda n: f"Office {n}")


class BillFactory(SnippetFactory):
    class Meta:
        model = Bill

    number = factory.Sequence(lambda n: f"HB {1000 + n}")
    chamber = Bill.Chamber.HOUSE
    title = factory.Sequence(lambda n: f"Bill about topic {n}")


class SignupFactory(factory.django.DjangoModelFactory):
    """A sign-up to the campaign given; by default a Spanish speaker's, made in
    Spanish."""

    class Meta:
        model = Signup

    name = factory.Sequence(lambda n: f"Vecina {n}")
    email = factory.Sequence(lambda n: f"vecina-{n}@example.org")
    language = "es"
    signed_up_in = factory.SelfAttribute("language")
    consent = True


# What a neighbour fills in on a campaign page's sign-up form.
SIGNUP_FORM = {
    "name": "Ana Pérez",
    "email": "ana@example.org",
    "phone": "(773) 555-0100",
    "zip_code": "60632",
    "language": "es",
    "consent": "on",
}
