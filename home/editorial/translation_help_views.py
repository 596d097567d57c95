"""The translation help panel's one action: fill a segment with Spanish the
panel offered (the previous translation, a suggestion), as the editor itself
saves a segment."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from .permissions import may_edit

PANEL = "#translation-help"


@require_POST
def use_translation(request, translation_id, segment_id):
    """Save the posted Spanish as the segment's translation, the way
    wagtail-localize's edit_string_translation does (a manual translation by
    this user), for those who may edit the translated page or snippet."""
    translation = get_object_or_404(Translation, pk=translation_id)
    segment = get_object_or_404(
        StringSegment, pk=segment_id, source_id=translation.source_id
    )
    instance = translation.get_target_instance()
    if not may_edit(request.user, instance):
        raise PermissionDenied
    edit_url = AdminURLFinder(request.user).get_edit_url(instance)
    value = request.POST.get("value", "").strip()
    if not value:
        messages.error(
            request, _("The Spanish was empty, so the segment was left as it was.")
        )
        return redirect(edit_url + PANEL)
    saved, _created = StringTranslation.objects.update_or_create(
        translation_of_id=segment.string_id,
        locale_id=translation.target_locale_id,
        context_id=segment.context_id,
        defaults={
            "data": value,
            "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            "tool_name": "",
            "last_translated_by": request.user,
            "has_error": False,
            "field_error": "",
        },
    )
    saved.refresh_from_db(fields=["has_error"])
    if saved.has_error:
        messages.warning(
            request,
            _(
                "The Spanish was saved, but its links or formatting do not match "
                "the English: correct it in the editor."
            ),
        )
    else:
        messages.success(request, _("The segment was filled with that Spanish."))
    return redirect(edit_url + PANEL)
