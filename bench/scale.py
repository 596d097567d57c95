"""The content-scale section of ``make bench``: the same pages and admin screens
with the seed's content, then grown tenfold and a hundredfold
(tests/support/scale.py), so growth in cost shows.

Run by bench/run.py as ``python -m bench.scale RESULTS_JSON`` on the bench's own
throwaway site (production settings, page cache off, nothing stored: every
request renders afresh). Each screen is requested in-process, one thread, for a
fixed time; SQL queries are counted on one more request. Publishing the sample
campaign (its purge included) is timed and counted at each scale too.
"""

import json
import sys
import time
from pathlib import Path

import django
from django.db import connection
from django.test.utils import CaptureQueriesContext

FACTORS = (1, 10, 100)
SECONDS_PER_SCREEN = 1.5
MAX_REQUESTS = 200


def screens():
    """{name: (URL, signed in as staff?)}, read afresh at each scale."""
    from django.urls import reverse

    from campaigns.models import CampaignIndexPage, CampaignPage
    from tests.support.seed import SAMPLE_CAMPAIGN, seed_page, seed_path

    english = CampaignPage.objects.filter(locale__language_code="en")
    largest = max(english, key=lambda page: len(page.demands) + len(page.body))
    spanish = largest.get_translation(_locale("es"))
    index = CampaignIndexPage.objects.get(locale__language_code="en").pk
    return {
        "campaign page (en)": (seed_path(SAMPLE_CAMPAIGN), False),
        "campaign page (es)": (seed_page(SAMPLE_CAMPAIGN, "es").url, False),
        "campaign index (en)": (seed_path("campaigns"), False),
        "home (es)": ("/es/", False),
        "admin: dashboard": (reverse("wagtailadmin_home"), True),
        "admin: page explorer": (reverse("wagtailadmin_explore", args=[index]), True),
        "admin: campaign editor": (
            reverse("wagtailadmin_pages:edit", args=[largest.pk]),
            True,
        ),
        "admin: translation report": (reverse("translation_report"), True),
        "admin: sign-up list": (reverse("campaigns_signup_modeladmin_index"), True),
        "admin: translation editor": (
            reverse("wagtailadmin_pages:edit", args=[spanish.pk]),
            True,
        ),
    }


def _locale(code):
    from wagtail.models import Locale

    return Locale.objects.get(language_code=code)


def measure(client, url):
    response = client.get(url)
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")
    done, started = 0, time.perf_counter()
    while done < MAX_REQUESTS and time.perf_counter() - started < SECONDS_PER_SCREEN:
        client.get(url)
        done += 1
    rate = done / (time.perf_counter() - started)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return {"rate": rate, "queries": len(queries)}


def publish_sample():
    """Seconds and queries to publish the sample campaign, purge included."""
    from django.db import transaction

    from tests.support.seed import seed_page

    page = seed_page()
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        with transaction.atomic():
            page.save_revision().publish()
    return {"seconds": time.perf_counter() - started, "queries": len(queries)}


def staff_client():
    from django.contrib.auth import get_user_model
    from django.test import Client

    user, _ = get_user_model().objects.get_or_create(
        username="bench-staff", defaults={"is_superuser": True, "is_staff": True}
    )
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    return client


def main(results_path):
    django.setup()
    from django.test import Client

    from tests.support.scale import add_scaled_content, content_now

    visitor, staff = Client(HTTP_HOST="127.0.0.1"), staff_client()
    results = []
    for factor in FACTORS:
        add_scaled_content(factor, translations=factor // 2)
        measured = {
            name: measure(staff if signed_in else visitor, url)
            for name, (url, signed_in) in screens().items()
        }
        results.append(
            {
                "factor": factor,
                "content": vars(content_now()),
                "screens": measured,
                "publish": publish_sample(),
            }
        )
        sys.stderr.write(f"bench: content at {factor}× measured\n")
    Path(results_path).write_text(json.dumps(results), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1])
