"""Staff see sign-ups per week per campaign and language as a server-drawn SVG,
on the dashboard and the sign-up list, with the numbers behind it in a table."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from campaigns.signups.chart import signup_charts
from tests.support.factories import SignupFactory

pytestmark = pytest.mark.django_db


def signed_up(campaign, language, days_ago, count=1):
    for _ in range(count):
        signup = SignupFactory(campaign=campaign, language=language)
        signup.created_at = timezone.now() - timedelta(days=days_ago)
        signup.save(update_fields=["created_at"])


@pytest.fixture
def signups(campaign):
    signed_up(campaign, "es", 0, 3)
    signed_up(campaign, "en", 0, 1)
    signed_up(campaign, "es", 14, 2)
    signed_up(campaign, "en", 200)  # older than the chart
    return campaign


def test_counts_per_week_and_language(signups):
    (chart,) = signup_charts()
    assert chart.title == signups.title
    assert chart.total == 6
    rows = dict(chart.rows)
    this_week = chart.weeks[-1]
    assert rows[this_week] == [1, 3]  # English, Spanish
    assert rows[this_week - timedelta(weeks=2)] == [0, 2]
    assert sum(sum(counts) for counts in rows.values()) == 6


def test_dashboard_draws_the_chart_with_its_numbers(admin_client, signups):
    html = admin_client.get("/admin/").content.decode()
    assert 'id="signup-chart-section"' in html
    svg = re.search(r'<svg viewBox="0 0 600 140".*?</svg>', html, re.S)[0]
    assert 'role="img"' in svg and svg.count("<rect") == 24  # 12 weeks × 2
    table = html[html.index("<table", html.index('id="signup-chart-section"')) :]
    assert "<td>1</td><td>3</td>" in table
    for signup in signups.signups.all():
        assert (
            signup.email
            not in html.split('id="signup-chart-section"')[1].split("</table>")[0]
        )


def test_sign_up_list_shows_the_chart(admin_client, signups):
    html = admin_client.get("/admin/campaigns/signup/").content.decode()
    assert "signup-chart-list" in html and "<td>0</td><td>2</td>" in html


def test_no_chart_for_staff_who_may_not_see_sign_ups(
    client, django_user_model, signups
):
    user = django_user_model.objects.create_user("writer", "w@example.org", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert 'id="signup-chart-section"' not in client.get("/admin/").content.decode()


def test_reads_well_without_sign_ups(admin_client, seeded_site):
    html = admin_client.get("/admin/").content.decode()
    assert "No sign-ups in the last 12 weeks." in html
