"""Campaign sign-ups: one list per campaign, whichever language people signed up in."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Signup(models.Model):
    """A neighbour who asked to hear from a campaign. Personal data: not translated."""

    campaign = models.ForeignKey(
        "campaigns.CampaignPage",
        verbose_name=_("campaign"),
        on_delete=models.PROTECT,
        related_name="signups",
        help_text=_("The campaign's page in its original language."),
    )
    name = models.CharField(_("name"), max_length=120)
    email = models.EmailField(_("email"))
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    zip_code = models.CharField(_("ZIP code"), max_length=10, blank=True)
    language = models.CharField(
        _("preferred language"), max_length=5, choices=settings.LANGUAGES
    )
    signed_up_in = models.CharField(
        _("signed up in"),
        max_length=5,
        choices=settings.LANGUAGES,
        help_text=_("The language of the page the form was on."),
    )
    consent = models.BooleanField(_("agreed to be contacted"))
    created_at = models.DateTimeField(
        _("signed up at"), auto_now_add=True, db_index=True
    )

    class Meta:
        verbose_name = _("sign-up")
        verbose_name_plural = _("sign-ups")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.name} – {self.campaign}"
