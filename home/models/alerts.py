"""Urgent alerts: a short message shown on every public page, in the visitor's
language, from its start to its end time.

An alert is a public snippet, so it is drafted, reviewed by the moderators and
translated through wagtail-localize like every other. A language shows only its
own live alerts: an English alert whose Spanish translation is not live yet is
not shown on Spanish pages (a Spanish reader never meets English); the admin's
alert list and the English alert's edit view tell staff so.
"""

from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .base import open_to_all
from .snippets import PublicSnippet


class AlertQuerySet(models.QuerySet):
    def upcoming(self, language_code, now=None):
        """Live alerts in this language that have not ended yet, soonest first."""
        return self.filter(
            live=True,
            locale__language_code=language_code,
            ends_at__gt=now or timezone.now(),
        ).order_by("starts_at", "pk")


class Alert(PublicSnippet, models.Model):
    """A short, timed message on every public page: a meeting moved, an action today."""

    review_interval = None  # never due: an alert ends by itself

    class Level(models.TextChoices):
        NOTICE = "notice", _("Notice")
        URGENT = "urgent", _("Urgent")

    message = models.CharField(
        _("message"),
        max_length=280,
        help_text=_("One or two short sentences, read on every page of the site."),
    )
    level = models.CharField(
        _("level"),
        max_length=10,
        choices=Level.choices,
        default=Level.NOTICE,
        help_text=_(
            "Urgent alerts are read out at once by screen readers; use them "
            "only for what cannot wait."
        ),
    )
    starts_at = models.DateTimeField(_("shown from"))
    ends_at = models.DateTimeField(_("shown until"))
    link_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("link to a page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Visitors land on the page in their own language."),
    )
    link_url = models.URLField(
        _("or link to another site"),
        blank=True,
        help_text=_("Used when no page is chosen."),
    )
    link_text = models.CharField(
        _("link text"),
        max_length=80,
        blank=True,
        help_text=_('What the link leads to, for example "Read the new date".'),
    )

    objects = AlertQuerySet.as_manager()

    panels = [
        FieldPanel("message"),
        FieldPanel("level"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        MultiFieldPanel(
            [FieldPanel("link_page"), FieldPanel("link_url"), FieldPanel("link_text")],
            heading=_("Link (optional)"),
        ),
    ]
    search_fields = [index.SearchField("message"), index.FilterField("locale")]
    # Read by visitors, so translated: the message and the link's text. The times
    # and the level are the same alert in both languages; the page is copied as it
    # is and shown through .localized, so a Spanish alert links the Spanish page.
    translatable_fields = [
        TranslatableField("message"),
        TranslatableField("link_text"),
        SynchronizedField("level"),
        SynchronizedField("starts_at"),
        SynchronizedField("ends_at"),
        SynchronizedField("link_page"),
        SynchronizedField("link_url"),
    ]
    # Shown on every page: publishing, withdrawing or deleting it purges them all.
    shown_on_every_page = True

    class Meta(PublicSnippet.Meta):
        verbose_name = _("alert")
        verbose_name_plural = _("alerts")
        ordering = ["-starts_at"]

    def __str__(self):
        return self.message

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The alert must end after it starts.")})
        if (self.link_page_id or self.link_url) and not self.link_text:
            raise ValidationError(
                {"link_text": _("Say where the link leads, so every visitor knows.")}
            )
        if self.link_text and not (self.link_page_id or self.link_url):
            raise ValidationError(
                {"link_text": _("Choose a page or give an address for the link.")}
            )

    def shown(self):
        """What a page needs to show it, read once and kept with the language's
        other alerts (no database access afterwards)."""
        url = ""
        if self.link_page_id:
            # Only a page anyone may open: no restriction on it or above it in
            # any language. The page cache purges every page when a linked page
            # is withdrawn or made private (bpnc_site/page_cache/purging.py).
            page = self.link_page.localized
            if open_to_all(Page.objects.filter(pk=page.pk)).exists():
                url = page.url
        return ShownAlert(
            message=self.message,
            level=self.level,
            starts_at=self.starts_at,
            ends_at=self.ends_at,
            link_url=url or self.link_url,
            link_text=self.link_text,
        )


@dataclass(frozen=True)
class ShownAlert:
    """An alert as a page shows it."""

    message: str
    level: str
    starts_at: datetime
    ends_at: datetime
    link_url: str
    link_text: str

    @property
    def role(self):
        """How assistive technology announces it: urgent ones at once."""
        return "alert" if self.level == Alert.Level.URGENT else "status"

    @property
    def level_label(self):
        return Alert.Level(self.level).label

    def showing_at(self, moment):
        return self.starts_at <= moment < self.ends_at


def showing(alerts, now):
    """The alerts to show at this moment, urgent ones first."""
    current = [alert for alert in alerts if alert.showing_at(now)]
    return sorted(current, key=lambda alert: alert.level != Alert.Level.URGENT)


def next_change(alerts, now):
    """The first moment after now when an alert appears or goes, or None."""
    moments = [
        moment
        for alert in alerts
        for moment in (alert.starts_at, alert.ends_at)
        if moment > now
    ]
    return min(moments, default=None)
