"""Snippet permissions that also look at the language of the snippet.

Stock snippet permissions check only the model: anyone who may change a Person may
change it in every language. Members of a group listed in
settings.LANGUAGE_RESTRICTED_GROUPS (Translators: Spanish) may change only
snippets in their languages, so a translator cannot alter the English originals.
"""

from django.conf import settings
from wagtail.models import Locale, Page, PagePermissionTester
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry

# Reading is never restricted: translators need to see the English original.
UNRESTRICTED_ACTIONS = {"view", "choose"}


def allowed_language_codes(user):
    """The language codes this user may change, or None for every language."""
    if user.is_superuser:
        return None
    # Remembered on the user object, which lives for one request, as Django
    # remembers a user's permissions: a listing asks once per row.
    if not hasattr(user, "_allowed_language_codes"):
        user._allowed_language_codes = _language_codes_of_groups(user)
    return user._allowed_language_codes


def allowed_locale_ids(user):
    """The ids of the locales this user may change, or None for every locale."""
    if not hasattr(user, "_allowed_locale_ids"):
        codes = allowed_language_codes(user)
        user._allowed_locale_ids = (
            None
            if codes is None
            else set(
                Locale.objects.filter(language_code__in=codes).values_list(
                    "pk", flat=True
                )
            )
        )
    return user._allowed_locale_ids


def _language_codes_of_groups(user):
    restricted = settings.LANGUAGE_RESTRICTED_GROUPS
    names = set(user.groups.values_list("name", flat=True))
    unrestricted_member = any(name not in restricted for name in names)
    codes = {code for name in names & restricted.keys() for code in restricted[name]}
    if not codes or unrestricted_member:
        return None
    return codes


class LocaleRestrictedPermissionPolicy(ModelPermissionPolicy):
    def user_has_permission_for_instance(self, user, action, instance):
        if not super().user_has_permission_for_instance(user, action, instance):
            return False
        if action in UNRESTRICTED_ACTIONS:
            return True
        locale_ids = allowed_locale_ids(user)
        return locale_ids is None or instance.locale_id in locale_ids

    def instances_user_has_any_permission_for(self, user, actions):
        instances = super().instances_user_has_any_permission_for(user, actions)
        if set(actions) & UNRESTRICTED_ACTIONS:
            return instances
        codes = allowed_language_codes(user)
        if codes is None:
            return instances
        return instances.filter(locale__language_code__in=codes)


def may_edit(user, instance):
    """Whether the user may change this page or snippet (a draft of it)."""
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_edit()
    policy = policy_registry.get_by_type(type(instance))
    return policy.user_has_permission_for_instance(user, "change", instance)


def may_publish(user, instance):
    """Whether the user may make this page or snippet public without review."""
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    policy = policy_registry.get_by_type(type(instance))
    return policy.user_has_permission_for_instance(user, "publish", instance)


class ModeratedPagePermissionTester(PagePermissionTester):
    """Wagtail's page permissions, except that deleting is the moderators' (those
    who may publish), but for one case: whoever created a page that was never
    published may discard it (a draft the editor's autosave made, a false start).

    Stock Wagtail lets anyone with "change" on a page delete it while it is not
    live: a translator could delete a Spanish page waiting for review, or one
    withdrawn with its English original, and her translated text with it;
    Communications could delete a withdrawn page, or a colleague's draft. Every
    delete path asks this: the delete view, bulk delete, the explorer's buttons
    and the footer of wagtail-localize's editor (its ``canDelete``).
    """

    def can_delete(self, ignore_bulk=False):
        if not super().can_delete(ignore_bulk=ignore_bulk):
            return False
        if self.user.is_superuser or "publish" in self.permissions:
            return True
        return self.page.locale_id == default_locale_id(self.user) and (
            self.is_own_draft_never_published()
        )

    def is_own_draft_never_published(self):
        """Created by this user, never published, not translated, and not in
        someone else's review."""
        page = self.page
        if page.live or page.first_published_at or page.owner_id != self.user.pk:
            return False
        if page.get_translations(inclusive=False).exists():
            return False
        state = page.current_workflow_state
        return state is None or state.requested_by_id == self.user.pk


def default_locale_id(user):
    """The id of the site's own language's locale, read once per user object
    (which lives for one request)."""
    if not hasattr(user, "_default_locale_id"):
        user._default_locale_id = (
            Locale.objects.filter(language_code=settings.LANGUAGE_CODE)
            .values_list("pk", flat=True)
            .first()
        )
    return user._default_locale_id
