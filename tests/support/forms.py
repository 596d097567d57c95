"""What the admin's page editor posts, built as its form sends it."""

from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)


def campaign_form(people=(), policy_areas=(), organisations=(), updates=(), **fields):
    """The campaign editor's form with one demand; people as (person, role),
    organisations as (organisation, role), policy areas as pages, updates as
    (date, what happened)."""
    data = {
        "title": "Safe Streets",
        "slug": "safe-streets",
        "status": "active",
        "summary": "Safer streets for Brighton Park.",
        "introduction": rich_text("<p>Why this matters.</p>"),
        "demands": streamfield(
            [
                (
                    "demand",
                    {
                        "demand": "Fund crossing guards",
                        "kind": "funding",
                        "amount": "250000",
                        "bills": streamfield([]),
                        "who_must_act": "City Council",
                        "decision_maker": "",
                        "script": "",
                        "status": "campaigning",
                        "detail": rich_text(""),
                    },
                )
            ]
        ),
        "body": streamfield([]),
        "organisations": inline_formset(
            [{"organisation": org.pk, "role": role} for org, role in organisations]
        ),
        "people": inline_formset(
            [{"person": person.pk, "role": role} for person, role in people]
        ),
        "policy_area_links": inline_formset(
            [{"policy_area": area.pk} for area in policy_areas]
        ),
        "updates": inline_formset(
            [
                {"date": date.isoformat(), "title": title, "text": rich_text("")}
                for date, title in updates
            ]
        ),
        "signup_enabled": "on",
        "signup_count_threshold": "25",
        **fields,
    }
    return nested_form_data(data)
