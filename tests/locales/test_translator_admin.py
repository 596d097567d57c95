"""The translator meets no English in the admin.

Signed in as the demo translator (whose admin language is Spanish), every screen
they use is read as a person reads it (tests/support/english.py: text, descriptive
attributes, the admin's dialogs and the JSON its scripts show), and the
JavaScript catalogues those screens load must translate every string of
Wagtail's admin scripts and of wagtail-localize's editor. Names stay as they are:
people and organisations, the English pages and snippets a screen lists as the
originals, time zones and the languages' own names.
"""

import json
import re
import zoneinfo
from datetime import timedelta
from pathlib import Path

import polib
import pytest
import wagtail
import wagtail_localize
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import translation
from wagtail.admin.menu import admin_menu, help_menu, reports_menu, settings_menu
from wagtail.admin.views.generic.models import IndexView as ModelIndexView
from wagtail.admin.views.pages.listing import IndexView as PageIndexView
from wagtail.models import (
    Locale,
    Page,
    PageLogEntry,
    Task,
    Workflow,
    get_page_models,
)
from wagtail_localize.models import Translation, TranslationSource

from home.editorial.demo_users import DEMO_USERS, create_demo_users
from home.editorial.notifications.models import Kind, Notice
from home.editorial.roles import MODERATORS, TASK_NAME, TRANSLATORS, WORKFLOW_NAME
from home.models import public_snippet_models
from people.models import Organisation, Person
from policy.models import Bill
from tests.support.alerts import MENSAJE, publish_alert
from tests.support.english import english_pieces
from tests.support.seed import seed_page
from tests.support.translations import (
    spanish,
    spanish_translation,
    translate_string,
)

pytestmark = pytest.mark.django_db

SPANISH_BROWSER = "es-US,es;q=0.9,en;q=0.5"
TRANSLATOR = next(row for row in DEMO_USERS if row[2] == TRANSLATORS)
TASK_IN_SPANISH = "Aprobación del equipo de moderación"
WORKFLOW_IN_SPANISH = "Revisión antes de publicar"

# English that no catalogue can reach: the packages write it without gettext, or
# before the user's language is active. Each entry says where the fix belongs. The
# walk fails on anything else, and on an entry here that no screen shows any more.
OUT_OF_REACH = {}

SIGN_IN_OUT_OF_REACH = {}


def out_of_reach(piece, known):
    return next((pattern for pattern in known if re.search(pattern, piece)), None)


@pytest.fixture(autouse=True)
def menus_first_built_in_english():
    """Wagtail builds its menus once per process, and a few items translate their
    labels then: whoever opens the admin first after a restart, usually English
    staff, fixes them for everyone. The tests build them that way."""
    menus = [admin_menu, help_menu, reports_menu, settings_menu]
    for menu in menus:
        menu.__dict__.pop("registered_menu_items", None)
    with translation.override("en"):
        for menu in menus:
            assert menu.registered_menu_items is not None
    yield
    for menu in menus:
        menu.__dict__.pop("registered_menu_items", None)


@pytest.fixture
def translator(roles):
    create_demo_users()
    return get_user_model().objects.get(username=TRANSLATOR[0])


@pytest.fixture
def translator_client(client, translator):
    client.force_login(translator)
    return client


def names_kept():
    """Names the translator's screens show as they are."""
    english_titles = [
        *Page.objects.filter(locale__language_code="en").values_list(
            "title", flat=True
        ),
        *[
            str(instance)
            for model in public_snippet_models()
            for instance in model.objects.filter(locale__language_code="en")
        ],
    ]
    organisations = Organisation.objects.all()
    return [
        *organisations.values_list("name", flat=True),
        *organisations.exclude(acronym="").values_list("acronym", flat=True),
        *Person.objects.values_list("name", flat=True),
        *english_titles,
        # The page types report names each type by its identifier as well.
        *[
            f"{content_type.app_label}.{content_type.model}"
            for content_type in ContentType.objects.get_for_models(
                *get_page_models()
            ).values()
        ],
    ]


# The account screen offers each language in its own name, and the time zones
# by their identifiers.
ACCOUNT_NAMES = [
    "English",
    *[zone for zone in zoneinfo.available_timezones() if zone.startswith("US/")],
]


def submit_for_review(client, instance):
    url = reverse(
        "submit_translation_for_review", args=[spanish_translation(instance).pk]
    )
    return client.post(url, follow=True)


