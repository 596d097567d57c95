"""The dashboard panel of waiting work, and the account settings switch for the
kinds Wagtail's own notification settings do not cover."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.admin.views.account import BaseSettingsPanel, notifications_tab
from wagtail.admin.widgets import SwitchInput

from home.editorial.permissions import allowed_language_codes

from .models import NotificationPreferences

SHOWN = 10


class NoticesPanel(Component):
    name = "notices"
    template_name = "notifications/panel.html"
    order = 50

    def get_context_data(self, parent_context):
        return self.waiting(parent_context["request"].user)

    def waiting(self, user):
        """Read once per request: rendering asks for the context again."""
        if not hasattr(self, "_waiting"):
            notices = list(user.notices.filter(dismissed=False)[: SHOWN + 1])
            self._waiting = {"notices": notices[:SHOWN], "more": len(notices) > SHOWN}
        return self._waiting

    def render_html(self, parent_context=None):
        if not self.waiting(parent_context["request"].user)["notices"]:
            return ""
        return super().render_html(parent_context)


class NotificationPreferencesForm(forms.ModelForm):
    class Meta:
        model = NotificationPreferences
        fields = ["out_of_date_notifications"]
        widgets = {"out_of_date_notifications": SwitchInput()}


def translates(user):
    """Whether the user may change pages in a language other than the site's own
    only (translators), or is a superuser."""
    codes = allowed_language_codes(user)
    return user.is_superuser or codes is not None


class TranslationNotificationsPanel(BaseSettingsPanel):
    name = "translation_notifications"
    title = _("Translation")
    tab = notifications_tab
    order = 110
    form_class = NotificationPreferencesForm

    def is_active(self):
        return translates(self.user)

    def get_form(self):
        kwargs = {
            "instance": NotificationPreferences.for_user(self.user),
            "prefix": self.name,
        }
        if self.request.method == "POST":
            return self.form_class(self.request.POST, **kwargs)
        return self.form_class(**kwargs)
