"""What approving through the review workflow does (WAGTAIL_FINISH_WORKFLOW_ACTION).

Imported by Wagtail while its models load: this module imports nothing.
"""


def publish_reviewed_revision(workflow_state, user=None):
    """WAGTAIL_FINISH_WORKFLOW_ACTION: approving publishes the revision the
    moderator reviewed and previewed (the task's), not whatever revision came
    last: a sync or a draft saved during the review stays a draft."""
    task_state = workflow_state.current_task_state
    revision = task_state.revision if task_state is not None else None
    if revision is None:
        revision = workflow_state.content_object.get_latest_revision()
    revision.publish(user=user)
