"""Public pages carry a strict Content-Security-Policy and a Permissions-Policy;
the Wagtail admin, which needs inline scripts, keeps working without the CSP."""

import json
import re
from unittest import mock

import pytest
from django.urls import reverse

from campaigns.models import CampaignPage

pytestmark = pytest.mark.django_db


def directives(response):
    policy = response["Content-Security-Policy"]
    return {
        name: values for name, *values in (part.split() for part in policy.split(";"))
    }


def test_public_pages_run_only_the_sites_own_scripts(client, seeded_site):
    for url in ["/en/", "/es/", CampaignPage.objects.live().first().url]:
        response = client.get(url)
        policy = directives(response)

        assert response.status_code == 200
        assert policy["script-src"] == ["'self'"], url
        assert "'unsafe-inline'" not in response["Content-Security-Policy"]
        assert policy["object-src"] == ["'none'"]


def test_public_pages_have_no_inline_script_or_handlers(client, seeded_site):
    html = client.get("/en/").content.decode()

    scripts = re.findall(r"<script\b([^>]*)>", html)
    assert all('type="application/ld+json"' in attrs for attrs in scripts)
    assert not re.search(r"<[^>]+\son[a-z]+=", html)
    assert not re.search(r"<[^>]+\sstyle=", html)


def test_pages_served_from_the_page_cache_keep_their_headers(client, seeded_site):
    client.get("/en/")
    response = client.get("/en/")

    assert "Content-Security-Policy" in response
    assert "Permissions-Policy" in response


def test_video_embeds_may_be_framed(client, seeded_site):
    policy = directives(client.get("/en/"))

    assert "https://www.youtube.com" in policy["frame-src"]
    assert "https://player.vimeo.com" in policy["frame-src"]


def test_permissions_policy_refuses_camera_microphone_location_payment(client, home):
    header = client.get("/en/")["Permissions-Policy"]

    for feature in ["camera", "microphone", "geolocation", "payment"]:
        assert f"{feature}=()" in header


def test_admin_sign_in_page_works_without_the_csp(client, home):
    response = client.get(reverse("wagtailadmin_login"))

    assert response.status_code == 200
    assert "Content-Security-Policy" not in response


def test_admin_and_page_preview_work_for_staff(client, seeded_site, admin_user):
    client.force_login(admin_user)
    page = CampaignPage.objects.live().first()

    edit = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    preview = client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk]))

    assert edit.status_code == 200
    assert "Content-Security-Policy" not in edit
    # Wagtail renders a preview under the page's own path: it gets the page's policy.
    assert preview.status_code == 200
    assert "'unsafe-inline'" not in preview["Content-Security-Policy"]


def test_the_admin_runs_under_a_strict_report_only_policy(client, admin_user):
    client.force_login(admin_user)

    response = client.get(reverse("wagtailadmin_home"))

    policy = response["Content-Security-Policy-Report-Only"]
    assert "script-src 'self'" in policy and "'unsafe-inline'" not in policy
    assert "report-uri /csp-report/" in policy


def test_public_pages_have_no_report_only_policy(client, home):
    assert "Content-Security-Policy-Report-Only" not in client.get("/en/")


def test_csp_reports_are_logged(client, caplog):
    report = {"csp-report": {"violated-directive": "script-src"}}

    response = client.post(
        "/csp-report/", json.dumps(report), content_type="application/csp-report"
    )

    assert response.status_code == 204
    assert "script-src" in caplog.text


def post_report(client, body, **extra):
    return client.post(
        "/csp-report/", body, content_type="application/csp-report", **extra
    )


def test_a_csp_report_larger_than_any_browser_sends_is_refused_unread(client, caplog):
    body = json.dumps({"csp-report": {"blocked-uri": "x" * 20_000}})

    with mock.patch("django.core.handlers.wsgi.LimitedStream.read") as read:
        response = post_report(client, body)

    assert response.status_code == 413
    read.assert_not_called()
    assert "blocked-uri" not in caplog.text


def test_csp_reports_are_limited_per_address(client, settings, caplog):
    settings.CSP_REPORT_RATE_LIMIT = "5/m"
    report = json.dumps({"csp-report": {"violated-directive": "script-src"}})

    answers = [post_report(client, report).status_code for _ in range(8)]
    other = post_report(client, report, REMOTE_ADDR="203.0.113.9")

    assert answers == [204] * 5 + [429] * 3
    assert other.status_code == 204
    assert caplog.text.count("Content-Security-Policy report") == 6


def test_the_log_takes_a_bounded_number_of_csp_reports_of_bounded_size(
    client, settings, caplog
):
    settings.CSP_REPORT_LOG_LIMIT = "3/h"
    report = json.dumps({"csp-report": {"blocked-uri": "y" * 12_000}})

    answers = [
        post_report(client, report, REMOTE_ADDR=f"203.0.113.{n}").status_code
        for n in range(1, 7)
    ]

    assert answers == [204] * 6
    logged = [r for r in caplog.records if "Content-Security-Policy" in r.message]
    assert len(logged) == 3
    assert all(len(record.getMessage()) < 2100 for record in logged)
