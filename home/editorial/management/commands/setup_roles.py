from django.core.management.base import BaseCommand, CommandError

from home.editorial.roles import SiteNotReady, setup_roles


class Command(BaseCommand):
    help = (
        "Creates or updates the Communications, Translators and Moderators groups, "
        "their permissions and the review workflow. Safe to run again. Needs the "
        "site's content: on a new install run setup_site, which loads it first."
    )

    def handle(self, *args, **options):
        try:
            groups, workflow = setup_roles()
        except SiteNotReady as error:
            raise CommandError(str(error)) from error
        names = ", ".join(groups)
        self.stdout.write(self.style.SUCCESS(f"Roles: {names}; workflow: {workflow}"))