def start_translation(instance, strings):
    """A draft Spanish translation, as "Translate this snippet" starts it."""
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    started, _created = Translation.objects.get_or_create(
        source=source, target_locale=Locale.objects.get(language_code="es")
    )
    for english, spanish_text in strings.items():
        translate_string(started, english, spanish_text)
    started.save_target(publish=False)
    return started


@pytest.fixture
def screens(translator_client, translator, monkeypatch):
    """{name: response} for each screen the translator uses, once their Spanish
    campaign and a Spanish contact person wait for review."""
    # Small pages of results, so that the listings show their pagination.
    monkeypatch.setattr(PageIndexView, "paginate_by", 2)
    monkeypatch.setattr(ModelIndexView, "paginate_by", 3)
    campaign = seed_page()
    person = Person.objects.get(locale__language_code="en", name="Any Huamani")
    screens = {
        "submitting the campaign": submit_for_review(translator_client, campaign),
        "submitting the contact person": submit_for_review(translator_client, person),
    }
    campaign_es, person_es = spanish(campaign), spanish(person)
    # A Spanish page and snippet no longer synchronised open in Wagtail's own editor.
    for original in (
        seed_page("about"),
        Organisation.objects.filter(locale__language_code="en").first(),
    ):
        synced = spanish_translation(original)
        synced.enabled = False
        synced.save()
    about_es = spanish(seed_page("about"))
    organisation_es = spanish(
        Organisation.objects.filter(locale__language_code="en").first()
    )
    home_es = spanish(seed_page("campaigns")).get_parent()
    campaigns_es = spanish(seed_page("campaigns"))
    bill = Bill.objects.get(locale__language_code="en", number="HB 3882")
    bill_es = spanish(bill)
    workflow_state = campaign_es.current_workflow_state
    # An alert linking the campaign, upcoming, its Spanish version in review.
    alert = publish_alert(
        starts_in=timedelta(days=3),
        lasts=timedelta(days=2),
        level="urgent",
        link_page=campaign,
        link_text="Read the new date",
    )
    start_translation(alert, {alert.message: MENSAJE})
    screens["submitting the alert"] = submit_for_review(translator_client, alert)
    alert_es = spanish(alert)
    # Work waiting for her on the dashboard, of every kind: the English About
    # page published again, and one notice of each other kind.
    seed_page("about").save_revision().publish()
    for kind in (Kind.REJECTED, Kind.SUBMITTED, Kind.APPROVED):
        Notice.objects.create(user=translator, kind=kind, title=campaign_es.title)
    pages = "wagtailadmin_pages"
    snippet = "wagtailsnippets_people_person"
    urls = {
        "dashboard": reverse("wagtailadmin_home"),
        "Spanish home in the explorer": reverse(
            "wagtailadmin_explore", args=[home_es.pk]
        ),
        "campaigns, second page": reverse(
            "wagtailadmin_explore", args=[campaigns_es.pk]
        )
        + "?p=2",
        "explorer filtered": reverse("wagtailadmin_explore", args=[home_es.pk])
        + "?has_child_pages=true&locale=es",
        "explorer searched": reverse("wagtailadmin_explore", args=[home_es.pk])
        + "?q=salud",
        "page search": reverse(f"{pages}:search") + "?q=salud",
        "campaign in the translation editor": reverse(
            f"{pages}:edit", args=[campaign_es.pk]
        ),
        "campaign history": reverse(f"{pages}:history", args=[campaign_es.pk]),
        "campaign workflow history": reverse(
            f"{pages}:workflow_history", args=[campaign_es.pk]
        ),
        "campaign workflow history detail": reverse(
            f"{pages}:workflow_history_detail", args=[campaign_es.pk, workflow_state.pk]
        ),
        "page in Wagtail's editor": reverse(f"{pages}:edit", args=[about_es.pk]),
        "people": reverse(f"{snippet}:list") + "?locale=es",
        "people, second page": reverse(f"{snippet}:list") + "?locale=es&p=2",
        "organisations": reverse("wagtailsnippets_people_organisation:list")
        + "?locale=es",
        "bills": reverse("wagtailsnippets_policy_bill:list") + "?locale=es",
        "person in the translation editor": reverse(
            f"{snippet}:edit", args=[person_es.pk]
        ),
        "bill in the translation editor": reverse(
            "wagtailsnippets_policy_bill:edit", args=[bill_es.pk]
        ),
        "person history": reverse(f"{snippet}:history", args=[person_es.pk]),
        "person workflow history": reverse(
            f"{snippet}:workflow_history", args=[person_es.pk]
        ),
        "person usage": reverse(f"{snippet}:usage", args=[person_es.pk]),
        "organisation in Wagtail's editor": reverse(
            "wagtailsnippets_people_organisation:edit", args=[organisation_es.pk]
        ),
        "alerts": reverse("wagtailsnippets_home_alert:list") + "?locale=es",
        "alerts, all languages": reverse("wagtailsnippets_home_alert:list"),
        "alert in the translation editor": reverse(
            "wagtailsnippets_home_alert:edit", args=[alert_es.pk]
        ),
        "alert history": reverse(
            "wagtailsnippets_home_alert:history", args=[alert_es.pk]
        ),
        "Spanish translations report": reverse("translation_report"),
        "workflows report": reverse("wagtailadmin_reports:workflow"),
        "workflow tasks report": reverse("wagtailadmin_reports:workflow_tasks"),
        "site history": reverse("wagtailadmin_reports:site_history"),
        "aging pages": reverse("wagtailadmin_reports:aging_pages"),
        "page types usage": reverse("wagtailadmin_reports:page_types_usage"),
        "translations report": reverse("wagtail_localize:translations_report"),
        "account": reverse("wagtailadmin_account"),
        "an English page, refused": reverse(f"{pages}:edit", args=[campaign.pk]),
        "an English bill, refused": reverse(
            "wagtailsnippets_policy_bill:edit",
            args=[bill.pk],
        ),
    }
    screens.update(
        (name, translator_client.get(url, follow=True)) for name, url in urls.items()
    )
    # Actions only moderators may take: refused with a message.
    policy = spanish_translation(seed_page("policy"))
    screens["stopping a synchronised translation"] = translator_client.post(
        reverse("wagtail_localize:stop_translation", args=[policy.pk]), follow=True
    )
    screens["converting a translation to an alias"] = translator_client.post(
        reverse(
            "wagtail_localize:convert_to_alias", args=[spanish(seed_page("policy")).pk]
        ),
        follow=True,
    )
    return screens


