"""`check --deploy` warns when the Site record, which makes every absolute link,
gives an address the settings do not serve."""

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Site

from bpnc_site.settings.checks import site_address

pytestmark = pytest.mark.django_db


@pytest.fixture
def public_site(home, settings):
    settings.ALLOWED_HOSTS = ["bpnc.example.org"]
    settings.WAGTAILADMIN_BASE_URL = "https://bpnc.example.org"
    Site.objects.filter(is_default_site=True).update(
        hostname="bpnc.example.org", port=443
    )


def deploy_check_output():
    out = StringIO()
    call_command("check", "--deploy", stdout=out, stderr=out)
    return out.getvalue()


def test_a_site_addressed_as_configured_raises_no_warning(public_site):
    assert site_address() == []
    assert "bpnc.W00" not in deploy_check_output()


def test_deploy_check_warns_when_the_sites_host_is_not_allowed(public_site):
    Site.objects.filter(is_default_site=True).update(hostname="localhost", port=80)

    output = deploy_check_output()

    assert "(bpnc.W001) The default site's host name, localhost, is not in" in output
    assert "Settings → Sites" in output


def test_deploy_check_warns_when_two_addresses_disagree(public_site, settings):
    settings.ALLOWED_HOSTS = ["bpnc.example.org", "www.bpnc.example.org"]
    settings.WAGTAILADMIN_BASE_URL = "https://www.bpnc.example.org"

    (warning,) = site_address()

    assert warning.id == "bpnc.W002"
    assert "https://bpnc.example.org" in warning.msg
    assert "https://www.bpnc.example.org" in warning.msg
