"""What a restore must bring back, read from the database Django is using.

The restore drill (test_backup_restore.py) reads these facts in the test process
for the site it backs up, then in a process on the restored database, through
``manage.py shell -c "from tests.support.site_facts import main; main('OUT.json')"``.
"""

import json
import re

from django.test import Client
from wagtail.images.models import Image
from wagtail.models import Page
from wagtail_localize.models import Translation

from campaigns.models import Signup
from home.models import public_snippet_models

SEARCHES = [("/en/search/", "immigrant"), ("/es/buscar/", "inmigrantes")]


def search_results(client, path, query):
    html = client.get(path, {"q": query}).content.decode()
    results = re.search(r'<ol class="search-results".*?</ol>', html, re.S)
    # Pages that rank alike may come in either order.
    return sorted(re.findall(r'href="([^"]+)"', results.group(0))) if results else []


def site_facts(client):
    """Pages (with the status each serves), translations, snippets, sign-ups."""
    pages = [
        [page.pk, page.locale.language_code, page.url_path, page.url, page.live]
        + [page.specific_class.__name__, str(page.translation_key), page.title]
        + [client.get(page.url).status_code if page.live else None]
        for page in Page.objects.filter(depth__gt=1).order_by("pk")
    ]
    return {
        "pages": pages,
        "translations": [
            [str(t.uuid), str(t.source.object_id), t.target_locale.language_code]
            + [t.source.specific_content_type.model, t.enabled]
            for t in Translation.objects.order_by("uuid")
        ],
        "snippets": [
            [model.__name__, obj.pk, str(obj.translation_key)]
            + [obj.locale.language_code, str(obj), obj.live]
            for model in public_snippet_models()
            for obj in model.objects.order_by("pk")
        ],
        "signups": [
            [s.email, s.name, s.campaign_id, s.language, s.signed_up_in]
            + [s.consent, s.created_at.isoformat()]
            for s in Signup.objects.order_by("pk")
        ],
        "images": [[i.title, i.file.name] for i in Image.objects.order_by("pk")],
        "searches": [search_results(client, *search) for search in SEARCHES],
    }


def main(path):
    with open(path, "w", encoding="utf-8") as out:
        json.dump(site_facts(Client()), out)