def html_language(response):
    match = re.search(r"<html[^>]*\blang=\"([^\"]+)\"", response.content.decode())
    return match and match.group(1)


def report(found):
    return "English on the translator's screens:\n" + "\n".join(
        f"{screen}: {piece}" for screen, pieces in found.items() for piece in pieces
    )


def test_every_screen_the_translator_uses_reads_spanish(screens):
    kept = names_kept()
    unexpected, reached = {}, set()
    for name, response in screens.items():
        assert response.status_code == 200, name
        # The reader skips what is marked English: a screen in English would pass.
        assert html_language(response) == "es", name
        # Avatars come from the site or not at all: no email hash leaves it.
        assert "gravatar" not in response.content.decode().lower(), name
        found = english_pieces(
            response.content, [*kept, *(ACCOUNT_NAMES if name == "account" else [])]
        )
        for piece in found:
            pattern = out_of_reach(piece, OUT_OF_REACH)
            if pattern:
                reached.add(pattern)
            else:
                unexpected.setdefault(name, []).append(piece)

    assert unexpected == {}, report(unexpected)
    assert set(OUT_OF_REACH) - reached == set(), "fixed? take it off OUT_OF_REACH"


def test_the_walk_reads_her_waiting_work_of_every_kind(screens):
    dashboard = screens["dashboard"].content.decode()

    assert "Le espera" in dashboard
    assert dashboard.count("editorial-notices__dismiss") == 4
    assert "Traducción" in screens["account"].content.decode()


def test_the_sign_in_page_reads_spanish_and_signs_the_translator_in(client, translator):
    username, password = TRANSLATOR[:2]
    url = (
        reverse("wagtailadmin_login") + "?next=" + reverse("wagtailadmin_explore_root")
    )

    page = client.get(url, HTTP_ACCEPT_LANGUAGE=SPANISH_BROWSER)
    refused = client.post(
        url,
        {"username": username, "password": "not-the-password"},
        HTTP_ACCEPT_LANGUAGE=SPANISH_BROWSER,
    )
    signed_in = client.post(
        url,
        {"username": username, "password": password},
        HTTP_ACCEPT_LANGUAGE=SPANISH_BROWSER,
        follow=True,
    )

    unexpected, reached = [], set()
    for response in (page, refused, signed_in):
        assert response.status_code == 200
        assert html_language(response) == "es"
        for piece in english_pieces(response.content, names_kept()):
            pattern = out_of_reach(piece, {**OUT_OF_REACH, **SIGN_IN_OUT_OF_REACH})
            if pattern:
                reached.add(pattern)
            else:
                unexpected.append(piece)
    assert unexpected == []
    assert set(SIGN_IN_OUT_OF_REACH) - reached == set()
    assert signed_in.redirect_chain[0][0].startswith(
        reverse("wagtailadmin_explore_root")
    )


