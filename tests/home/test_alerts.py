"""Alerts go through the same review as every public snippet, reach each language
only once approved in it, and are shown from their start to their end."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import formats, timezone, translation
from wagtail.models import Locale, PageViewRestriction, WorkflowState
from wagtail.permissions import policy_registry
from wagtail.users.models import UserProfile

from home.models import Alert
from tests.support.alerts import MENSAJE, MESSAGE, publish_alert, publish_in_spanish
from tests.support.seed import seed_page, seed_path
from tests.support.text import visible_text
from tests.support.translations import spanish, spanish_translation, translate_string

pytestmark = pytest.mark.django_db

ADD = reverse("wagtailsnippets_home_alert:add") + "?locale=en"
LIST = reverse("wagtailsnippets_home_alert:list")


def form_time(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


def alert_form(starts_at, ends_at, **fields):
    return {
        "message": MESSAGE,
        "level": "urgent",
        "starts_at": form_time(starts_at),
        "ends_at": form_time(ends_at),
        "link_page": "",
        "link_url": "",
        "link_text": "",
        **fields,
    }


def edit_url(alert):
    return reverse("wagtailsnippets_home_alert:edit", args=[alert.pk])


def approve(client, alert):
    state = alert.current_workflow_state
    return client.post(
        reverse(
            "wagtailsnippets_home_alert:workflow_action",
            args=[alert.pk, "approve", state.current_task_state.pk],
        ),
        follow=True,
    )


def test_an_alert_is_written_submitted_approved_then_translated_before_spanish_readers_see_it(  # noqa: E501
    client, comms, moderator, translator, django_capture_on_commit_callbacks
):
    now = timezone.now()
    campaign = seed_path("campaigns")
    client.force_login(comms)
    with django_capture_on_commit_callbacks(execute=True):
        created = client.post(
            ADD,
            {
                **alert_form(
                    now - timedelta(minutes=5),
                    now + timedelta(hours=2),
                    link_url="https://example.org/hearing",
                    link_text="Read the new date",
                ),
                "action-submit": "Submit",
            },
            follow=True,
        )
    alert = Alert.objects.get(message=MESSAGE)

    assert created.status_code == 200
    assert not alert.live
    assert alert.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    client.logout()
    assert MESSAGE not in client.get(seed_path()).content.decode()

    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        assert approve(client, alert).status_code == 200
    client.logout()
    english = client.get(campaign).content.decode()

    assert 'role="alert"' in english
    assert MESSAGE in english
    assert 'href="https://example.org/hearing">Read the new date</a>' in english
    assert MESSAGE not in client.get(seed_path("campaigns", "es")).content.decode()

    client.force_login(comms)
    listing = visible_text(client.get(LIST).content)
    warning = visible_text(client.get(edit_url(alert)).content)
    assert "Live in Spanish" in listing
    assert "Not shown in Spanish" in warning

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse(
                "wagtail_localize:submit_snippet_translation",
                args=["home", "alert", alert.pk],
            ),
            {"locales": [Locale.objects.get(language_code="es").pk]},
            follow=True,
        )
    translation_obj = spanish_translation(alert)
    translate_string(translation_obj, MESSAGE, MENSAJE)
    translate_string(translation_obj, "Read the new date", "Vea la nueva fecha")
    client.force_login(translator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("submit_translation_for_review", args=[translation_obj.pk]),
            follow=True,
        )
    spanish_alert = spanish(alert)
    assert not spanish_alert.live
    client.logout()
    assert MENSAJE not in client.get(seed_path("campaigns", "es")).content.decode()

    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        assert approve(client, spanish_alert).status_code == 200
    client.logout()
    spanish_page = client.get(seed_path("campaigns", "es")).content.decode()

    assert MENSAJE in spanish_page
    assert "Vea la nueva fecha</a>" in spanish_page
    assert MESSAGE not in spanish_page
    assert ">Urgente</strong>" in spanish_page


def test_an_alert_that_ends_before_it_starts_is_refused_with_a_clear_message(
    client, comms
):
    now = timezone.now()
    client.force_login(comms)

    response = client.post(ADD, alert_form(now, now - timedelta(hours=1)))

    assert response.status_code == 200
    assert "The alert must end after it starts." in visible_text(response.content)
    assert not Alert.objects.exists()


def test_who_may_do_what_with_an_alert(comms, translator, moderator):
    alert = publish_alert()
    spanish_alert = publish_in_spanish(alert)
    policy = policy_registry.get_by_type(Alert)

    assert policy.user_has_permission(comms, "add")
    assert policy.user_has_permission_for_instance(comms, "change", alert)
    assert not policy.user_has_permission(comms, "publish")
    assert not policy.user_has_permission_for_instance(translator, "change", alert)
    assert policy.user_has_permission_for_instance(translator, "change", spanish_alert)
    assert not policy.user_has_permission(translator, "publish")
    assert policy.user_has_permission(moderator, "publish")


def test_a_notice_links_the_page_in_the_readers_language(client, seeded_site):
    campaign = seed_page()
    alert = publish_alert(
        level="notice", link_page=campaign, link_text="Join the campaign"
    )
    publish_in_spanish(alert, link_text="Súmese a la campaña")

    english = client.get("/en/").content.decode()
    spanish_home = client.get("/es/").content.decode()

    assert 'role="status"' in english
    assert f'href="{campaign.url}">Join the campaign</a>' in english
    assert f'href="{spanish(campaign).url}">Súmese a la campaña</a>' in spanish_home
    assert "Aviso" in visible_text(spanish_home.encode())


def test_an_alert_shows_only_between_its_start_and_its_end(
    client, seeded_site, time_machine
):
    alert = publish_alert(starts_in=timedelta(hours=1), lasts=timedelta(hours=1))

    assert MESSAGE not in client.get("/en/?before").content.decode()
    time_machine.move_to(alert.starts_at + timedelta(seconds=1))
    assert MESSAGE in client.get("/en/?during").content.decode()
    time_machine.move_to(alert.ends_at)
    assert MESSAGE not in client.get("/en/?after").content.decode()


def restrict_the_page(campaign):
    PageViewRestriction.objects.create(
        page=campaign, restriction_type=PageViewRestriction.LOGIN
    )


def restrict_its_spanish_translation(campaign):
    PageViewRestriction.objects.create(
        page=spanish(campaign), restriction_type=PageViewRestriction.LOGIN
    )


def restrict_its_index(campaign):
    PageViewRestriction.objects.create(
        page=seed_page("campaigns"),
        restriction_type=PageViewRestriction.PASSWORD,
        password="s3cret",
    )


def withdraw_it(campaign):
    campaign.unpublish()
    spanish(campaign).unpublish()


@pytest.mark.parametrize(
    "hide",
    [
        restrict_the_page,
        restrict_its_spanish_translation,
        restrict_its_index,
        withdraw_it,
    ],
)
def test_an_alert_never_links_a_page_the_visitor_may_not_open(
    client, seeded_site, django_capture_on_commit_callbacks, hide
):
    campaign = seed_page()
    alert = publish_alert(
        level="notice", link_page=campaign, link_text="Join the campaign"
    )
    publish_in_spanish(alert, link_text="Súmese a la campaña")
    english, spanish_campaign = campaign.url, spanish(campaign).url
    about = seed_path("about")
    # Stored in the page cache while the campaign was public, with the link.
    for path, url in [("/en/", english), (about, english), ("/es/", spanish_campaign)]:
        html = client.get(path).content.decode()
        assert f'<a class="site-alert__link" href="{url}">' in html, path

    with django_capture_on_commit_callbacks(execute=True):
        hide(campaign)

    for path in ["/en/", about, "/es/"]:
        html = client.get(path).content.decode()
        assert MESSAGE in html or MENSAJE in html, path
        assert 'class="site-alert__link"' not in html, path
        assert "Join the campaign" not in html, path
        assert "Súmese a la campaña" not in html, path


def test_the_alert_list_gives_real_dates_and_says_yes_or_no_in_words(client, comms):
    alert = publish_alert(starts_in=timedelta(days=3), lasts=timedelta(days=2))
    client.force_login(comms)
    profile = UserProfile.get_for_user(comms)

    english = visible_text(client.get(LIST).content)
    profile.preferred_language = "es"
    profile.save()
    spanish_list = visible_text(client.get(LIST).content)

    for language, listing in (("en", english), ("es", spanish_list)):
        with translation.override(language):
            for moment in (alert.starts_at, alert.ends_at):
                shown = formats.date_format(
                    timezone.localtime(moment), "DATETIME_FORMAT"
                )
                assert shown in listing, (language, shown)
    assert "Just now" not in english and "Justo ahora" not in spanish_list
    assert "Yes" in english and "No" in english
    assert "True" not in english and "False" not in english
    assert "Sí" in spanish_list
