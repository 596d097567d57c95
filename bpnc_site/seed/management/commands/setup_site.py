from django.core.management.base import BaseCommand

from bpnc_site.seed.install import setup_site


class Command(BaseCommand):
    help = (
        "Installs the site or brings it up to date after a release: migrates, "
        "loads the first content into an empty site (never touching content that "
        "is there), then sets up the roles and the review workflow; on a local "
        "install also the site's address and the demo users. Safe to run again."
    )

    def handle(self, *args, **options):
        setup_site(self.stdout, verbosity=options["verbosity"])
