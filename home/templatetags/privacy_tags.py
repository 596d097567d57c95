"""What the privacy page states about keeping data, read from the settings that
make it so (never typed into the page, where it could drift from the truth)."""

from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def retention_periods():
    return {
        "months": settings.SIGNUP_RETENTION_MONTHS,
        "days": settings.SIGNUP_CONFIRMATION_DAYS,
        "hours": settings.OWN_DATA_LINK_HOURS,
    }
