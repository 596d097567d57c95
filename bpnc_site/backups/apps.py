from django.apps import AppConfig


class BackupsConfig(AppConfig):
    name = "bpnc_site.backups"
    label = "backups"
    verbose_name = "Backups"
