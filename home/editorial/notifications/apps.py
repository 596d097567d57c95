from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "home.editorial.notifications"
    label = "editorial_notifications"
    verbose_name = "Editorial notifications"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import on_publish, workflow

        workflow.replace_wagtails_email_notifiers()
        on_publish.connect_receivers()
