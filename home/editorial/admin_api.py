"""The admin's page API, answering every signed-in editor about any page.

wagtail-localize's editor shows a synchronised page link (an alert's page, a call
to action's page) by asking this API for the page the English points to. Wagtail
answers only about the pages a user may explore, so a translator, whose
permissions are on the Spanish tree, got a 404 and the link never loaded. The
page chooser already shows every page's title to every editor; the API tells
them no more than that.
"""

from wagtail.admin.api.views import PagesAdminAPIViewSet
from wagtail.models import Page


class EveryPageAdminAPIViewSet(PagesAdminAPIViewSet):
    def get_base_queryset(self):
        return Page.objects.all()
