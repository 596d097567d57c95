from django.core.management.base import BaseCommand

from home.editorial.roles import setup_roles


class Command(BaseCommand):
    help = (
        "Creates or updates the Communications, Translators and Moderators groups, "
        "their permissions and the review workflow. Safe to run again."
    )

    def handle(self, *args, **options):
        groups, workflow = setup_roles()
        names = ", ".join(groups)
        self.stdout.write(self.style.SUCCESS(f"Roles: {names}; workflow: {workflow}"))
