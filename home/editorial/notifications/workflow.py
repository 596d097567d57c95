"""Wagtail's workflow emails, sent through the outbox with a dashboard notice.

Wagtail connects its notifiers (wagtail.admin.signal_handlers) to the workflow
signals and sends by SMTP during the request. Here the same notifier classes
choose the recipients, and ``send_notifications`` (their documented extension
point) hands them to ``tell``. Wagtail's receivers are disconnected by their
dispatch_uid (overrides registry: wagtail-workflow-notifiers).

Its group-task notifier listens for ``sender=TaskState``, while the moderators'
review sends as ReviewTaskState: moderators who were not superusers were never
told. Wagtail's workflow-submitted notifier emails superusers, who the task
notifier includes already; dropping it tells each moderator once.
"""

from wagtail.admin.mail import (
    GroupApprovalTaskStateSubmissionEmailNotifier,
    WorkflowStateApprovalEmailNotifier,
    WorkflowStateRejectionEmailNotifier,
)
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import (
    task_submitted,
    workflow_approved,
    workflow_rejected,
    workflow_submitted,
)

from .sending import tell

WAGTAILS_RECEIVERS = [
    (task_submitted, TaskState, "group_approval_task_submitted_email_notification"),
    (workflow_submitted, WorkflowState, "workflow_state_submitted_email_notification"),
    (workflow_rejected, WorkflowState, "workflow_state_rejected_email_notification"),
    (workflow_approved, WorkflowState, "workflow_state_approved_email_notification"),
]


class ThroughOutbox:
    def get_valid_recipients(self, instance, **kwargs):
        # Everyone gets the dashboard notice; tell() checks the email switch.
        return {
            user
            for user in self.get_recipient_users(instance, **kwargs)
            if user and user.is_active
        }

    def send_notifications(self, template_set, context, recipients, **kwargs):
        tell(
            recipients,
            self.notification,
            context["object"],
            by=kwargs.get("user"),
            comment=context.get("comment") or "",
        )
        return True


class ReviewSubmitted(ThroughOutbox, GroupApprovalTaskStateSubmissionEmailNotifier):
    pass


class Approved(ThroughOutbox, WorkflowStateApprovalEmailNotifier):
    pass


class ChangesRequested(ThroughOutbox, WorkflowStateRejectionEmailNotifier):
    pass


review_submitted = ReviewSubmitted()
approved = Approved()
changes_requested = ChangesRequested()


def replace_wagtails_email_notifiers():
    """Runs after wagtail.admin's ready() (this app comes after it in
    INSTALLED_APPS), which connects Wagtail's receivers."""
    for signal, sender, dispatch_uid in WAGTAILS_RECEIVERS:
        signal.disconnect(sender=sender, dispatch_uid=dispatch_uid)
    # Any TaskState subclass: can_handle() keeps to group approval tasks.
    task_submitted.connect(review_submitted, dispatch_uid="editorial_review_submitted")
    workflow_approved.connect(
        approved, sender=WorkflowState, dispatch_uid="editorial_approved"
    )
    workflow_rejected.connect(
        changes_requested, sender=WorkflowState, dispatch_uid="editorial_rejected"
    )


def wagtails_receivers_connected():
    """Which of Wagtail's own receivers are connected (for the overrides test)."""
    return [
        dispatch_uid
        for signal, sender, dispatch_uid in WAGTAILS_RECEIVERS
        if any(entry[0][0] == dispatch_uid for entry in signal.receivers)
    ]
