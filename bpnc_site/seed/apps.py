from django.apps import AppConfig


class SeedConfig(AppConfig):
    name = "bpnc_site.seed"
    label = "seed"
    verbose_name = "Seed content"
