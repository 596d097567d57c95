from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField


class CampaignUpdate(TranslatableMixin, Orderable):
    """One dated entry of what happened on a campaign."""

    page = ParentalKey("campaigns.CampaignPage", related_name="updates")
    date = models.DateField(_("date"))
    title = models.CharField(
        _("what happened"),
        max_length=200,
        help_text=_('In one line, for example "The ordinance was introduced".'),
    )
    text = RichTextField(
        _("more detail"), blank=True, features=["bold", "italic", "link"]
    )

    panels = [FieldPanel("date"), FieldPanel("title"), FieldPanel("text")]
    # A date is a fact, the same in both languages.
    translatable_fields = [
        SynchronizedField("date"),
        TranslatableField("title"),
        TranslatableField("text"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("campaign update")
        verbose_name_plural = _("campaign updates")

    def __str__(self):
        return f"{self.date}: {self.title}"


class DemandStatus(models.Model):
    """The status a demand was last published with and since when.

    A demand is known by its campaign's translation key and its block's id,
    both shared by every language. ``since`` stays empty until a published
    revision changes the status: the date of the first publish is not the date
    the status came about.
    """

    translation_key = models.UUIDField(db_index=True)
    block_id = models.CharField(max_length=64)
    status = models.CharField(max_length=20)
    since = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["translation_key", "block_id"], name="one_status_per_demand"
            )
        ]

    def __str__(self):
        return f"{self.block_id}: {self.status} since {self.since}"
