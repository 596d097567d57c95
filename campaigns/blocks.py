"""Blocks for campaign pages: demands and merch."""

from urllib.parse import quote

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from home.blocks import BaseStreamBlock

from .money import format_dollars

DEMAND_KINDS = [
    ("funding", _("Funding")),
    ("legislation", _("Legislation")),
    ("policy_change", _("Policy change")),
    ("stop", _("Stop")),
    ("restore", _("Restore")),
]

DEMAND_STATUSES = [
    ("campaigning", _("We are campaigning")),
    ("won", _("Won")),
    ("partly_won", _("Partly won")),
    ("stalled", _("Stalled")),
    ("lost", _("Not won")),
]


class DemandStructValue(blocks.StructValue):
    def chosen_bills(self):
        """Published bills only; a deleted bill leaves an empty slot."""
        return [
            bill for bill in self.get("bills") or [] if bill is not None and bill.live
        ]

    def amount_display(self):
        return format_dollars(self.get("amount"))

    def kind_label(self):
        return dict(DEMAND_KINDS).get(self.get("kind"), "")

    def status_label(self):
        return dict(DEMAND_STATUSES).get(self.get("status"), "")

    def decision_maker_to_press(self):
        """The chosen decision-maker, when published and reachable by phone or
        email; None otherwise, and then nothing offers to call or write."""
        person = self.get("decision_maker")
        if person is None or not person.live or not (person.phone or person.email):
            return None
        return person

    def mailto_href(self):
        person = self.decision_maker_to_press()
        if person is None or not person.email:
            return ""
        subject = quote(self.get("demand") or "", safe="")
        body = quote(self.get("script") or "", safe="")
        return f"mailto:{person.email}?subject={subject}&body={body}"


class DemandBlock(blocks.StructBlock):
    demand = blocks.CharBlock(
        label=_("Demand"),
        max_length=200,
        help_text=_(
            'The demand in one line, for example "Reopen our mental health clinics".'
        ),
    )
    detail = blocks.RichTextBlock(
        label=_("Detail"),
        required=False,
        default="",
        features=["bold", "italic", "link", "ul"],
        help_text=_("Why it matters and what exactly we ask. Optional."),
    )
    kind = blocks.ChoiceBlock(label=_("Kind of demand"), choices=DEMAND_KINDS)
    amount = blocks.IntegerBlock(
        label=_("Amount (US dollars)"),
        required=False,
        min_value=0,
        help_text=_("Whole dollars, digits only: 58000000 for $58 million."),
    )
    bills = blocks.ListBlock(
        SnippetChooserBlock("policy.Bill"),
        label=_("Bills"),
        min_num=0,
        default=[],
        help_text=_("The bills this demand rests on, if any."),
    )
    who_must_act = blocks.CharBlock(
        label=_("Who must act"),
        required=False,
        default="",
        max_length=120,
        help_text=_(
            'For example "City Council", "Mayor", "Illinois General Assembly".'
        ),
    )
    decision_maker = SnippetChooserBlock(
        "people.DecisionMaker",
        label=_("Decision-maker to press"),
        required=False,
        help_text=_(
            "Who neighbours should call or write to. With a public phone or email, "
            "the demand offers to call or write to them."
        ),
    )
    script = blocks.TextBlock(
        label=_("What to say"),
        required=False,
        default="",
        max_length=600,
        help_text=_(
            "A short script for the call or the email, in the page's language. "
            "Translated with the page."
        ),
    )
    status = blocks.ChoiceBlock(
        label=_("Status"), choices=DEMAND_STATUSES, default="campaigning"
    )

    class Meta:
        icon = "tick-inverse"
        label = _("Demand")
        template = "campaigns/blocks/demand.html"
        value_class = DemandStructValue
        preview_value = {
            "demand": "Reopen our public mental health clinics",
            "kind": "restore",
            "status": "campaigning",
            "who_must_act": "City of Chicago",
            "bills": [],
        }
        description = _("One thing the campaign asks for, with who must act on it.")


class DemandStreamBlock(blocks.StreamBlock):
    demand = DemandBlock()


class MerchItemStructValue(blocks.StructValue):
    def price_display(self):
        return format_dollars(self.get("price"))


class MerchItemBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"), required=False)
    title = blocks.CharBlock(label=_("Item"), max_length=120)
    artist = blocks.CharBlock(
        label=_("Artist"),
        required=False,
        default="",
        max_length=120,
        help_text=_("The local artist who made it."),
    )
    price = blocks.IntegerBlock(
        label=_("Price (US dollars)"), required=False, min_value=0
    )
    url = blocks.URLBlock(label=_("Where to buy it"), required=False, default="")

    class Meta:
        icon = "tag"
        label = _("Merch item")
        template = "campaigns/blocks/merch_item.html"
        value_class = MerchItemStructValue
        preview_value = {"title": "T-shirt", "artist": "", "price": 25, "url": ""}
        description = _("Something people can buy to support the campaign.")


class CampaignStreamBlock(BaseStreamBlock):
    merch_item = MerchItemBlock()
