from django.apps import AppConfig


class CampaignsConfig(AppConfig):
    name = "campaigns"
    verbose_name = "Campaigns"

    def ready(self):
        from wagtail.signals import page_published

        from .meetings.changes import tell_attendees
        from .meetings.models import MeetingPage
        from .models import CampaignPage
        from .signups import emails
        from .updates.status import on_publish

        page_published.connect(
            tell_attendees, sender=MeetingPage, dispatch_uid="meeting_changes"
        )
        page_published.connect(on_publish, sender=CampaignPage)
        emails.connect()
