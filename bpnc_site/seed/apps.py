from django.apps import AppConfig
from django.core import checks


class SeedConfig(AppConfig):
    name = "bpnc_site.seed"
    label = "seed"
    verbose_name = "Seed content"

    def ready(self):
        from bpnc_site.settings.checks import site_address

        checks.register(site_address, checks.Tags.security, deploy=True)
