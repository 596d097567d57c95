"""wagtail-localize's actions, held to the review rule.

wagtail-localize checks only that a user may edit a translation (or submit
translations at all). Here, what would change a live page or snippet at once
(publishing on sync, converting a translation into an alias, stopping its
synchronisation) is for those who may publish it; starting a translation makes
drafts, and takes whoever started it somewhere they may be. These views take the
place of wagtail-localize's own at the same addresses (``wagtail_hooks.py``;
overrides registry: localize-reviewed-urls, localize-view-methods).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail.models import Page
from wagtail_localize.models import Translation
from wagtail_localize.views import convert, edit_translation
from wagtail_localize.views.submit_translations import (
    SubmitPageTranslationView,
    SubmitSnippetTranslationView,
)
from wagtail_localize.views.update_translations import UpdateTranslationsView

from .permissions import may_edit, may_publish

PUBLISH_FIELD = "publish_translations"


def refuse(request, message):
    """Back where the user came from, saying why nothing was done."""
    messages.error(request, message)
    return redirect(get_valid_next_url_from_request(request) or "wagtailadmin_home")


class DraftsMessageMixin:
    """The language to translate into ticked when it is the only one left; after
    starting a translation: say that it is a draft, and go to its editor only
    when this user may edit it (the English page otherwise)."""

    def get_form(self):
        form = super().get_form()
        if not form.is_bound and not form.initial.get("locales"):
            choices = list(form.fields["locales"].queryset)
            if len(choices) == 1:
                form.initial["locales"] = choices
        return form

    def get_success_message(self, locales):
        # wagtail-localize's sentence has no full stop of its own.
        started = super().get_success_message(locales).rstrip(".")
        return " ".join(
            [
                f"{started}.",
                _(
                    "The translation is a draft: nobody sees it until a moderator "
                    "approves the translated text."
                ),
            ]
        )

    def get_default_success_url(self, translated_object=None):
        if translated_object is not None and may_edit(
            self.request.user, translated_object
        ):
            return super().get_default_success_url(translated_object)
        return AdminURLFinder(self.request.user).get_edit_url(self.object)


class SubmitPageForTranslation(DraftsMessageMixin, SubmitPageTranslationView):
    pass


class SubmitSnippetForTranslation(DraftsMessageMixin, SubmitSnippetTranslationView):
    pass


class UpdateTranslations(UpdateTranslationsView):
    """Syncing translations with their source; "publish immediately" only for
    those who may publish every translation it would publish."""

    def may_publish_all(self):
        return all(
            may_publish(self.request.user, translation.get_target_instance())
            for translation in self.object.translations.filter(enabled=True)
        )

    def get_form(self):
        form = super().get_form()
        if not self.may_publish_all():
            form.fields.pop(PUBLISH_FIELD, None)
        return form

    def form_valid(self, form):
        form.cleaned_data.setdefault(PUBLISH_FIELD, False)
        return super().form_valid(form)


def convert_to_alias(request, page_id):
    """Replacing a translation with the source page goes live at once."""
    page = get_object_or_404(Page, id=page_id)
    if not may_publish(request.user, page.specific):
        if request.method == "POST":
            return refuse(
                request,
                _("Only moderators may replace a translation with the original page."),
            )
        raise PermissionDenied
    return convert.convert_to_alias(request, page_id)


def stop_translation(request, translation_id):
    translation = get_object_or_404(Translation, id=translation_id)
    if not may_publish(request.user, translation.get_target_instance()):
        return refuse(
            request, _("Only moderators may stop synchronising a translation.")
        )
    return edit_translation.stop_translation(request, translation_id)
