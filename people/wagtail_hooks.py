from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from home.editorial.snippet_views import TranslatableSnippetViewSet

from .models import DecisionMaker, Organisation, Person


class PersonViewSet(TranslatableSnippetViewSet):
    model = Person
    icon = "user"
    menu_label = _("People")
    list_display = ["name", "role", "email"]
    search_fields = ["name", "role"]


class OrganisationViewSet(TranslatableSnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    list_display = ["name", "acronym", "url"]
    search_fields = ["name", "acronym"]


class DecisionMakerViewSet(TranslatableSnippetViewSet):
    model = DecisionMaker
    icon = "user"
    menu_label = _("Decision-makers")
    list_display = ["name", "office", "phone", "email"]
    search_fields = ["name", "office"]


class PeopleViewSetGroup(SnippetViewSetGroup):
    items = (PersonViewSet, OrganisationViewSet, DecisionMakerViewSet)
    menu_icon = "group"
    menu_label = _("People")
    menu_name = "people"


register_snippet(PeopleViewSetGroup)
