"""Demo accounts for each role, for trying the site on a local install."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from home.sign_in.second_factor import (
    issue_recovery_codes,
    needs_two_factor,
    unused_recovery_codes,
)

from .roles import COMMUNICATIONS, MODERATORS, TRANSLATORS, prefers_spanish_admin

# Fewer unused recovery codes than this, and a demo account gets a fresh set.
LOW_ON_CODES = 3

DEMO_USERS = [
    # username, password, group, superuser
    ("admin", "bpnc-admin-demo", None, True),
    ("comms", "bpnc-comms-demo", COMMUNICATIONS, False),
    ("traductora", "bpnc-traduce-demo", TRANSLATORS, False),
    ("moderator", "bpnc-moderate-demo", MODERATORS, False),
]


def create_demo_users():
    """Demo accounts for each role: local installs only. Those who sign in with
    a second factor get one-time recovery codes to do it with."""
    if not getattr(settings, "LOCAL_INSTALL", False):
        raise RuntimeError(
            "Demo users are for local installs only; these settings are not local."
        )
    User = get_user_model()
    made = []
    for username, password, group_name, is_superuser in DEMO_USERS:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={"email": f"{username}@localhost", "is_staff": is_superuser},
        )
        if created:
            user.set_password(password)
            user.is_superuser = is_superuser
            user.save()
        if group_name:
            user.groups.add(Group.objects.get(name=group_name))
        if group_name == TRANSLATORS:
            prefers_spanish_admin(user)
        user = User.objects.get(pk=user.pk)  # with its new groups' permissions
        codes = []
        if needs_two_factor(user):
            codes = unused_recovery_codes(user)
            if len(codes) < LOW_ON_CODES:
                codes = issue_recovery_codes(user)
        made.append((username, password, group_name or "superuser", created, codes))
    return made
