"""What happened, as the roles walk it: Communications add a dated update to the
seeded campaign and change a demand's status in the page editor and submit it;
a moderator approves it; it is translated through wagtail-localize and
published; each language's page and Atom feed carry it in that language only."""

import datetime

import feedparser
import pytest
from django.forms import CheckboxInput
from django.urls import reverse
from wagtail import blocks
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from campaigns.models import CampaignPage
from tests.support.translations import sync_spanish

pytestmark = pytest.mark.django_db

UPDATE = "The ordinance was filed"
WORDS = {UPDATE: "Se presentó la ordenanza"}
TODAY = datetime.datetime(2026, 6, 15, 12, tzinfo=datetime.UTC)


def block_data(block, value):
    """A block's value as the editor's form posts it."""
    if isinstance(block, blocks.StreamBlock):
        children = {
            str(i): {
                "type": child.block_type,
                "value": block_data(child.block, child.value),
                "id": child.id or "",
                "deleted": "",
                "order": str(i),
            }
            for i, child in enumerate(value)
        }
        return {**children, "count": str(len(value))}
    if isinstance(block, blocks.ListBlock):
        children = {
            str(i): {
                "value": block_data(block.child_block, child.value),
                "id": child.id or "",
                "deleted": "",
                "order": str(i),
            }
            for i, child in enumerate(value.bound_blocks)
        }
        return {**children, "count": str(len(children))}
    if isinstance(block, blocks.StructBlock):
        return {
            name: block_data(child, value[name])
            for name, child in block.child_blocks.items()
        }
    if isinstance(block, blocks.ChooserBlock):
        return "" if value is None else str(getattr(value, "pk", value))
    state = block.get_form_state(value)
    if isinstance(state, list):  # a choice, as its select posts it
        state = state[0] if state else ""
    return "" if state is None else state


def edit_form(page, user):
    """The page's edit form as the editor opens it, filled with the page as it
    stands (before nested_form_data)."""
    form_class = page.get_edit_handler().get_form_class()
    form = form_class(instance=page, for_user=user)
    data = {}
    for name in form.fields:
        field = form.fields[name]
        value = form[name].value()
        if hasattr(field, "block"):
            data[name] = block_data(field.block, getattr(page, name))
        elif isinstance(field.widget, CheckboxInput):
            if value:
                data[name] = "on"
        elif value is not None:
            formatted = field.widget.format_value(value)
            if isinstance(formatted, list) and not field.widget.allow_multiple_selected:
                formatted = formatted[0] if formatted else ""
            data[name] = "" if formatted is None else formatted
    for name, formset in form.formsets.items():
        if name == "comments":
            continue
        items = []
        for child in formset.forms:
            item = {"id": str(child.instance.pk)}
            for field_name in child.fields:
                if field_name in ("id", "ORDER", "DELETE"):
                    continue
                value = child[field_name].value()
                item[field_name] = "" if value is None else str(value)
            items.append(item)
        data[name] = inline_formset(items, initial=len(items))
    return data


def form_errors(response):
    form = response.context["form"]
    stream = [e.as_json_data() for e in form.errors.as_data().get("demands", [])]
    return (
        form.errors,
        stream,
        {name: formset.errors for name, formset in form.formsets.items()},
    )


def approve(client, page):
    task_state = page.current_workflow_task_state
    return client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[page.pk, "approve", task_state.pk],
        )
    )


def feed(client, address):
    response = client.get(address)
    assert response["Content-Type"].startswith("application/atom+xml")
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.bozo_exception
    return parsed


def test_an_update_and_a_won_demand_reach_both_languages_through_review(
    client,
    campaign,
    comms,
    moderator,
    time_machine,
    uncached_pages,
    django_capture_on_commit_callbacks,
):
    time_machine.move_to(TODAY)
    client.force_login(comms)
    edit = reverse("wagtailadmin_pages:edit", args=[campaign.pk])
    assert client.get(edit).status_code == 200
    data = edit_form(campaign, comms)
    untouched = [(block.id, block.block_type) for block in campaign.body]
    demand = data["demands"]["0"]["value"]
    assert demand["status"] != "won"
    demand["status"] = "won"
    data["updates"] = inline_formset(
        [{"date": "2026-06-10", "title": UPDATE, "text": rich_text("")}]
    )
    data["action-submit"] = "submit"
    submitted = client.post(edit, nested_form_data(data))
    assert submitted.status_code == 302, form_errors(submitted)
    assert UPDATE not in client.get(campaign.url).content.decode()
    waiting = feed(client, "/en/updates.atom").entries
    assert not any(UPDATE in entry.title for entry in waiting)  # not until approved

    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        assert (
            approve(client, CampaignPage.objects.get(pk=campaign.pk)).status_code == 302
        )
    client.logout()
    campaign = CampaignPage.objects.get(pk=campaign.pk)
    assert [(block.id, block.block_type) for block in campaign.body] == untouched
    html = client.get(campaign.url).content.decode()
    assert UPDATE in html and "June 10, 2026" in html
    assert "Since June 15, 2026" in html
    assert "Check out our #TreatmentNotTrauma Merch!" in html  # the rest kept

    with django_capture_on_commit_callbacks(execute=True):
        campaign_es = sync_spanish(campaign, WORDS)
    html_es = client.get(campaign_es.url).content.decode()
    assert "Se presentó la ordenanza" in html_es and "10 de junio de 2026" in html_es
    assert "Desde el 15 de junio de 2026" in html_es
    assert UPDATE not in html_es

    english = feed(client, "/en/updates.atom")
    titles = [entry.title for entry in english.entries]
    assert f"{campaign.title}: {UPDATE}" in titles
    assert any(title.endswith(": Won") for title in titles)
    assert all(
        entry.link.startswith(f"http://testserver{campaign.url}")
        for entry in english.entries
    )
    spanish_feed = feed(client, "/es/novedades.atom")
    titles_es = [entry.title for entry in spanish_feed.entries]
    assert f"{campaign_es.title}: Se presentó la ordenanza" in titles_es
    assert not any(UPDATE in title or "Won" in title for title in titles_es)
    assert len(titles_es) == len(titles)
    assert all(
        entry.link.startswith(f"http://testserver{campaign_es.url}")
        for entry in spanish_feed.entries
    )
