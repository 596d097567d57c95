"""Spanish as written in Chicago's Mexican and Latin American community: dates in
Spanish words (short dates too, never day/month in figures), and numbers grouped as
on US dollar amounts ($100,000)."""

from django.conf.locale.es_MX.formats import *  # noqa: F403

# Short dates with the month in letters: "07/12/2026" reads as 12 July to anyone
# used to US dates, so the admin and the reports write "7 dic 2026".
SHORT_DATE_FORMAT = "j b Y"
SHORT_DATETIME_FORMAT = "j b Y, H:i"
