"""The base of every snippet the public sees, and the one list of them.

Roles, the translation report and page-cache purging all need every public
snippet model; they read ``public_snippet_models()``, so a new snippet type built
on ``PublicSnippet`` is covered everywhere without being listed anywhere.
"""

from django.apps import apps
from django.contrib.contenttypes.fields import GenericRelation
from wagtail.models import (
    DraftStateMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index

from .review_dates import ReviewDates


class PublicSnippet(
    ReviewDates,
    WorkflowMixin,
    DraftStateMixin,
    RevisionMixin,
    index.Indexed,
    TranslatableMixin,
):
    """What every public snippet shares: drafts, review, history, two languages
    and a review-by date."""

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="%(class)s")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="%(class)s",
        for_concrete_model=False,
    )

    class Meta(TranslatableMixin.Meta):
        abstract = True


def public_snippet_models():
    """Every concrete snippet model built on PublicSnippet, in app order."""
    return [model for model in apps.get_models() if issubclass(model, PublicSnippet)]
