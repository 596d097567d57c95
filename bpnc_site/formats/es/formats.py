"""Spanish as written in Chicago's Mexican and Latin American community: dates in
Spanish words, and numbers grouped as on US dollar amounts ($100,000)."""

from django.conf.locale.es_MX.formats import *  # noqa: F403
