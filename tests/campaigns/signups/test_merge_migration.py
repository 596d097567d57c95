"""Sign-ups stored before one person had one row per campaign are merged by the
migration that makes it so: the first sign-up's date, the latest details, the count."""

from datetime import UTC, datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from campaigns.models import Signup
from tests.support.factories import CampaignPageFactory

# Migrations change the schema, which a test's transaction cannot roll back.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BEFORE = [("campaigns", "0003_image_descriptions")]
MERGED = [("campaigns", "0006_one_signup_per_person")]


def migrate(targets):
    """The models as they were at targets, once the database is there."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def day(number):
    return datetime(2026, 11, number, 12, tzinfo=UTC)


def test_repeated_sign_ups_are_merged_into_one_row_per_person(tree):
    campaign = tree["campaign"]
    other = CampaignPageFactory(parent=tree["campaigns"], title="Free the Funds")
    old = migrate(BEFORE)
    try:
        OldSignup = old.get_model("campaigns", "Signup")
        rows = [
            (campaign.pk, "Ana", "ana@example.org", "es", day(1)),
            (campaign.pk, "Ana Pérez", " ANA@example.org", "en", day(3)),
            (campaign.pk, "Ana P.", "Ana@Example.org", "es", day(2)),
            (campaign.pk, "Bo", "bo@example.org", "en", day(4)),
            (other.pk, "Ana", "ana@example.org", "es", day(5)),
        ]
        for campaign_id, name, email, language, created_at in rows:
            signup = OldSignup.objects.create(
                campaign_id=campaign_id,
                name=name,
                email=email,
                language=language,
                signed_up_in=language,
                consent=True,
            )
            # auto_now_add set it to now; these are older.
            OldSignup.objects.filter(pk=signup.pk).update(created_at=created_at)
    finally:
        migrate(MERGED)  # the merge runs
        migrate(latest())  # and the later migrations, as an install would

    merged = {s.email_key: s for s in Signup.objects.filter(campaign=campaign)}

    assert sorted(merged) == ["ana@example.org", "bo@example.org"]
    ana = merged["ana@example.org"]
    assert (ana.name, ana.email, ana.language) == (
        "Ana Pérez",
        " ANA@example.org",
        "en",
    )
    assert (ana.created_at, ana.last_signed_up_at) == (day(1), day(3))
    assert ana.times_signed_up == 3
    bo = merged["bo@example.org"]
    assert (bo.times_signed_up, bo.created_at, bo.last_signed_up_at) == (
        1,
        day(4),
        day(4),
    )
    # Another campaign's list keeps its own row for her.
    assert Signup.objects.get(campaign=other).times_signed_up == 1
