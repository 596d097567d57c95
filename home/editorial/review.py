"""Submitting a translation for review: the missing step between translating and
publishing in wagtail-localize's editor."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.coreutils import find_available_slug
from wagtail.models import Page
from wagtail_localize.models import Translation

from .permissions import may_edit
from .status import translation_into


@require_POST
def submit_translation_for_review(request, translation_id):
    """Save a translation as a draft and start (or resume) the review workflow;
    while it is under review, put the newer translation in its place.

    wagtail-localize's editor can publish but not submit for review, which
    leaves translators without publish rights no way forward.
    """
    translation = get_object_or_404(Translation, pk=translation_id)
    instance = translation.get_target_instance()
    if not may_edit(request.user, instance):
        raise PermissionDenied
    edit_url = AdminURLFinder(request.user).get_edit_url(instance)
    workflow = instance.get_workflow()
    state = instance.current_workflow_state
    if workflow is None:
        messages.error(request, _("No review workflow covers this translation."))
        return redirect(edit_url)
    try:
        revision = save_draft_revision(translation, request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(edit_url)
    # The title as translated: a new translation's row keeps the English one.
    title = revision.object_str
    if state is not None and state.status == state.STATUS_IN_PROGRESS:
        update_submission(state, revision, instance)
        messages.success(
            request,
            _("Your changes to “%(title)s” replace what the moderators are reviewing.")
            % {"title": title},
        )
    else:
        if state is not None and state.status == state.STATUS_NEEDS_CHANGES:
            state.resume(request.user)
        else:
            workflow.start(instance, request.user)
        messages.success(
            request,
            _("“%(title)s” was submitted for review.") % {"title": title},
        )
    warn_of_english(request, translation)
    return redirect(edit_url)


def update_submission(state, revision, instance):
    """The running review now looks at this revision: its preview and what
    Approve publishes (publish_reviewed_revision) are the new translation."""
    task_state = state.current_task_state.specific
    task_state.revision = revision
    fields = ["revision"]
    if hasattr(task_state, "record_progress"):
        task_state.record_progress(instance)
        fields += ["segments", "untranslated"]
    task_state.save(update_fields=fields)


def warn_of_english(request, translation):
    total, done = translation.get_progress()
    if done < total:
        messages.warning(
            request,
            ngettext(
                "%(count)s of %(total)s segments is not translated yet: until it "
                "is, the page shows it in English. The moderators will see how "
                "many are missing.",
                "%(count)s of %(total)s segments are not translated yet: until "
                "they are, the page shows them in English. The moderators will "
                "see how many are missing.",
                total - done,
            )
            % {"count": total - done, "total": total},
        )


@require_POST
def save_translation_draft(request, translation_id):
    """Keep the translation so far as a draft revision: what preview, the
    revision history and the moderators see, with the live version untouched."""
    translation = get_object_or_404(Translation, pk=translation_id)
    instance = translation.get_target_instance()
    if not may_edit(request.user, instance):
        raise PermissionDenied
    edit_url = AdminURLFinder(request.user).get_edit_url(instance)
    try:
        revision = save_draft_revision(translation, request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("The draft of “%(title)s” was saved. It stays unseen until reviewed.")
            % {"title": revision.object_str},
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


def refuse_publishing_english(request, instance):
    """Before wagtail-localize's editor publishes a translation (its "Publish"
    posts action=publish to the edit view): refused while segments are
    untranslated, which the page would show in English. The explicit way to
    publish it as it is goes through review: "Approve with N segments in
    English". None when the request is not such a publish."""
    # OVERRIDE: reads wagtail-localize's editor protocol (1.14): its footer's
    # "Publish" posts action=publish to the page or snippet edit view, which its
    # before_edit_page / before_edit_snippet hook answers with
    # views.edit_translation.edit_translation.
    if request.method != "POST" or request.POST.get("action") != "publish":
        return None
    translation = translation_into(instance)
    if translation is None:
        return None
    total, done = translation.get_progress()
    if done == total:
        return None
    messages.error(
        request,
        ngettext(
            "%(count)s of %(total)s segments is not translated yet, so publishing "
            "now would show it in English. To publish it as it is, submit the "
            "translation for review and approve it with segments in English.",
            "%(count)s of %(total)s segments are not translated yet, so "
            "publishing now would show them in English. To publish it as it is, "
            "submit the translation for review and approve it with segments in "
            "English.",
            total - done,
        )
        % {"count": total - done, "total": total},
    )
    return redirect(AdminURLFinder(request.user).get_edit_url(instance))
