import factory
from wagtail.models import Locale

from campaigns.models import Signup
from people.models import Organisation, Person
from policy.models import Bill


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


def publish_child(parent, page):
    """Add page under parent and publish it, as an editor would."""
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


# What a neighbour fills in on a campaign page's sign-up form.
SIGNUP_FORM = {
    "name": "Ana Pérez",
    "email": "ana@example.org",
    "phone": "(773) 555-0100",
    "zip_code": "60632",
    "language": "es",
    "consent": "on",
}
