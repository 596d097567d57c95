"""The Spanish translations report and its dashboard panel: where every English
page and public snippet stands in Spanish."""

from django.conf import settings
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.ui.components import Component
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from home.models import public_snippet_models

from .status import (
    COMPLETE,
    STATE_LABELS,
    WITHDRAWN,
    TranslationState,
    state_of,
    with_progress,
)


def translation_states():
    """The Spanish state of every English page and public snippet."""
    source_locale = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
    target_locale = Locale.objects.filter(
        language_code=settings.TRANSLATION_TARGET_LANGUAGE
    ).first()
    if source_locale is None or target_locale is None:
        return []
    sources = {
        source.object_id: source
        for source in TranslationSource.objects.filter(locale=source_locale)
    }
    translations = {
        translation.source_id: translation
        for translation in with_progress(
            Translation.objects.filter(target_locale=target_locale)
        )
    }
    objects = list(listed(Page.objects.filter(locale=source_locale, depth__gt=1)))
    for model in public_snippet_models():
        objects.extend(listed(model.objects.filter(locale=source_locale)))
    targets = _translated_versions(objects, target_locale)
    states = [
        TranslationState(None, orphan, WITHDRAWN)
        for orphan in _live_orphans(objects, target_locale)
    ]
    for instance in objects:
        source = sources.get(instance.translation_key)
        states.append(
            state_of(
                instance,
                target_locale,
                translated=targets.get(
                    (type(instance)._meta.label, instance.translation_key)
                ),
                source=source,
                translation=translations.get(source.pk) if source else None,
            )
        )
    return states


def listed(objects):
    """Pages or snippets as the report shows them, with what their state and
    edit link need read in the same queries, whatever their number."""
    if issubclass(objects.model, Page):
        # Whether a staff member without edit permission may edit a page
        # depends on its workflow: prefetched, not asked page by page.
        return (
            objects.order_by("path")
            .defer_streamfields()
            .specific()
            .prefetch_workflow_states()
        )
    return objects.select_related("latest_revision")


def _live_orphans(objects, locale):
    """Live Spanish pages and snippets whose English original was deleted."""
    keys = {instance.translation_key for instance in objects}
    orphans = list(
        listed(
            Page.objects.live()
            .filter(locale=locale, depth__gt=1)
            .exclude(translation_key__in=keys)
        )
    )
    for model in public_snippet_models():
        orphans.extend(
            listed(
                model.objects.filter(locale=locale, live=True).exclude(
                    translation_key__in=keys
                )
            )
        )
    return orphans


def _translated_versions(objects, locale):
    keys = {instance.translation_key for instance in objects}
    found = {}
    pages = Page.objects.filter(locale=locale, translation_key__in=keys)
    for page in listed(pages):
        found[(type(page)._meta.label, page.translation_key)] = page
    for model in public_snippet_models():
        snippets = model.objects.filter(locale=locale, translation_key__in=keys)
        for snippet in listed(snippets):
            found[(model._meta.label, snippet.translation_key)] = snippet
    return found


def with_edit_urls(states, user):
    finder = AdminURLFinder(user)
    for state in states:
        state.source_edit_url = (
            finder.get_edit_url(state.source) if state.source else None
        )
        state.translated_edit_url = (
            finder.get_edit_url(state.translated) if state.translated else None
        )
    return states


def translation_report(request):
    states = translation_states()
    counts = dict.fromkeys(STATE_LABELS, 0)
    for state in states:
        counts[state.state] += 1
    changed_segments = sum(state.changed_segments for state in states)
    new_segments = sum(state.new_segments for state in states)
    wanted = request.GET.get("state")
    if wanted in STATE_LABELS:
        states = [state for state in states if state.state == wanted]
    return TemplateResponse(
        request,
        "editorial/translation_report.html",
        {
            "states": with_edit_urls(states, request.user),
            "counts": [(key, STATE_LABELS[key], counts[key]) for key in STATE_LABELS],
            "wanted": wanted,
            "changed_segments": changed_segments,
            "new_segments": new_segments,
            "page_title": gettext_lazy("Spanish translations"),
        },
    )


class TranslationStatusPanel(Component):
    name = "translation_status"
    template_name = "editorial/translation_panel.html"
    order = 150

    def get_context_data(self, parent_context):
        states = translation_states()
        unfinished = [state for state in states if state.state != COMPLETE]
        request = parent_context["request"]
        return {
            "total": len(states),
            "complete": len(states) - len(unfinished),
            "unfinished": with_edit_urls(unfinished[:10], request.user),
            "more": max(len(unfinished) - 10, 0),
        }
