"""Snippet views that check permissions on the object, not only on its type."""

from django.core.exceptions import PermissionDenied
from django.utils import translation
from django.utils.translation import gettext_lazy
from wagtail.snippets.views.snippets import DeleteView, EditView, SnippetViewSet

# Wagtail builds these breadcrumbs once, at start-up, in whatever language is
# active then; lazily, they read in each staff member's own language
# (overrides registry: snippet-breadcrumbs).
BREADCRUMB_LABELS = {"Home": gettext_lazy("Home"), "Snippets": gettext_lazy("Snippets")}


class InstancePermissionMixin:
    """Refuse the view when the permission policy refuses this very object
    (a translator opening an English snippet, for instance)."""

    def get_object(self, queryset=None):
        instance = super().get_object(queryset)
        if not self.user_has_permission_for_instance(
            self.permission_required, instance
        ):
            raise PermissionDenied
        return instance


class LocaleCheckedEditView(InstancePermissionMixin, EditView):
    pass


class LocaleCheckedDeleteView(InstancePermissionMixin, DeleteView):
    pass


class TranslatableSnippetViewSet(SnippetViewSet):
    edit_view_class = LocaleCheckedEditView
    delete_view_class = LocaleCheckedDeleteView

    @property
    def breadcrumbs_items(self):
        with translation.override(None):
            items = super().breadcrumbs_items
        return [
            {**item, "label": BREADCRUMB_LABELS.get(str(item["label"]), item["label"])}
            for item in items
        ]
