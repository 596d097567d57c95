"""Told when work waits: walked as the roles walk, through the admin's forms.

Emails are read from the outbox (they are sent after the commit, which a test
never reaches unless it asks); notices from the dashboard."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils.translation import gettext, override
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import nested_form_data, streamfield
from wagtail.users.models import UserProfile

from home.editorial.notifications.models import Kind, Notice
from home.editorial.notifications.workflow import wagtails_receivers_connected
from home.editorial.roles import MODERATORS
from home.outbox.models import OutgoingEmail
from people.models import Person
from tests.support.english import english_words
from tests.support.forms import campaign_form
from tests.support.seed import seed_page
from tests.support.translations import spanish, spanish_translation

pytestmark = pytest.mark.django_db


def emails_to(user):
    return [email for email in OutgoingEmail.objects.all() if user.email in email.to]


def submit_english_change(client, page, title):
    """Communications changes a page in Wagtail's editor and submits it."""
    data = nested_form_data(
        {
            "title": title,
            "slug": page.slug,
            "introduction": page.introduction,
            "body": streamfield([]),
            "action-submit": "submit",
        }
    )
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def workflow_action(client, page, action, **data):
    page.refresh_from_db()
    return client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[page.pk, action, page.current_workflow_task_state.pk],
        ),
        data,
    )


def test_translator_is_told_in_spanish_when_the_english_is_approved_and_published(
    client, comms, translator, moderator
):
    about = seed_page("about")
    client.force_login(comms)
    submit_english_change(client, about, "About us, revised")
    client.force_login(moderator)

    response = workflow_action(client, about, "approve")

    assert response.status_code == 302
    about.refresh_from_db()
    assert about.live and about.title == "About us, revised"
    [email] = emails_to(translator)
    about_es = spanish(about)
    assert email.subject == f"Traducción desactualizada: “{about_es.title}”"
    assert "Hola, trad:" in email.body
    assert "Actualícela aquí: http" in email.body
    assert reverse("wagtailadmin_pages:edit", args=[about_es.pk]) in email.body
    kept = [about_es.title, "comms", "trad"]
    assert english_words(email.subject + " " + email.body, kept) == []
    # And on her dashboard, in Spanish.
    client.force_login(translator)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Le espera" in dashboard
    assert "su traducción está desactualizada" in dashboard
    assert reverse("wagtailadmin_pages:edit", args=[about_es.pk]) in dashboard


def test_each_moderator_is_told_once_and_communications_when_approved(
    client, comms, moderator, django_user_model
):
    boss = django_user_model.objects.create_superuser("boss", "boss@example.org", "pw")
    boss.groups.add(Group.objects.get(name=MODERATORS))
    about = seed_page("about")
    client.force_login(comms)

    submit_english_change(client, about, "About us, revised")

    for person in (moderator, boss):
        [email] = emails_to(person)
        assert email.subject == "Waiting for your review: “About us, revised”"
    assert emails_to(comms) == []
    client.force_login(moderator)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "“About us, revised” was submitted for review." in dashboard

    workflow_action(client, about, "approve")

    [approved] = emails_to(comms)
    assert approved.subject == "Approved and published: “About us, revised”"
    assert "mod approved “About us, revised”; it is published." in approved.body


def test_changes_requested_on_a_spanish_page_tell_the_translator_in_spanish(
    client, campaign, translator, moderator
):
    client.force_login(translator)
    translation = spanish_translation(campaign)
    client.post(reverse("submit_translation_for_review", args=[translation.pk]))
    [to_moderator] = emails_to(moderator)
    assert to_moderator.subject.startswith("Waiting for your review")
    client.force_login(moderator)

    response = workflow_action(
        client, spanish(campaign), "reject", comment="Falta la segunda demanda."
    )

    assert response.status_code in (200, 302)
    state = WorkflowState.objects.filter(object_id=str(spanish(campaign).pk)).latest(
        "created_at"
    )
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    [email] = emails_to(translator)
    title = spanish(campaign).get_admin_display_title()
    assert email.subject == f"Se solicitan cambios: “{title}”"
    assert "mod pidió cambios en" in email.body
    assert "Su comentario: “Falta la segunda demanda.”" in email.body
    assert english_words(email.body, [title, "mod", "trad"]) == []


def test_a_translator_who_turns_the_kind_off_gets_no_email_but_still_the_notice(
    client, campaign, translator, moderator
):
    client.force_login(translator)
    account = client.get(reverse("wagtailadmin_account")).content.decode()
    with override("es"):
        assert gettext("Translation out of date") in account
    form = account_form(client)
    form.update({"name_email-first_name": "Rosa", "name_email-last_name": "Ruiz"})
    form.pop("translation_notifications-out_of_date_notifications")
    saved = client.post(reverse("wagtailadmin_account"), form)
    assert saved.status_code == 302

    campaign.save_revision(user=moderator).publish(user=moderator)

    assert emails_to(translator) == []
    assert Notice.objects.filter(user=translator, kind=Kind.OUT_OF_DATE).count() == 1


