from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home and site chrome"

    def ready(self):
        from . import rich_text_links
        from .share_cards import publishing

        publishing.connect()
        rich_text_links.connect()
