"""A mixed load on the public site: pages in both languages, searches, sign-ups.

Run by loadtest/run.py (``make loadtest``). Every page the sitemap lists may be
visited; sign-ups are posted as a browser posts the form (Origin header, no
redirect followed), each with a new email, and count as acknowledged only when the
site answers with its thank-you redirect. Anything else is a failure.

Every request goes to the host run.py names, whatever the site answers: only the
paths of the sitemap's links are used, and no redirect is followed (one is a
failure, naming where it leads). Sign-ups are tagged, so a run against a running
site can leave them out.
"""

import random
import re
import uuid
from urllib.parse import urlsplit

from locust import HttpUser, between, tag, task

from tests.support.seed import seed_path

SIGN_UP = "sign-up"
SEARCHES = {
    "/en/search/": ["immigrant", "budget", "ShotSpotter", "mental health", "schools"],
    "/es/buscar/": ["inmigrantes", "presupuesto", "ShotSpotter", "salud", "escuelas"],
}
CAMPAIGNS_WITH_FORMS = {
    language: seed_path(language=language) for language in ("en", "es")
}


def kind_of(path):
    """Requests grouped by language and kind, for the report."""
    parts = [part for part in path.split("/") if part]
    kind = ("home", "section", "page")[min(len(parts), 3) - 1]
    return f"{parts[0]} {kind}"


class Neighbour(HttpUser):
    wait_time = between(0.2, 1.0)
    pages = None  # shared by every user: the sitemap's paths

    def visit(self, path, name, **kwargs):
        """GET a path on the named host; a redirect is reported, not followed."""
        with self.client.get(
            path, name=name, allow_redirects=False, catch_response=True, **kwargs
        ) as response:
            if response.is_redirect:
                response.failure(f"redirected to {response.headers['Location']}")
        return response

    def on_start(self):
        if Neighbour.pages is None:
            sitemap = self.visit("/sitemap.xml", name="sitemap.xml").text
            Neighbour.pages = [
                urlsplit(loc).path
                for loc in re.findall(r"<loc>\s*([^<\s]+)\s*</loc>", sitemap)
            ]

    @task(6)
    def read_a_page(self):
        path = random.choice(self.pages)
        self.visit(path, name=kind_of(path))

    @task(2)
    def search(self):
        path, words = random.choice(list(SEARCHES.items()))
        self.visit(path, params={"q": random.choice(words)}, name=f"{path} ?q=")

    @tag(SIGN_UP)
    @task(1)
    def sign_up(self):
        language = random.choice(list(CAMPAIGNS_WITH_FORMS))
        page = CAMPAIGNS_WITH_FORMS[language]
        with self.client.get(
            page, name=kind_of(page), allow_redirects=False, catch_response=True
        ) as shown:
            action = re.search(r'<form method="post" action="([^"#]+)', shown.text)
            if not action:
                shown.failure("no sign-up form on the page")
                return
        action = urlsplit(action.group(1))  # its path only: the same host
        data = {
            "name": "Load Test",
            "email": f"load-{uuid.uuid4().hex}@example.org",
            "zip_code": "60632",
            "language": language,
            "consent": "on",
        }
        with self.client.post(
            action._replace(scheme="", netloc="").geturl(),
            data=data,
            headers={"Origin": self.host, "Referer": f"{self.host}{page}"},
            allow_redirects=False,
            catch_response=True,
            name=SIGN_UP,
        ) as response:
            if response.status_code in (302, 303) and "signed-up=1" in (
                response.headers.get("Location", "")
            ):
                response.success()
            else:
                response.failure(f"not acknowledged: {response.status_code}")
