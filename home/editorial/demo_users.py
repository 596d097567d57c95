"""Demo accounts for each role, for trying the site on a local install."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from .roles import COMMUNICATIONS, MODERATORS, TRANSLATORS, prefers_spanish_admin

DEMO_USERS = [
    # username, password, group, superuser
    ("admin", "bpnc-admin-demo", None, True),
    ("comms", "bpnc-comms-demo", COMMUNICATIONS, False),
    ("traductora", "bpnc-traduce-demo", TRANSLATORS, False),
    ("moderator", "bpnc-moderate-demo", MODERATORS, False),
]


def create_demo_users():
    """Demo accounts for each role: local installs only."""
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
        made.append((username, password, group_name or "superuser", created))
    return made
