"""Nothing stale unnoticed: every page and public snippet has a review-by date
in each language, publishing after review moves it on, and the "Review due"
report and dashboard panel show what is due or overdue."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Revision

from campaigns.models import CampaignPage
from home.models import Alert, public_snippet_models
from home.models.review_dates import add_months, review_interval, reviewed_models
from tests.support.english import english_pieces
from tests.support.forms import campaign_form
from tests.support.seed import seed_page
from tests.support.text import visible_text
from tests.support.translations import spanish, spanish_translation

pytestmark = pytest.mark.django_db

ICIRR = "icirr-2023-agenda"
END_OF_SESSION = datetime.date(2023, 12, 31)


def in_six_months():
    return add_months(timezone.localdate(), 6)


# Written as it is in wagtailadmin/shared/headers/_actions.html, on every
# listing's header (tests/locales/test_translator_admin.py lists it too).
OUT_OF_REACH = "<nav aria-label> 'Actions' "


def english_in(html, kept):
    """English on a translator's screen, less what Wagtail writes out of reach."""
    return [
        piece
        for piece in english_pieces(html, kept)
        if not piece.startswith(OUT_OF_REACH)
    ]


def report(client, **query):
    response = client.get(reverse("review_due"), query)
    assert response.status_code == 200
    return visible_text(response.content.decode())


def publish(instance, user=None):
    instance.save_revision(user=user).publish(user=user)
    instance.refresh_from_db()


def test_the_seed_dates_the_icirr_agenda_at_the_end_of_its_session_in_both_languages(
    seeded_site,
):
    icirr = seed_page(ICIRR)

    assert icirr.review_by == END_OF_SESSION
    assert spanish(icirr).review_by == END_OF_SESSION
    # The editor's form opens on it.
    assert icirr.get_latest_revision_as_object().review_by == END_OF_SESSION
    # Everything else took its type's default on its first publication.
    assert seed_page("treatment-not-trauma").review_by == in_six_months()
    assert seed_page("about").review_by == add_months(timezone.localdate(), 12)


def test_a_second_load_keeps_the_dates_staff_set(seeded_site):
    from bpnc_site.seed.loader import SiteContentLoader

    icirr = seed_page(ICIRR)
    CampaignPage.objects.filter(pk=icirr.pk).update(review_by=datetime.date(2031, 1, 1))
    SiteContentLoader().load()

    assert seed_page(ICIRR).review_by == datetime.date(2031, 1, 1)
    assert spanish(icirr).review_by == END_OF_SESSION


def test_the_report_lists_the_icirr_agenda_overdue_in_english_and_spanish(
    moderator, client
):
    client.force_login(moderator)
    icirr = seed_page(ICIRR)
    text = report(client)

    assert icirr.title in text
    assert spanish(icirr).title in text
    assert seed_page().title not in text
    english_only = report(client, language="en", state="overdue")
    assert icirr.title in english_only and spanish(icirr).title not in english_only


def test_a_page_due_within_30_days_is_listed_as_due_not_overdue(moderator, client):
    client.force_login(moderator)
    page = seed_page("about")
    soon = timezone.localdate() + datetime.timedelta(days=10)
    type(page).objects.filter(pk=page.pk).update(review_by=soon)

    assert page.title in report(client, state="due")
    assert page.title not in report(client, state="overdue")


def test_publishing_after_review_moves_the_date_on_and_off_the_report(
    moderator, client
):
    client.force_login(moderator)
    icirr = seed_page(ICIRR)
    publish(icirr, moderator)

    assert icirr.review_by == in_six_months()
    # The revision keeps what was published; the editor's form opens on the new date.
    assert icirr.live_revision.content["review_by"] == END_OF_SESSION.isoformat()
    assert icirr.get_latest_revision_as_object().review_by == in_six_months()
    assert icirr.title not in report(client)
    # The Spanish copy has its own date: still overdue until it is published.
    assert spanish(icirr).review_by == END_OF_SESSION
    assert spanish(icirr).title in report(client)


def test_publishing_the_spanish_copy_moves_only_its_own_date(seeded_site):
    icirr = seed_page(ICIRR)
    publish(spanish(icirr))

    assert spanish(icirr).review_by == in_six_months()
    assert seed_page(ICIRR).review_by == END_OF_SESSION


