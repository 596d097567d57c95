from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from home.sign_in.second_factor import issue_recovery_codes


class Command(BaseCommand):
    help = (
        "Prints ten new one-time recovery codes for a staff account's second "
        "factor, replacing any it had. Give them to the person, privately."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No account is called {username!r}.")
        for code in issue_recovery_codes(user):
            self.stdout.write(code)
