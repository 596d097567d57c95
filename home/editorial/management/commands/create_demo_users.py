from django.core.management.base import BaseCommand, CommandError

from home.editorial.demo_users import create_demo_users


class Command(BaseCommand):
    help = (
        "Creates a demo account for each role. Refuses to run outside local installs."
    )

    def handle(self, *args, **options):
        try:
            users = create_demo_users()
        except RuntimeError as error:
            raise CommandError(str(error)) from error
        for username, password, role, created, codes in users:
            state = "created" if created else "already there"
            self.stdout.write(f"  {username} / {password} ({role}, {state})")
            if codes:
                self.stdout.write(
                    f"    second factor, one-time codes: {' '.join(codes[:5])}"
                )
