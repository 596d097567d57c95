"""The translator's help beside wagtail-localize's editor: after Communications
change a translated campaign and it is synchronised, the translator sees the
old and new English with the difference marked and her previous Spanish,
reuses it with one POST, finds Spanish from elsewhere on the site and the
glossary's terms; the report tells changed segments from new ones."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail_localize.models import StringTranslation

from home.editorial.report import translation_states
from home.editorial.translation_help import help_for, marked_difference
from home.models import GlossaryTerm
from tests.support.seed import seed_page
from tests.support.text import visible_text
from tests.support.translations import spanish, spanish_translation

pytestmark = pytest.mark.django_db

OTHER_CAMPAIGN = "free-the-funds"


def change_and_sync(client, campaign, editor, moderator, capture, **fields):
    """Communications change the English and a moderator publishes it; then
    Communications synchronise the translation as the admin's "Sync
    translated pages" does (its form, posted)."""
    for name, value in fields.items():
        setattr(campaign, name, value)
    campaign.save_revision(user=editor).publish(user=moderator)
    client.force_login(editor)
    url = reverse(
        "wagtail_localize:update_translations",
        args=[spanish_translation(campaign).source_id],
    )
    with capture(execute=True):
        response = client.post(url, {})
    assert response.status_code == 302
    client.logout()


def editor_html(client, user, campaign):
    client.force_login(user)
    response = client.get(
        reverse("wagtailadmin_pages:edit", args=[spanish(campaign).pk])
    )
    assert response.status_code == 200
    return response.content.decode()


def panel(html):
    match = re.search(
        r'<section[^>]*id="translation-help".*?</section>', html, re.DOTALL
    )
    assert match, "the editor shows no translation help"
    return match.group(0)


def segment_of(campaign, english):
    return spanish_translation(campaign).source.stringsegment_set.get(
        string__data=english
    )


def one_word_changed(text):
    words = text.split()
    words[1] = "wholly"
    return " ".join(words)


def test_translator_sees_what_changed_and_reuses_her_spanish_with_one_post(
    client, campaign, comms, moderator, translator, django_capture_on_commit_callbacks
):
    old_english = campaign.summary
    old_spanish = spanish(campaign).summary
    new_english = one_word_changed(old_english)
    change_and_sync(
        client,
        campaign,
        comms,
        moderator,
        django_capture_on_commit_callbacks,
        summary=new_english,
    )

    html = panel(editor_html(client, translator, campaign))

    assert "<ins>wholly</ins>" in html
    removed = old_english.split()[1]
    assert f"<del>{removed}</del>" in html
    assert "Falta por traducir 1 segmento." in visible_text(html)
    assert "Cambió desde que se tradujo" in visible_text(html)
    assert f">{old_spanish}</textarea>" in html

    segment = segment_of(campaign, new_english)
    translation = spanish_translation(campaign)
    response = client.post(
        reverse("use_translation", args=[translation.pk, segment.pk]),
        {"value": old_spanish},
    )

    assert response.status_code == 302
    assert response["Location"].endswith("#translation-help")
    saved = StringTranslation.objects.get(
        translation_of=segment.string,
        context=segment.context,
        locale=translation.target_locale,
    )
    assert saved.data == old_spanish
    assert saved.last_translated_by == translator
    total, done = translation.get_progress()
    assert done == total
    after = client.get(response["Location"])
    assert "Todos los segmentos tienen su español" in visible_text(after.content)


def test_a_segment_translated_elsewhere_is_suggested(
    client, campaign, comms, moderator, translator, django_capture_on_commit_callbacks
):
    other = seed_page(OTHER_CAMPAIGN)
    near = one_word_changed(other.summary)
    change_and_sync(
        client,
        campaign,
        comms,
        moderator,
        django_capture_on_commit_callbacks,
        summary=other.summary,
        demands_heading=near,
    )

    html = panel(editor_html(client, translator, campaign))
    text = visible_text(html)

    assert spanish(other).summary in text
    assert "El mismo inglés" in text
    assert "Inglés parecido" in text
    assert text.count(spanish(other).summary) == 2  # same and nearly the same
    segment = segment_of(campaign, near)
    response = client.post(
        reverse("use_translation", args=[spanish_translation(campaign).pk, segment.pk]),
        {"value": spanish(other).summary},
    )
    assert response.status_code == 302
    assert StringTranslation.objects.filter(
        translation_of=segment.string, data=spanish(other).summary
    ).exists()


def test_a_glossary_term_in_a_segment_is_shown_with_its_chosen_and_rejected_spanish(
    client, campaign, comms, moderator, translator, django_capture_on_commit_callbacks
):
    change_and_sync(
        client,
        campaign,
        comms,
        moderator,
        django_capture_on_commit_callbacks,
        demands_heading="What we ask of City Council",
    )

    html = panel(editor_html(client, translator, campaign))

    assert "Concejo Municipal" in html
    assert '<s lang="es">Consejo Municipal, Concilio Municipal, Cabildo</s>' in html


