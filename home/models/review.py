"""The moderators' review: a group approval that knows how much of a translation
was still in English when it was submitted.

Approving publishes the revision under review (home.editorial.review
.publish_reviewed_revision), and a translation submitted with untranslated
strings would show them in English on the Spanish site. So for such a revision
the plain "Approve" is not offered, and refused when posted: the moderator
requests changes, or chooses "Approve with English in places", which says how
many strings. The public page then carries the notice that parts of it are in
English.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.models import GroupApprovalTask, TaskState

APPROVE = "approve"
APPROVE_WITH_ENGLISH = "approve_with_english"


class ReviewTaskState(TaskState):
    """A revision under review, with its translation's progress when the
    revision was submitted (0 of 0 for what is not a translation)."""

    segments = models.PositiveIntegerField(default=0)
    untranslated = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("review of a revision")
        verbose_name_plural = _("reviews of revisions")

    def record_progress(self, obj):
        from home.editorial.status import submitted_progress

        self.segments, translated = submitted_progress(obj)
        self.untranslated = self.segments - translated

    @property
    def percent_translated(self):
        if not self.segments:
            return 100
        # Rounded down: one string left out of 200 is not "100 %".
        return 100 * (self.segments - self.untranslated) // self.segments


class ReviewTask(GroupApprovalTask):
    task_state_class = ReviewTaskState

    class Meta:
        verbose_name = _("moderators' review")
        verbose_name_plural = _("moderators' reviews")

    def start(self, workflow_state, user=None):
        task_state = super().start(workflow_state, user=user)
        task_state.record_progress(workflow_state.content_object)
        task_state.save(update_fields=["segments", "untranslated"])
        return task_state

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        untranslated = untranslated_under_review(obj)
        if not actions or not untranslated:
            return actions
        return [
            *(action for action in actions if action[0] != APPROVE),
            (
                APPROVE_WITH_ENGLISH,
                ngettext(
                    "Approve with %(count)s segment in English",
                    "Approve with %(count)s segments in English",
                    untranslated,
                )
                % {"count": untranslated},
                True,
            ),
        ]

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == APPROVE_WITH_ENGLISH:
            action_name = APPROVE
        elif action_name == APPROVE and task_state.specific.untranslated:
            # Only reachable by a hand-made request: get_actions() does not offer it.
            return
        return super().on_action(task_state, user, action_name, **kwargs)


def untranslated_under_review(obj):
    """How many strings of the revision under review were left in English: one
    query, asked for every row of the moderators' dashboard."""
    return (
        ReviewTaskState.objects.filter(
            status=TaskState.STATUS_IN_PROGRESS,
            revision__base_content_type=obj.get_base_content_type(),
            revision__object_id=str(obj.pk),
        )
        .values_list("untranslated", flat=True)
        .first()
        or 0
    )
