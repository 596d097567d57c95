"""Who may do what in the admin, walked as each role would: every admin screen
by GET, and every action that changes what the public sees (or shows personal
data) by the POST its URL takes. A new admin URL fails until it is classified in
admin_urls.txt beside this file."""

from contextlib import contextmanager
from pathlib import Path

import pytest
from django.db import transaction
from django.urls import URLResolver, get_resolver, reverse
from django.urls.exceptions import NoReverseMatch
from wagtail.models import Locale, PageViewRestriction, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, streamfield
from wagtail_localize.models import StringTranslation

from home.models import GlossaryTerm, OrganisationSettings
from policy.models import Bill
from tests.support.factories import CampaignPageFactory
from tests.support.seed import seed_page
from tests.support.translations import spanish, spanish_translation

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "comms", "translator", "moderator"]
CLASSIFIED = Path(__file__).with_name("admin_urls.txt")
# Raises on purpose, to test the 500 page.
NOT_WALKED = {"wagtailadmin_error_test"}


def classified():
    rows = [
        line.split()
        for line in CLASSIFIED.read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    return dict(rows)


def admin_url_names():
    def walk(patterns, prefix="", namespace=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = namespace + (
                    f"{pattern.namespace}:" if pattern.namespace else ""
                )
                yield from walk(
                    pattern.url_patterns, prefix + str(pattern.pattern), inner
                )
            elif pattern.name:
                yield prefix + str(pattern.pattern), namespace + pattern.name

    return {
        name
        for route, name in walk(get_resolver().url_patterns)
        if route.startswith("admin/")
    }


def test_every_admin_url_is_classified():
    names = admin_url_names()
    known = classified()

    assert sorted(names - known.keys()) == [], "new admin URLs: classify them"
    assert sorted(known.keys() - names) == [], "gone: remove them from the list"
    assert set(known.values()) <= {
        "open",
        "staff",
        "personal-data",
        "moderators",
        "administrators",
    }


def signed_in(client, request, role):
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    return client


# Who gets the screen itself (200) for each class of admin URL.
SCREEN_FOR = {
    "personal-data": {"comms"},
    "moderators": {"moderator"},
    "administrators": set(),
}


@pytest.mark.parametrize("role", ROLES)
def test_each_admin_screen_opens_only_for_whom_it_is(client, request, roles, role):
    signed_in(client, request, role)
    walked = 0
    for name, kind in sorted(classified().items()):
        if kind == "open" or name in NOT_WALKED:
            continue
        try:
            url = reverse(name)
        except NoReverseMatch:
            continue  # needs an object: see the actions below
        response = client.get(url)
        walked += 1
        assert response.status_code < 500, (name, url)
        if role == "anonymous":
            assert response.status_code != 200, (name, url)
        elif kind in SCREEN_FOR:
            opened = response.status_code == 200
            assert opened == (role in SCREEN_FOR[kind]), (name, url, role)
    assert walked > 40


@contextmanager
def undone():
    """Each cell of the matrix starts from the same site."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def publish_english_page(client):
    about = seed_page("about")
    data = nested_form_data(
        {
            "title": "About us, revised",
            "slug": about.slug,
            "introduction": about.introduction,
            "body": streamfield([]),
            "action-publish": "publish",
        }
    )
    client.post(reverse("wagtailadmin_pages:edit", args=[about.pk]), data)
    about.refresh_from_db()
    return about.title == "About us, revised"


def unpublish_spanish_page(client):
    page = spanish(seed_page("about"))
    client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]))
    page.refresh_from_db()
    return not page.live


def delete_english_page(client):
    about = seed_page("about")
    client.post(reverse("wagtailadmin_pages:delete", args=[about.pk]))
    return not type(about).objects.filter(pk=about.pk).exists()


def make_campaign_private(client):
    page = seed_page()
    client.post(
        reverse("wagtailadmin_pages:set_privacy", args=[page.pk]),
        {"restriction_type": "login"},
    )
    return PageViewRestriction.objects.filter(page=page).exists()


def bulk_publish_a_draft(client):
    draft = CampaignPageFactory.build(title="Draft campaign", live=False)
    seed_page("campaigns").add_child(instance=draft)
    draft.save_revision()
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    client.post(f"{url}?id={draft.pk}", {})
    draft.refresh_from_db()
    return draft.live


def convert_spanish_page_to_alias(client):
    page = spanish(seed_page("about"))
    client.post(reverse("wagtail_localize:convert_to_alias", args=[page.pk]))
    page.refresh_from_db()
    return page.alias_of_id is not None


def stop_synchronising(client):
    translation = spanish_translation(seed_page())
    client.post(reverse("wagtail_localize:stop_translation", args=[translation.pk]))
    translation.refresh_from_db()
    return not translation.enabled


def publish_spanish_page_on_sync(client, commit):
    page = spanish(seed_page())
    published = page.last_published_at
    source = spanish_translation(seed_page()).source
    with commit(execute=True):  # it publishes once the transaction commits
        client.post(
            reverse("wagtail_localize:update_translations", args=[source.pk]),
            {"publish_translations": "on"},
        )
    page.refresh_from_db()
    return page.last_published_at != published


def start_a_translation(client):
    page = CampaignPageFactory(parent=seed_page("campaigns"), title="New campaign")
    client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        {"locales": [Locale.objects.get(language_code="es").pk]},
    )
    return page.get_translation_or_none(Locale.objects.get(language_code="es"))


def publish_english_bill(client):
    bill = Bill.objects.get(number="HB 3882", locale__language_code="en")
    data = {
        "number": bill.number,
        "chamber": bill.chamber,
        "session": bill.session,
        "title": "A new title",
        "summary": bill.summary,
        "status": bill.status,
        "official_url": bill.official_url,
        "action-publish": "publish",
    }
    client.post(reverse("wagtailsnippets_policy_bill:edit", args=[bill.pk]), data)
    bill.refresh_from_db()
    return bill.title == "A new title" and bill.live


def delete_english_bill(client):
    bill = Bill.objects.get(number="HB 3882", locale__language_code="en")
    client.post(reverse("wagtailsnippets_policy_bill:delete", args=[bill.pk]))
    return not Bill.objects.filter(pk=bill.pk).exists()


def change_the_donate_link(client):
    settings = OrganisationSettings.objects.get()
    data = {
        field.name: getattr(settings, field.attname) or ""
        for field in OrganisationSettings._meta.concrete_fields
        if field.name not in {"id", "site"}
    }
    data["donate_url"] = "https://donate.example.org/"
    url = reverse(
        "wagtailsettings:edit", args=["home", "organisationsettings", settings.site_id]
    )
    client.post(url, data)
    return OrganisationSettings.objects.get().donate_url == data["donate_url"]


def export_sign_ups(client):
    response = client.get(
        reverse("campaigns_signup_modeladmin_index"), {"export": "csv"}
    )
    return response.status_code == 200 and response.get("Content-Type", "").startswith(
        "text/csv"
    )


def approve_a_spanish_translation(client):
    page = spanish(seed_page())
    page.save_revision()
    state = page.get_workflow().start(page, seed_page().owner)
    task_state = state.current_task_state
    client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[page.pk, "approve", task_state.pk],
        )
    )
    task_state.refresh_from_db()
    return task_state.status == WorkflowState.STATUS_APPROVED


def delete_spanish_page_in_review(client):
    english = CampaignPageFactory(parent=seed_page("campaigns"), title="New one")
    english.save_revision().publish()
    page = english.copy_for_translation(Locale.objects.get(language_code="es"))
    page.save_revision()
    page.get_workflow().start(page, english.owner)
    client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))
    return not type(page).objects.filter(pk=page.pk).exists()


def change_a_glossary_term(client):
    term = GlossaryTerm.objects.get(english="City Council")
    client.post(
        reverse("wagtailsnippets_home_glossaryterm:edit", args=[term.pk]),
        {"english": term.english, "spanish": "Concejo", "checked_in": "no"},
    )
    return GlossaryTerm.objects.get(pk=term.pk).spanish == "Concejo"


def fill_a_spanish_segment(client):
    translation = spanish_translation(seed_page())
    segment = translation.source.stringsegment_set.first()
    client.post(
        reverse("use_translation", args=[translation.pk, segment.pk]),
        {"value": "Otro español"},
    )
    return StringTranslation.objects.filter(
        translation_of_id=segment.string_id,
        context_id=segment.context_id,
        data="Otro español",
    ).exists()


# Action: who may carry it out (superusers may do everything).
MATRIX = {
    publish_english_page: {"moderator"},
    unpublish_spanish_page: {"moderator"},
    delete_english_page: {"moderator"},
    delete_spanish_page_in_review: {"moderator"},
    make_campaign_private: {"moderator"},
    bulk_publish_a_draft: {"moderator"},
    convert_spanish_page_to_alias: {"moderator"},
    stop_synchronising: {"moderator"},
    publish_spanish_page_on_sync: {"moderator"},
    start_a_translation: {"comms", "moderator"},
    publish_english_bill: {"moderator"},
    delete_english_bill: {"moderator"},
    change_the_donate_link: {"moderator"},
    export_sign_ups: {"comms"},
    approve_a_spanish_translation: {"moderator"},
    change_a_glossary_term: {"moderator"},
    fill_a_spanish_segment: {"translator", "moderator"},
}


@pytest.mark.parametrize("action", MATRIX, ids=lambda action: action.__name__)
def test_only_the_right_roles_can_act(
    client, request, roles, action, django_capture_on_commit_callbacks
):
    done = {}
    for role in ROLES:
        with undone():
            signed_in(client, request, role)
            if "commit" in action.__code__.co_varnames:
                acted = action(client, commit=django_capture_on_commit_callbacks)
            else:
                acted = action(client)
            done[role] = bool(acted)
        client.logout()

    assert {role for role, acted in done.items() if acted} == MATRIX[action]
