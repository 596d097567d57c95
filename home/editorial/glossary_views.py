"""The glossary in the admin: moderators keep it (add, change, delete);
translators and Communications read it (roles.py gives the permissions)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column

from home.models import GlossaryTerm

from .snippet_views import TranslatableSnippetViewSet


class GlossaryViewSet(TranslatableSnippetViewSet):
    model = GlossaryTerm
    icon = "list-ul"
    menu_label = _("Glossary")
    menu_order = 260
    add_to_admin_menu = True
    search_fields = ["english", "spanish", "rejected", "note"]
    list_filter = ["checked_in"]
    list_display = [
        "english",
        "spanish",
        Column("rejected", label=_("rejected variants")),
    ]
    ordering = ["english"]