def test_updating_a_translation_leaves_the_spanish_date_its_own(seeded_site):
    """The about page's type lets wagtail-localize pick what it synchronises."""
    about = seed_page("about")
    chosen = datetime.date(2030, 5, 1)
    about.review_by = chosen
    publish(about)
    assert about.review_by == chosen
    before = spanish(about).review_by

    translation = spanish_translation(about)
    translation.source.update_from_db()
    translation.save_target(publish=True)

    assert spanish(about).review_by != chosen
    assert spanish(about).review_by == before


def test_a_date_the_editor_enters_in_the_form_is_kept(staff_client, seeded_site):
    index = seed_page("campaigns")
    add = reverse(
        "wagtailadmin_pages:add", args=["campaigns", "campaignpage", index.pk]
    )
    response = staff_client.post(add, campaign_form(**{"action-publish": "publish"}))
    assert response.status_code == 302
    page = CampaignPage.objects.get(slug="safe-streets")
    assert page.review_by == in_six_months()

    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    chosen = datetime.date(2027, 3, 1)
    data = campaign_form(review_by=chosen.isoformat(), **{"action-publish": "publish"})
    assert staff_client.post(edit, data).status_code == 302
    page.refresh_from_db()
    assert page.review_by == chosen

    # Published again as it stands: reviewed today, due again in six months.
    data = campaign_form(review_by=chosen.isoformat(), **{"action-publish": "publish"})
    assert staff_client.post(edit, data).status_code == 302
    page.refresh_from_db()
    assert page.review_by == in_six_months()


def test_snippets_carry_a_date_in_their_form_and_alerts_never_fall_due(
    staff_client, seeded_site
):
    from people.models import Person

    person = Person.objects.filter(locale__language_code="en").first()
    edit = reverse("wagtailsnippets_people_person:edit", args=[person.pk])
    assert 'name="review_by"' in staff_client.get(edit).content.decode()
    assert person.review_by == add_months(timezone.localdate(), 12)
    assert review_interval(Alert) is None


def test_the_dashboard_counts_what_is_overdue_in_each_language(moderator, client):
    client.force_login(moderator)
    icirr = seed_page(ICIRR)
    text = visible_text(client.get(reverse("wagtailadmin_home")).content.decode())

    assert "Review due" in text
    assert "English 1" in text and "Spanish 1" in text
    assert icirr.title in text

    publish(icirr, moderator)
    text = visible_text(client.get(reverse("wagtailadmin_home")).content.decode())
    assert "English 0" in text


def test_a_translator_sees_the_spanish_copies_in_spanish(translator, client):
    from home.editorial.roles import prefers_spanish_admin

    prefers_spanish_admin(translator)
    client.force_login(translator)
    icirr = seed_page(ICIRR)
    response = client.get(reverse("review_due"))
    html = response.content.decode()

    assert spanish(icirr).title in visible_text(html)
    assert icirr.title not in visible_text(html)
    assert english_in(html, [spanish(icirr).title]) == []
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    start = dashboard.rindex("<section", 0, dashboard.index('id="review-due-section"'))
    panel = dashboard[start : dashboard.index("</section>", start)]
    assert "Revisiones pendientes" in panel
    assert english_in(panel, [spanish(icirr).title]) == []


def test_the_report_exports_csv(moderator, client):
    client.force_login(moderator)
    response = client.get(reverse("review_due"), {"export": "csv"})
    body = b"".join(response.streaming_content).decode()

    assert body.splitlines()[0] == "Title,Type,Language,Review by,Days overdue"
    assert seed_page(ICIRR).title in body


def test_revisions_keep_the_moved_date(seeded_site):
    icirr = seed_page(ICIRR)
    publish(icirr)
    assert Revision.objects.get(pk=icirr.live_revision_id).as_object().review_by == (
        in_six_months()
    )


def test_moving_the_date_on_rewrites_no_revision(seeded_site):
    icirr = seed_page(ICIRR)
    before = {
        revision.pk: revision.content
        for revision in Revision.objects.filter(object_id=str(icirr.pk))
    }
    publish(icirr)

    after = Revision.objects.filter(pk__in=before)
    assert {revision.pk: revision.content for revision in after} == before
    assert icirr.live_revision.content["review_by"] == END_OF_SESSION.isoformat()


def test_each_reviewed_snippet_declares_the_date_in_its_own_panels():
    for model in reviewed_models(public_snippet_models()):
        names = [getattr(panel, "field_name", None) for panel in model.panels]
        assert names.count("review_by") == 1, model
