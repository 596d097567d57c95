from django.apps import AppConfig


class BpncSiteConfig(AppConfig):
    name = "bpnc_site"
    verbose_name = "Brighton Park Neighborhood Council site"

    def ready(self):
        from . import signals  # noqa: F401  (connects the receivers)
        from .cache_signals import connect_object_receivers

        connect_object_receivers()
