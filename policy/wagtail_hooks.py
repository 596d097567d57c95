from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet

from home.editorial.snippet_views import TranslatableSnippetViewSet

from .models import Bill


class BillViewSet(TranslatableSnippetViewSet):
    model = Bill
    icon = "doc-full"
    menu_label = _("Bills")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["number", "title", "session", "status"]
    list_filter = ["chamber", "status"]
    search_fields = ["number", "title"]


register_snippet(BillViewSet)
