"""setup_roles before the content exists says so and gives nothing away: the
language home pages the roles work on are made by the content loader."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import GroupPagePermission, WorkflowPage

from home.models import HomePage

pytestmark = pytest.mark.django_db

MESSAGE = "The site has no home page in English or Spanish yet"


def test_setting_up_roles_before_the_content_fails_with_what_to_run():
    assert not HomePage.objects.exists()  # as `migrate` leaves it
    permissions = GroupPagePermission.objects.count()
    workflows = WorkflowPage.objects.count()

    with pytest.raises(CommandError, match=MESSAGE) as error:
        call_command("setup_roles")

    assert "manage.py setup_site" in str(error.value)
    assert not Group.objects.filter(name="Communications").exists()
    assert GroupPagePermission.objects.count() == permissions
    assert WorkflowPage.objects.count() == workflows


def test_a_home_page_in_one_language_is_not_enough(home):
    with pytest.raises(CommandError, match="no home page in Spanish yet"):
        call_command("setup_roles")
