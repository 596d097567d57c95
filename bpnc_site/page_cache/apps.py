from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    name = "bpnc_site.page_cache"
    label = "page_cache"
    verbose_name = "Page cache"

    def ready(self):
        from .signals import connect_object_receivers

        connect_object_receivers()