def test_messages_after_submitting_for_review_read_spanish(translator_client):
    person = Person.objects.get(locale__language_code="en", name="Any Huamani")

    for instance in (seed_page(), person):
        response = submit_for_review(translator_client, instance)
        messages = [str(message) for message in response.context["messages"]]
        assert any("se envió a revisión" in message for message in messages), messages
        assert english_pieces(" ".join(messages), names_kept()) == []


def test_workflow_task_and_group_names_read_in_each_readers_language(
    translator_client, client, moderator
):
    submit_for_review(translator_client, seed_page())

    dashboard = translator_client.get(reverse("wagtailadmin_home")).content.decode()
    editor = translator_client.get(
        reverse("wagtailadmin_pages:edit", args=[spanish(seed_page()).pk])
    ).content.decode()
    client.force_login(moderator)
    english_dashboard = client.get(reverse("wagtailadmin_home")).content.decode()

    assert TASK_IN_SPANISH in dashboard
    assert TASK_NAME not in dashboard
    assert WORKFLOW_IN_SPANISH in editor
    assert TASK_NAME in english_dashboard
    assert TASK_IN_SPANISH not in english_dashboard


def test_the_names_are_stored_in_english_whatever_the_language_shown(
    translator_client,
):
    submit_for_review(translator_client, seed_page())
    task = Task.objects.get(name=TASK_NAME)
    # A form shows the name in its reader's language and sends that back.
    task.name = TASK_IN_SPANISH
    task.save()

    assert Task.objects.filter(name=TASK_NAME).exists()
    assert Workflow.objects.filter(name=WORKFLOW_NAME).exists()
    moderators = Group.objects.get(name=MODERATORS)
    with translation.override("es"):
        assert str(moderators.name) == "Equipo de moderación"
    with translation.override("en"):
        assert str(moderators.name) == MODERATORS
    logged = PageLogEntry.objects.filter(action="wagtail.workflow.start")
    assert logged.values_list("data", flat=True).first()["workflow"]["title"] == (
        WORKFLOW_NAME
    )


def package_js_msgids(package, app=""):
    po = Path(package.__file__).parent / app / "locale/en/LC_MESSAGES/djangojs.po"
    return [entry for entry in polib.pofile(str(po)) if not entry.obsolete]


def served_catalogue(client, url):
    script = client.get(url).content.decode()
    match = re.search(r"const newcatalog = (\{.*?\});\n", script, re.S)
    return json.loads(match.group(1)) if match else {}


def catalogue_urls(html):
    return re.findall(r'<script src="([^"]*/jsi18n/)"', html)


@pytest.mark.parametrize(
    ("screen", "package", "app"),
    [("dashboard", wagtail, "admin"), ("translation editor", wagtail_localize, "")],
)
def test_the_admin_javascript_catalogues_translate_every_string(
    translator_client, screen, package, app
):
    if screen == "dashboard":
        url = reverse("wagtailadmin_home")
    else:
        url = reverse("wagtailadmin_pages:edit", args=[spanish(seed_page()).pk])
    loaded = catalogue_urls(translator_client.get(url).content.decode())
    catalogue = {}
    for catalogue_url in loaded:
        catalogue.update(served_catalogue(translator_client, catalogue_url))

    untranslated = [
        entry.msgid
        for entry in package_js_msgids(package, app)
        if not catalogue.get(entry.msgid)
        or (
            isinstance(catalogue[entry.msgid], list) and not all(catalogue[entry.msgid])
        )
    ]

    assert loaded
    assert untranslated == []


def test_the_page_an_alert_links_loads_in_its_translation_editor(translator_client):
    """The editor shows a synchronised page link by asking the admin's API for
    the page: the answer is the page, not a redirect to a language prefix."""
    campaign = seed_page()
    for page in (campaign, spanish(campaign)):
        response = translator_client.get(
            reverse("wagtailadmin_api:pages:detail", args=[page.pk])
        )

        assert response.status_code == 200
        assert response.json()["id"] == page.pk
