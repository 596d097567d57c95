"""The editorial roles, their permissions and the review workflow.

Communications write English pages and snippets and submit them for review;
Translators work on the Spanish tree and Spanish snippets and submit for review;
Moderators approve and publish. One workflow, a moderators' approval task,
covers both language trees and the public snippets.
"""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils.translation import gettext_noop
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Site,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
    WorkflowTask,
)
from wagtail.users.models import UserProfile

from home.models import ReviewTask, public_snippet_models

# Stored in English; shown in the reader's language (role_names.py).
COMMUNICATIONS = gettext_noop("Communications")
TRANSLATORS = gettext_noop("Translators")
MODERATORS = gettext_noop("Moderators")
WORKFLOW_NAME = gettext_noop("Review before publishing")
TASK_NAME = gettext_noop("Moderators approve")

# (group, language code of the tree, page permission codenames)
PAGE_PERMISSIONS = [
    (COMMUNICATIONS, "en", ["add_page", "change_page"]),
    (TRANSLATORS, "es", ["add_page", "change_page"]),
    (
        MODERATORS,
        "en",
        ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    ),
    (
        MODERATORS,
        "es",
        ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    ),
]


def model_permissions():
    """{group: [(app label, model, [actions])]}: every public snippet included."""
    snippets = [
        (model._meta.app_label, model._meta.model_name)
        for model in public_snippet_models()
    ]
    return {
        COMMUNICATIONS: [
            ("wagtailadmin", "admin", ["access_admin"]),
            # New snippets start as drafts; deleting a live one, like changing
            # the settings every page shows, is for moderators.
            *[(*snippet, ["add", "change"]) for snippet in snippets],
            ("campaigns", "signup", ["view"]),
            # Consent wording is added in versions, never changed; erasures are
            # the log of privacy requests answered.
            ("campaigns", "consenttext", ["add", "view"]),
            ("campaigns", "erasure", ["view"]),
            ("wagtail_localize", "translation", ["submit"]),
            ("home", "glossaryterm", ["view"]),
        ],
        # Translators change the Spanish versions only; creating snippets (which
        # starts in English) and starting translations is for staff.
        TRANSLATORS: [
            ("wagtailadmin", "admin", ["access_admin"]),
            *[(*snippet, ["change"]) for snippet in snippets],
            ("home", "glossaryterm", ["view"]),
        ],
        MODERATORS: [
            ("wagtailadmin", "admin", ["access_admin"]),
            *[
                (*snippet, ["add", "change", "delete", "publish"])
                for snippet in snippets
            ],
            ("home", "organisationsettings", ["change"]),
            ("wagtail_localize", "translation", ["submit"]),
            # The glossary of chosen Spanish terms is theirs to keep.
            ("home", "glossaryterm", ["add", "change", "delete"]),
        ],
    }


MANAGE_MEDIA = [
    "add_image",
    "change_image",
    "choose_image",
    "add_document",
    "change_document",
    "choose_document",
]
COLLECTION_PERMISSIONS = {
    COMMUNICATIONS: MANAGE_MEDIA,
    TRANSLATORS: ["choose_image", "choose_document"],
    MODERATORS: MANAGE_MEDIA,
}


def _permission(app_label, model, codename):
    if model == "admin":
        return Permission.objects.get(
            content_type__app_label=app_label, codename=codename
        )
    content_type = ContentType.objects.get(app_label=app_label, model=model)
    return Permission.objects.get(
        content_type=content_type, codename=f"{codename}_{model}"
    )


class SiteNotReady(RuntimeError):
    """The pages the roles work on do not exist yet."""


def language_homes():
    """{language code: home page} for every translation of the default site's root."""
    site = Site.objects.get(is_default_site=True)
    homes = Page.objects.filter(translation_key=site.root_page.translation_key)
    locales = dict(Locale.objects.values_list("pk", "language_code"))
    return {locales[home.locale_id]: home for home in homes}


def ready_language_homes():
    """The site's home in every content language, or SiteNotReady.

    Right after `migrate` the default site's root is Wagtail's welcome page,
    which the content loader replaces: permissions and the workflow given to it
    would go with it, leaving Communications and Translators no page to work on.
    """
    site = Site.objects.filter(is_default_site=True).first()
    placeholder = site is None or site.root_page.specific_class in (None, Page)
    homes = {} if placeholder else language_homes()
    missing = [
        str(name)
        for code, name in settings.WAGTAIL_CONTENT_LANGUAGES
        if code not in homes
    ]
    if missing:
        raise SiteNotReady(
            f"The site has no home page in {' or '.join(missing)} yet, so the roles "
            "would have no pages to work on. Run `manage.py setup_site` (it loads "
            "the content, then sets up the roles), or `load_site_content` first."
        )
    return homes


@transaction.atomic
def setup_roles():
    """Create or bring up to date the groups, their permissions and the workflow.

    Raises SiteNotReady, changing nothing, before the content is loaded.
    """
    homes = ready_language_homes()
    permissions = model_permissions()
    groups = {name: Group.objects.get_or_create(name=name)[0] for name in permissions}
    for name, entries in permissions.items():
        groups[name].permissions.set(
            [
                _permission(app_label, model, codename)
                for app_label, model, codenames in entries
                for codename in codenames
            ]
        )
    for name, language, codenames in PAGE_PERMISSIONS:
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=groups[name],
                page=homes[language],
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=codename
                ),
            )
    root_collection = Collection.get_first_root_node()
    for name, codenames in COLLECTION_PERMISSIONS.items():
        for codename in codenames:
            GroupCollectionPermission.objects.get_or_create(
                group=groups[name],
                collection=root_collection,
                permission=Permission.objects.get(codename=codename),
            )
    workflow = _review_workflow(groups[MODERATORS])
    for home in homes.values():
        WorkflowPage.objects.update_or_create(
            page=home, defaults={"workflow": workflow}
        )
    for model in public_snippet_models():
        WorkflowContentType.objects.update_or_create(
            content_type=ContentType.objects.get_for_model(model),
            defaults={"workflow": workflow},
        )
    return groups, workflow


def _review_workflow(moderators):
    """The workflow with its one task, the moderators' review (home.models.review).

    An install set up before the review knew translations has a plain group
    approval task of the same name: it leaves the workflow (reviews already
    running on it finish on it) and the review takes its place.
    """
    task = ReviewTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = ReviewTask.objects.create(name=TASK_NAME)
    task.groups.add(moderators)
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    workflow.workflow_tasks.exclude(task=task).delete()
    if not workflow.workflow_tasks.filter(task=task).exists():
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


def prefers_spanish_admin(user):
    """Translators see the admin in Spanish unless they chose otherwise."""
    profile = UserProfile.get_for_user(user)
    if not profile.preferred_language:
        profile.preferred_language = "es"
        profile.save(update_fields=["preferred_language"])