def test_moderators_change_the_glossary_the_editor_reads(
    client, campaign, comms, moderator, translator, django_capture_on_commit_callbacks
):
    term = GlossaryTerm.objects.get(english="City Council")
    client.force_login(moderator)
    url = reverse("wagtailsnippets_home_glossaryterm:edit", args=[term.pk])
    response = client.post(
        url,
        {
            "english": term.english,
            "spanish": "Concejo de la Ciudad",
            "rejected": term.rejected,
            "note": term.note,
            "checked_in": "no",
        },
    )
    assert response.status_code == 302
    client.logout()
    change_and_sync(
        client,
        campaign,
        comms,
        moderator,
        django_capture_on_commit_callbacks,
        demands_heading="What we ask of City Council",
    )

    assert "Concejo de la Ciudad" in panel(editor_html(client, translator, campaign))


@pytest.mark.parametrize("who", ["translator", "comms"])
def test_only_moderators_change_the_glossary(client, who, roles, request):
    term = GlossaryTerm.objects.get(english="City Council")
    client.force_login(request.getfixturevalue(who))

    listing = client.get(reverse("wagtailsnippets_home_glossaryterm:list"))
    edit = client.post(
        reverse("wagtailsnippets_home_glossaryterm:edit", args=[term.pk]),
        {"english": term.english, "spanish": "Consejo", "checked_in": "yes"},
    )

    assert listing.status_code == 200
    assert edit.status_code in {302, 403}
    assert GlossaryTerm.objects.get(pk=term.pk).spanish == "Concejo Municipal"


def test_who_may_not_edit_the_translation_cannot_fill_a_segment(
    client, campaign, comms, moderator, django_capture_on_commit_callbacks
):
    new_english = one_word_changed(campaign.summary)
    change_and_sync(
        client,
        campaign,
        comms,
        moderator,
        django_capture_on_commit_callbacks,
        summary=new_english,
    )
    segment = segment_of(campaign, new_english)
    translation = spanish_translation(campaign)
    client.force_login(comms)  # Communications edit English pages only

    response = client.post(
        reverse("use_translation", args=[translation.pk, segment.pk]),
        {"value": "Texto cualquiera"},
    )

    assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert not StringTranslation.objects.filter(
        translation_of=segment.string, context=segment.context
    ).exists()


def test_a_segment_of_another_translation_is_not_found(client, campaign, translator):
    other_segment = spanish_translation(
        seed_page(OTHER_CAMPAIGN)
    ).source.stringsegment_set.first()
    client.force_login(translator)

    response = client.post(
        reverse(
            "use_translation",
            args=[spanish_translation(campaign).pk, other_segment.pk],
        ),
        {"value": "Texto"},
    )

    assert response.status_code == 404


def test_an_empty_value_changes_nothing_and_says_so(
    client, campaign, comms, moderator, translator, django_capture_on_commit_callbacks
):
    new_english = one_word_changed(campaign.summary)
    change_and_sync(
        client,
        campaign,
        comms,
        moderator,
        django_capture_on_commit_callbacks,
        summary=new_english,
    )
    segment = segment_of(campaign, new_english)
    client.force_login(translator)

    response = client.post(
        reverse("use_translation", args=[spanish_translation(campaign).pk, segment.pk]),
        {"value": "  "},
        follow=True,
    )

    assert "El español estaba vacío" in visible_text(response.content)
    assert not StringTranslation.objects.filter(
        translation_of=segment.string, context=segment.context
    ).exists()


def test_report_counts_changed_segments_apart_from_new_ones(
    client, campaign, comms, moderator, django_capture_on_commit_callbacks
):
    change_and_sync(
        client,
        campaign,
        comms,
        moderator,
        django_capture_on_commit_callbacks,
        summary=one_word_changed(campaign.summary),
        demands_heading="What we demand",
    )

    state = next(state for state in translation_states() if state.source == campaign)
    assert (state.changed_segments, state.new_segments) == (1, 1)
    client.force_login(moderator)  # reads the admin in English
    text = visible_text(client.get(reverse("translation_report")).content)
    assert "(1 changed since translated, 1 never translated)" in text
    assert "1 segment changed in English since it was translated" in text


def test_panel_queries_do_not_grow_with_the_segments(
    client, campaign, comms, moderator, django_capture_on_commit_callbacks
):
    change_and_sync(
        client,
        campaign,
        comms,
        moderator,
        django_capture_on_commit_callbacks,
        summary=one_word_changed(campaign.summary),
    )
    translation = spanish_translation(campaign)
    assert translation.source  # read by the editor's view already
    with CaptureQueriesContext(connection) as one:
        assert len(help_for(translation)) == 1
    StringTranslation.objects.filter(
        context__object_id=translation.source.object_id
    ).delete()
    with CaptureQueriesContext(connection) as every:
        assert len(help_for(translation)) > 10

    # The segments, the glossary, the previous versions (and the strings of
    # the page now), the Spanish elsewhere.
    assert len(every) == len(one) == 5


def test_the_difference_is_marked_word_by_word_and_escaped():
    before, after = marked_difference(
        "Fund <b>all</b> schools & parks", "Fund most schools & parks"
    )

    assert before == "Fund <del>all</del> schools &amp; parks"
    assert after == "Fund <ins>most</ins> schools &amp; parks"
