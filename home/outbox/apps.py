from django.apps import AppConfig


class OutboxConfig(AppConfig):
    """Emails written in the same transaction as the action that causes them,
    sent after it commits and retried until they go."""

    name = "home.outbox"
    label = "outbox"
    verbose_name = "Outbox"
    default_auto_field = "django.db.models.BigAutoField"
