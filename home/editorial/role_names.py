"""The names of the roles and of the review workflow, in the reader's language.

Groups, the workflow and its task are rows, and Wagtail shows their names as
they are stored: the status panel, the dashboard's "Awaiting …", the workflow
history and reports, lock messages, and the log entries that copied the names
when they were written. The names setup_roles gives, and those of Wagtail's
default workflow, are stored in English, the staff's language, and come out of
the database as a RoleName: a str whose content stays the English name (saved,
compared, looked up and serialised as it is) and which reads in the active
language wherever it is shown (templates, %-formatting, str()). So a translator
reads "Aprobación del equipo de moderación" where English staff read
"Moderators approve". The Spanish is in the catalogue like any other string.
(Overrides registry: role-names.)
"""

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group
from django.db.models.signals import post_init, pre_save
from django.utils import translation
from django.utils.translation import gettext, gettext_noop
from wagtail.models import BaseLogEntry, Task, Workflow

from .roles import COMMUNICATIONS, MODERATORS, TASK_NAME, TRANSLATORS, WORKFLOW_NAME

# What Wagtail's own migration names the default workflow and its task.
WAGTAIL_DEFAULT_WORKFLOW = gettext_noop("Moderators approval")
ROLE_NAMES = frozenset(
    {
        COMMUNICATIONS,
        TRANSLATORS,
        MODERATORS,
        WORKFLOW_NAME,
        TASK_NAME,
        WAGTAIL_DEFAULT_WORKFLOW,
    }
)
NAMED_MODELS = (Group, Workflow, Task)


class RoleName(str):
    """A stored English name that reads in the active language when shown."""

    def __str__(self):
        return gettext(str.__str__(self))


def shown_translated(name):
    # Never RoleName(a RoleName): str() of it, its translation, would be the content.
    if isinstance(name, RoleName) or name not in ROLE_NAMES:
        return name
    return RoleName(name)


def stored_name(name):
    """The English name again, when a form sends back the name as it showed it."""
    if isinstance(name, RoleName):
        return str.__str__(name)
    for english in ROLE_NAMES:
        for code, _language in settings.LANGUAGES:
            with translation.override(code):
                if name == gettext(english):
                    return english
    return name


def _name_read(sender, instance, **kwargs):
    # Only a name already loaded: a deferred one would cost a query.
    if "name" in instance.__dict__:
        instance.name = shown_translated(instance.name)


def _name_saved(sender, instance, **kwargs):
    instance.name = stored_name(instance.name)


def _log_entry_read(sender, instance, **kwargs):
    """Workflow log entries keep the workflow's and tasks' titles as written."""
    data = instance.__dict__.get("data")
    if isinstance(data, dict) and isinstance(data.get("workflow"), dict):
        _translate_titles(data["workflow"])


def _translate_titles(node):
    if isinstance(node.get("title"), str):
        node["title"] = shown_translated(node["title"])
    for value in node.values():
        if isinstance(value, dict):
            _translate_titles(value)


def connect_role_name_receivers():
    """For every model that holds such a name (each kind of task included)."""
    for model in apps.get_models():
        if issubclass(model, NAMED_MODELS):
            post_init.connect(_name_read, sender=model, weak=False)
            pre_save.connect(_name_saved, sender=model, weak=False)
        elif issubclass(model, BaseLogEntry):
            post_init.connect(_log_entry_read, sender=model, weak=False)
