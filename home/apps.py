from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home and site chrome"

    def ready(self):
        from .share_cards.publishing import connect

        connect()
