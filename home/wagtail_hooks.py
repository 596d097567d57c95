"""The alerts in the admin: their list says, for every alert, whether it is live in
each language, and an English alert whose translation is not live says so.

An alert is shown only in the languages where it is live (see models/alerts.py),
so staff must see at a glance which readers it does not reach yet.
"""

from django.conf import settings
from django.contrib import messages
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView

from .editorial.snippet_views import LocaleCheckedEditView, TranslatableSnippetViewSet
from .models import Alert

# Each language's name as it reads within a sentence ("no se muestra en español").
LANGUAGE_NAMES = {
    "en": pgettext_lazy("in a sentence", "English"),
    "es": pgettext_lazy("in a sentence", "Spanish"),
}
PREFILLED_ALERT_FIELDS = (
    "message",
    "level",
    "starts_at",
    "ends_at",
    "link_page",
    "link_url",
    "link_text",
)
LIVE_IN = {"en": _("Live in English"), "es": _("Live in Spanish")}


def live_in(code):
    """The annotation saying whether an alert's version in this language is live."""
    return f"live_in_{code}"


def with_live_languages(queryset):
    """Each alert with whether it is live in every language: one query for the list."""
    return queryset.annotate(
        **{
            live_in(code): Exists(
                Alert.objects.filter(
                    translation_key=OuterRef("translation_key"),
                    locale__language_code=code,
                    live=True,
                )
            )
            for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
        }
    )


def languages_not_reached(alert):
    """The content languages in which this alert's version is not live."""
    live = set(
        Alert.objects.filter(
            translation_key=alert.translation_key, live=True
        ).values_list("locale__language_code", flat=True)
    )
    return [
        code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES if code not in live
    ]


class MomentColumn(Column):
    """The date and time in words, in the reader's language and time zone (an
    alert's start or end is often days away: "just now" would be wrong)."""

    cell_template_name = "home/alerts/moment_cell.html"


class LiveColumn(Column):
    """Yes or No, written out in the reader's language beside the icon."""

    cell_template_name = "home/alerts/live_cell.html"


class AlertEditView(LocaleCheckedEditView):
    def get(self, request, *args, **kwargs):
        missing = [
            code
            for code in languages_not_reached(self.object)
            if code != self.object.locale.language_code
        ]
        if missing:
            names = ", ".join(str(LANGUAGE_NAMES.get(code, code)) for code in missing)
            messages.warning(
                request,
                gettext(
                    "Not shown in %(languages)s: visitors reading in that language "
                    "see this alert only once its translation is approved and "
                    "published."
                )
                % {"languages": names},
            )
        return super().get(request, *args, **kwargs)


class AlertCreateView(CreateView):
    """Filled in from the address when another screen offers an alert (a moved
    meeting's editor links here with its message, times and page)."""

    def get_initial(self):
        initial = super().get_initial()
        if self.request.method == "GET":
            initial.update(
                (name, value)
                for name, value in self.request.GET.items()
                if name in PREFILLED_ALERT_FIELDS
            )
        return initial


class AlertViewSet(TranslatableSnippetViewSet):
    model = Alert
    add_view_class = AlertCreateView
    edit_view_class = AlertEditView
    icon = "warning"
    menu_label = _("Alerts")
    menu_order = 250
    add_to_admin_menu = True
    list_filter = ["level"]
    search_fields = ["message"]

    @property
    def list_display(self):
        return [
            "message",
            Column("level", accessor="get_level_display", label=_("level")),
            MomentColumn("starts_at", label=_("shown from")),
            MomentColumn("ends_at", label=_("shown until")),
            *[
                LiveColumn(live_in(code), label=LIVE_IN.get(code, code))
                for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
            ],
        ]

    def get_queryset(self, request):
        return with_live_languages(Alert.objects.all())


register_snippet(AlertViewSet)
