from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="site")
class OrganisationSettings(BaseSiteSetting):
    """Who we are and where to find us, shown in the header and footer of every page."""

    name = models.CharField(
        _("organisation name"),
        max_length=120,
        default="Brighton Park Neighborhood Council",
    )
    short_name = models.CharField(
        _("short name"), max_length=20, blank=True, help_text=_('For example "BPNC".')
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    address = models.TextField(
        _("postal address"),
        blank=True,
        help_text=_("Shown in the footer, one line per line of the address."),
    )
    email = models.EmailField(_("public email"), blank=True)
    phone = models.CharField(_("public phone number"), max_length=40, blank=True)
    facebook_url = models.URLField(_("Facebook page"), blank=True)
    instagram_url = models.URLField(_("Instagram profile"), blank=True)
    x_url = models.URLField(_("X (Twitter) profile"), blank=True)
    youtube_url = models.URLField(_("YouTube channel"), blank=True)
    tiktok_url = models.URLField(_("TikTok profile"), blank=True)
    donate_url = models.URLField(
        _("donation page"), blank=True, help_text=_("Where the Donate link goes.")
    )
    merch_url = models.URLField(
        _("merch shop"), blank=True, help_text=_("Where the Merch link goes.")
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy notice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linked from every sign-up form."),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("short_name"), FieldPanel("logo")],
            heading=_("Identity"),
        ),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("email"), FieldPanel("phone")],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("facebook_url"),
                FieldPanel("instagram_url"),
                FieldPanel("x_url"),
                FieldPanel("youtube_url"),
                FieldPanel("tiktok_url"),
            ],
            heading=_("Social media"),
        ),
        MultiFieldPanel(
            [FieldPanel("donate_url"), FieldPanel("merch_url")], heading=_("Support us")
        ),
        FieldPanel("privacy_page"),
    ]

    class Meta:
        verbose_name = _("organisation settings")

    @classmethod
    def base_queryset(cls):
        # Every page shows the logo and links to the privacy notice.
        return super().base_queryset().select_related("logo", "privacy_page")

    @property
    def social_links(self):
        """(label, url) pairs for the social profiles that are filled in."""
        profiles = [
            ("Facebook", self.facebook_url),
            ("Instagram", self.instagram_url),
            ("X", self.x_url),
            ("YouTube", self.youtube_url),
            ("TikTok", self.tiktok_url),
        ]
        return [(label, url) for label, url in profiles if url]
