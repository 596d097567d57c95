from django.core.management.base import BaseCommand

from campaigns.signups.erasure import Erasure, erase
from campaigns.signups.privacy import signups_of


class Command(BaseCommand):
    help = (
        "Deletes every sign-up made with an email address (any case), for a person "
        "who asks to be forgotten, logged as an erasure (without the address). "
        "Asks first unless --yes is given. Staff do the same under Privacy requests "
        "in the admin."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--yes", action="store_true", help="delete without asking")

    def handle(self, email, yes=False, **options):
        email = email.strip()
        signups = signups_of(email)
        campaigns = sorted({signup.campaign.title for signup in signups})
        if not campaigns:
            self.stdout.write(f"No sign-ups for {email}: nothing to delete.")
            return
        self.stdout.write(
            f"{len(signups)} sign-up(s) for {email}, to: {', '.join(campaigns)}."
        )
        answer = "yes" if yes else input("Delete them for good? [y/N] ")
        if answer.strip().lower() not in {"y", "yes"}:
            self.stdout.write("Nothing deleted.")
            return
        deleted = erase(signups, Erasure.STAFF)
        self.stdout.write(self.style.SUCCESS(f"Deleted {deleted} sign-up(s)."))
