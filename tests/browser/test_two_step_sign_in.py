"""A signed-in moderator sets up, then replaces, the authenticator app from the
account page: each time the password and a current factor are asked again, and
the old path that once let a session replace it silently leads back there."""

import base64
import re

import pytest
from django_otp.oath import totp

from tests.support.axe import blocking_violations, describe
from tests.support.screenshots import take_screenshot
from tests.support.site import run_command

MODERATOR = ("moderator", "bpnc-moderate-demo")


def app_code(page):
    secret = page.locator(".two-factor-qr + code").inner_text()
    return f"{totp(base64.b32decode(secret)):06d}"


def confirm_identity(page, code):
    page.fill("input[name=password]", MODERATOR[1])
    page.fill("input[name=code]", code)
    page.click("form.two-step-form button[type=submit]")


@pytest.fixture
def moderator_page(browser, site_url, site_env):
    codes = run_command(site_env, "recovery_codes", MODERATOR[0]).split()
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.goto(f"{site_url}/admin/login/", wait_until="load")
    page.fill("input[name=username]", MODERATOR[0])
    page.fill("input[name=password]", MODERATOR[1])
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/two-factor/"))
    page.fill("input[name=code]", codes.pop(0))
    page.click("form.two-step-form button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))
    yield page, codes
    context.close()


def test_a_moderator_sets_up_then_replaces_the_authenticator_app(
    moderator_page, site_url
):
    page, codes = moderator_page
    page.get_by_role("link", name="Manage two-step sign-in in your account").click()
    page.wait_for_url(re.compile(r"/admin/account/"))

    page.get_by_role("link", name="Set up an authenticator app").click()
    violations = blocking_violations(page)
    assert not violations, "\n".join(map(describe, violations))
    confirm_identity(page, codes.pop(0))
    page.wait_for_url(re.compile(r"/admin/account/two-step/new-app/"))
    page.fill("input[name=code]", app_code(page))
    page.click("form.two-step-form button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/account/$"))
    assert "An authenticator app was set up" in page.inner_text("body")

    # The old address of the first set-up no longer offers a new secret.
    page.goto(f"{site_url}/admin/two-factor/setup/")
    page.wait_for_url(re.compile(r"/admin/account/$"))
    assert page.locator(".two-factor-qr").count() == 0

    page.get_by_role("link", name="Replace the authenticator app").click()
    confirm_identity(page, codes.pop(0))
    page.wait_for_url(re.compile(r"/admin/account/two-step/new-app/"))
    page.fill("input[name=code]", app_code(page))
    page.click("form.two-step-form button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/account/$"))
    assert "only the new one gives codes now" in page.inner_text("body")
    panel = page.locator("section.w-panel", has=page.locator(".two-step")).last
    take_screenshot(panel, "two-step-account")

    page.goto(f"{site_url}/admin/")
    dashboard = page.inner_text("body")
    assert "Your authenticator app was replaced" in dashboard
    assert "An authenticator app was set up for your account" in dashboard
