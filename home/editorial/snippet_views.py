"""Snippet views that check permissions on the object, not only on its type."""

from django.core.exceptions import PermissionDenied
from wagtail.snippets.views.snippets import DeleteView, EditView, SnippetViewSet


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
