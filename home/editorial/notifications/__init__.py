"""Telling people when work waits for them: by email (through the outbox, in the
reader's admin language) and by a notice on their admin dashboard.

- Translators: a page or snippet's Spanish is out of date (its English was
  published again), or a moderator asked for changes to what they submitted.
- Moderators: something was submitted for review.
- Whoever submitted: it was approved (and so published).

Wagtail's own workflow emails are replaced by the same notifiers queued through
the outbox (workflow.py); each kind can be turned off in the account settings.
"""