def account_form(client):
    """The account settings form as the browser would post it unchanged."""
    html = client.get(reverse("wagtailadmin_account")).content.decode()
    form = BeautifulSoup(html, "html.parser").find(
        "form", attrs={"method": lambda method: (method or "").lower() == "post"}
    )
    data = {}
    for field in form.find_all(["input", "select", "textarea"]):
        name = field.get("name")
        if not name or field.get("type") == "file":
            continue
        if field.name == "select":
            chosen = field.find("option", selected=True) or field.find("option")
            data[name] = chosen.get("value", "") if chosen else ""
        elif field.get("type") == "checkbox":
            if field.has_attr("checked"):
                data[name] = field.get("value", "on")
        elif field.get("type") == "radio":
            if field.has_attr("checked"):
                data[name] = field.get("value")
        else:
            data[name] = field.get("value", field.text)
    return data


def test_translators_are_told_when_an_english_snippet_is_published_again(
    translator, moderator
):
    person = Person.objects.get(locale__language_code="en", name="Any Huamani")

    person.save_revision(user=moderator).publish(user=moderator)

    notice = Notice.objects.get(user=translator, kind=Kind.OUT_OF_DATE)
    assert notice.title == str(spanish(person))
    assert notice.admin_url == reverse(
        "wagtailsnippets_people_person:edit", args=[spanish(person).pk]
    )
    assert len(emails_to(translator)) == 1


def test_only_translators_who_may_change_the_spanish_are_told(
    campaign, translator, comms, moderator
):
    campaign.save_revision(user=comms).publish(user=moderator)

    assert Notice.objects.filter(user=translator).count() == 1
    assert not Notice.objects.filter(user__in=[comms, moderator]).exists()


def test_a_mail_server_that_fails_does_not_fail_the_approval(
    client, comms, moderator, translator, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.support.mail.FailingBackend"
    settings.OUTBOX_SEND_AFTER_COMMIT = True
    about = seed_page("about")
    client.force_login(comms)
    with django_capture_on_commit_callbacks(execute=True):
        submit_english_change(client, about, "About us, revised")
    client.force_login(moderator)

    with django_capture_on_commit_callbacks(execute=True):
        response = workflow_action(client, about, "approve")

    assert response.status_code == 302
    about.refresh_from_db()
    assert about.live and about.title == "About us, revised"
    waiting = OutgoingEmail.objects.filter(to=[translator.email]).get()
    assert waiting.attempts == 1 and "not answering" in waiting.last_error


def test_a_notice_marked_done_leaves_the_dashboard(client, campaign, translator):
    campaign.save_revision().publish()
    notice = Notice.objects.get(user=translator)
    client.force_login(translator)
    other = Notice.objects.create(user=translator, kind=Kind.REJECTED, title="Otra")

    client.post(reverse("dismiss_notice", args=[notice.pk]))

    notice.refresh_from_db()
    assert notice.dismissed
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Otra" in dashboard
    client.post(reverse("dismiss_all_notices"))
    assert not Notice.objects.filter(user=translator, dismissed=False).exists()
    other.refresh_from_db()
    assert other.dismissed


def test_someone_elses_notice_cannot_be_dismissed(client, campaign, translator, comms):
    campaign.save_revision().publish()
    notice = Notice.objects.get(user=translator)
    client.force_login(comms)

    client.post(reverse("dismiss_notice", args=[notice.pk]))

    notice.refresh_from_db()
    assert not notice.dismissed


def test_wagtails_own_workflow_emails_are_replaced():
    assert wagtails_receivers_connected() == []


def test_an_email_is_in_the_readers_admin_language(campaign, translator):
    profile = UserProfile.get_for_user(translator)
    profile.preferred_language = "en"
    profile.save()

    campaign.save_revision().publish()

    [email] = emails_to(translator)
    assert email.subject.startswith("Translation out of date: “")


def test_communications_is_told_when_a_moderator_publishes_their_page(
    client, comms, moderator
):
    client.force_login(comms)
    index = seed_page("campaigns")
    client.post(
        reverse("wagtailadmin_pages:add", args=["campaigns", "campaignpage", index.pk]),
        campaign_form(),
    )
    draft = index.get_children().get(slug="safe-streets").specific
    assert emails_to(comms) == []
    client.force_login(moderator)

    client.post(
        reverse("wagtailadmin_pages:edit", args=[draft.pk]),
        campaign_form(**{"action-publish": "publish"}),
    )

    draft.refresh_from_db()
    assert draft.live
    [email] = emails_to(comms)
    assert email.subject == "Published: “Safe Streets”"
    assert "mod published “Safe Streets”." in email.body
    assert emails_to(moderator) == []

    # Through review instead: told once, as "approved".
    client.force_login(comms)
    client.post(
        reverse("wagtailadmin_pages:edit", args=[draft.pk]),
        campaign_form(title="Safer Streets", **{"action-submit": "submit"}),
    )
    client.force_login(moderator)
    workflow_action(client, draft, "approve")

    assert [email.subject for email in emails_to(comms)][1:] == [
        "Approved and published: “Safer Streets”"
    ]


def test_a_notification_that_cannot_be_written_does_not_fail_the_publish(
    campaign, translator, moderator, monkeypatch
):
    def broken(*args, **kwargs):
        raise RuntimeError("template missing")

    monkeypatch.setattr("home.editorial.notifications.sending.render_email", broken)

    campaign.save_revision(user=moderator).publish(user=moderator)

    campaign.refresh_from_db()
    assert campaign.live and campaign.live_revision == campaign.latest_revision
    assert emails_to(translator) == []
    assert not Notice.objects.filter(user=translator).exists()
