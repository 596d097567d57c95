"""Admin views that keep two languages honest: the status report, its dashboard
panel, and the missing step between translating and publishing."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.ui.components import Component
from wagtail.coreutils import find_available_slug
from wagtail.models import Locale, Page
from wagtail.permissions import policy_registry
from wagtail_localize.models import Translation, TranslationSource

from home.translation_status import COMPLETE, STATE_LABELS, state_of
from people.models import Organisation, Person
from policy.models import Bill

TRANSLATABLE_SNIPPETS = [Person, Organisation, Bill]
TARGET_LANGUAGE = "es"


def translation_states():
    """The Spanish state of every English page and public snippet."""
    source_locale = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
    target_locale = Locale.objects.filter(language_code=TARGET_LANGUAGE).first()
    if source_locale is None or target_locale is None:
        return []
    sources = {
        source.object_id: source
        for source in TranslationSource.objects.filter(locale=source_locale)
    }
    translations = {
        translation.source_id: translation
        for translation in Translation.objects.filter(target_locale=target_locale)
    }
    objects = list(
        Page.objects.filter(locale=source_locale, depth__gt=1)
        .order_by("path")
        .specific()
    )
    for model in TRANSLATABLE_SNIPPETS:
        objects.extend(model.objects.filter(locale=source_locale))
    targets = _translated_versions(objects, target_locale)
    states = []
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


def _translated_versions(objects, locale):
    keys = {instance.translation_key for instance in objects}
    found = {}
    for page in Page.objects.filter(locale=locale, translation_key__in=keys).specific():
        found[(type(page)._meta.label, page.translation_key)] = page
    for model in TRANSLATABLE_SNIPPETS:
        for snippet in model.objects.filter(locale=locale, translation_key__in=keys):
            found[(model._meta.label, snippet.translation_key)] = snippet
    return found


def with_edit_urls(states, user):
    finder = AdminURLFinder(user)
    for state in states:
        state.source_edit_url = finder.get_edit_url(state.source)
        state.translated_edit_url = (
            finder.get_edit_url(state.translated) if state.translated else None
        )
    return states


def translation_report(request):
    states = translation_states()
    counts = dict.fromkeys(STATE_LABELS, 0)
    for state in states:
        counts[state.state] += 1
    wanted = request.GET.get("state")
    if wanted in STATE_LABELS:
        states = [state for state in states if state.state == wanted]
    return TemplateResponse(
        request,
        "bpnc_site/admin/translation_report.html",
        {
            "states": with_edit_urls(states, request.user),
            "counts": [(key, STATE_LABELS[key], counts[key]) for key in STATE_LABELS],
            "wanted": wanted,
            "page_title": gettext_lazy("Spanish translations"),
        },
    )


class TranslationStatusPanel(Component):
    name = "translation_status"
    template_name = "bpnc_site/admin/translation_panel.html"
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


@require_POST
def submit_translation_for_review(request, translation_id):
    """Save a translation as a draft and start (or resume) the review workflow.

    wagtail-localize's editor can publish but not submit for review, which
    leaves translators without publish rights no way forward.
    """
    translation = get_object_or_404(Translation, pk=translation_id)
    instance = translation.get_target_instance()
    if not _can_edit(request.user, instance):
        raise PermissionDenied
    edit_url = AdminURLFinder(request.user).get_edit_url(instance)
    workflow = instance.get_workflow()
    state = instance.current_workflow_state
    if workflow is None:
        messages.error(request, _("No review workflow covers this translation."))
        return redirect(edit_url)
    if state is not None and state.status == state.STATUS_IN_PROGRESS:
        messages.warning(request, _("This translation is already waiting for review."))
        return redirect(edit_url)
    try:
        save_draft_revision(translation, request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(edit_url)
    if state is not None and state.status == state.STATUS_NEEDS_CHANGES:
        state.resume(request.user)
    else:
        workflow.start(instance, request.user)
    messages.success(
        request, _("“%(title)s” was submitted for review.") % {"title": str(instance)}
    )
    return redirect(edit_url)


def save_draft_revision(translation, user):
    """A new revision with the current translations, leaving the live object as it is.

    save_target(publish=False) would also write the unreviewed text into the live
    object, so the translated copy is built in memory and only its revision saved.
    """
    draft = translation.source.get_ephemeral_translated_instance(
        translation.target_locale, fallback=True
    )
    if isinstance(draft, Page):
        draft.slug = find_available_slug(
            draft.get_parent(), slugify(draft.slug), ignore_page_id=draft.pk
        )
    return draft.save_revision(user=user)


def _can_edit(user, instance):
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_edit()
    policy = policy_registry.get_by_type(type(instance))
    return policy.user_has_permission_for_instance(user, "change", instance)
