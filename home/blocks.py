"""Content blocks shared by every page type."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section heading")), ("h3", _("Sub-heading"))],
        default="h2",
        help_text=_("Use a section heading unless this sits inside another section."),
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "home/blocks/heading.html"
        preview_value = {"text": "How does it work?", "level": "h2"}
        description = _("A heading that starts a new section of the page.")


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    # On the block, not the image, so that it is translated with the page and
    # the Spanish page describes the picture in Spanish.
    alt_text = blocks.CharBlock(
        label=_("Image description"),
        max_length=250,
        help_text=_("What the picture shows, for people who cannot see it."),
    )
    caption = blocks.CharBlock(
        label=_("Caption"),
        required=False,
        default="",
        max_length=250,
        help_text=_("Shown under the image. Leave empty for none."),
    )

    class Meta:
        icon = "image"
        label = _("Image with caption")
        template = "home/blocks/captioned_image.html"
        description = _("A picture with an optional caption.")


class StatisticBlock(blocks.StructBlock):
    figure = blocks.CharBlock(
        label=_("Figure"),
        max_length=30,
        help_text=_('The number as it should read, large: "80%", "$10 million", "12".'),
    )
    label = blocks.CharBlock(
        label=_("What it measures"),
        max_length=200,
        help_text=_("One short sentence that explains the figure."),
    )
    source = blocks.CharBlock(
        label=_("Source"),
        required=False,
        default="",
        max_length=200,
        help_text=_("Where the figure comes from. Leave empty if unknown."),
    )

    class Meta:
        icon = "order"
        label = _("Statistic")


class StatisticsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        label=_("Heading"), required=False, default="", max_length=120
    )
    items = blocks.ListBlock(StatisticBlock(), label=_("Figures"), min_num=1)

    class Meta:
        icon = "order"
        label = _("Figures")
        template = "home/blocks/statistics.html"
        preview_value = {
            "heading": "",
            "items": [{"figure": "80%", "label": "of the city's Black residents"}],
        }
        description = _("Key figures shown large, side by side.")


class StepsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        label=_("Heading"),
        required=False,
        default="",
        max_length=120,
        help_text=_('For example "How does it work?"'),
    )
    steps = blocks.ListBlock(
        blocks.TextBlock(label=_("Step")), label=_("Steps"), min_num=1
    )

    class Meta:
        icon = "list-ol"
        label = _("Steps")
        template = "home/blocks/steps.html"
        preview_value = {
            "heading": "How does it work?",
            "steps": ["A loud noise is detected.", "A technician listens to it."],
        }
        description = _("A numbered list of steps that explain how something works.")


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(
        label=_("Who said it"), required=False, default="", max_length=120
    )

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "home/blocks/quote.html"
        preview_value = {
            "quote": "Together, we can make a difference.",
            "attribution": "",
        }
        description = _("A statement set apart from the text.")


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False, default="")
    page = blocks.PageChooserBlock(
        label=_("Link to a page"),
        required=False,
        help_text=_("Choose a page of this site, or give a web address below."),
    )
    url = blocks.URLBlock(
        label=_("Or link to a web address"), required=False, default=""
    )
    button_text = blocks.CharBlock(
        label=_("Button text"),
        required=False,
        default="",
        max_length=60,
        help_text=_("Needed only when there is a link."),
    )

    class Meta:
        icon = "pick"
        label = _("Call to action")
        template = "home/blocks/call_to_action.html"
        preview_value = {
            "heading": "Check out our merch!",
            "text": "Support the campaign by buying merchandise made by local artists.",
            "url": "",
            "button_text": "",
        }
        description = _("A short invitation to act, with an optional button.")


class BaseStreamBlock(blocks.StreamBlock):
    """The blocks every page body may use."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        icon="pilcrow",
        features=["bold", "italic", "link", "ol", "ul"],
        template="home/blocks/paragraph.html",
        preview_value="<p>We work for social and economic justice.</p>",
        description=_("Text with links and lists."),
    )
    image = CaptionedImageBlock()
    statistics = StatisticsBlock()
    steps = StepsBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    embed = EmbedBlock(
        label=_("Video or embed"),
        icon="media",
        help_text=_("A YouTube or Vimeo address, for example."),
        template="home/blocks/embed.html",
        description=_("A video or other media from another site."),
    )


class StandardStreamBlock(BaseStreamBlock):
    """A plain page's body: every shared block, and what only a privacy notice
    needs."""

    your_data = blocks.StaticBlock(
        label=_("Your data: how long we keep it, how to see or erase it"),
        icon="lock",
        admin_text=_(
            "Shows how long sign-ups are kept (from the site's settings) and links "
            "to the form where people see or erase their data. For the privacy page."
        ),
        template="home/blocks/your_data.html",
    )
