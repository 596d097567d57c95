"""Blocks for policy positions."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from home.blocks import BaseStreamBlock


class BillListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        label=_("Heading"), required=False, default="", max_length=120
    )
    bills = blocks.ListBlock(
        SnippetChooserBlock("policy.Bill"), label=_("Bills"), min_num=1
    )

    class Meta:
        icon = "doc-full"
        label = _("Bills we track")
        template = "policy/blocks/bill_list.html"
        description = _("A list of bills with their number, title and status.")


class PositionStreamBlock(BaseStreamBlock):
    bills = BillListBlock()
