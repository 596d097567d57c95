"""The drill's two releases, and the checks that no page is stale after them.

The first changes the site's stylesheet, as a real one does: the CSS is
changed in a copy of the static files and collected into a new STATIC_ROOT,
so it gets a new fingerprinted name and the old name is not in the new folder,
just as in a new image. After its rolling restart every page read through the
proxy must link stylesheets that answer, none from before the release.

The second changes one template only (the footer gains a line): the app servers
run from a copy of the project's files with that change, as a new image would
hold them. After its rolling restart every page on every server must show the
line. RELEASE is left alone in both: the stored pages and their parts must
follow the code, templates and static files by themselves.
"""

import json
import re
import shutil
import sys
import urllib.error
import urllib.request
from pathlib import Path

from tests.support.site import PROJECT_DIR

STATIC_SOURCE = PROJECT_DIR / "bpnc_site" / "static"
CHANGED = "css/site.css"
# collectstatic from the changed copy. Django's manifest storage fingerprints the
# files as whitenoise's does, without compressing each of them again (a quarter
# of a minute on two cores): what is checked is the names pages link.
COLLECT = """\
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
storages = {{
    **settings.STORAGES,
    "staticfiles": {{
        "BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"
    }},
}}
with override_settings(STATICFILES_DIRS=[{source!r}], STORAGES=storages):
    call_command("collectstatic", interactive=False, verbosity=0)
"""
LINK = re.compile(r"<link\b[^>]*>", re.IGNORECASE)
HREF = re.compile(r'\bhref="([^"]+)"')
STYLESHEET = re.compile(r'\brel="stylesheet"', re.IGNORECASE)
CHECK_TIMEOUT = 30  # seconds per request


def prepare(env, folder):
    """The release's environment, and the command collecting its static files
    (it needs no database, so it can run while the site is built)."""
    source = folder / "release-static-source"
    shutil.copytree(STATIC_SOURCE, source)
    with (source / CHANGED).open("a", encoding="utf-8") as css:
        css.write("\n/* The drill's release: a changed stylesheet. */\n")
    release_env = {**env, "STATIC_ROOT": str(folder / "release-static")}
    collect = COLLECT.format(source=str(source))
    return release_env, [sys.executable, "manage.py", "shell", "-v0", "-c", collect]


# What the template-only release changes, and the line every page then shows.
TEMPLATE = Path("bpnc_site/templates/components/footer.html")
RELEASE_LINE = "[drill release 2]"
COPY_IGNORED = shutil.ignore_patterns(
    ".git", ".venv", "node_modules", "__pycache__", "var", "media", "staticfiles"
)


def prepare_template_release(folder):
    """A copy of the project's files whose footer shows RELEASE_LINE: the
    folder the release's app servers run from."""
    tree = Path(folder) / "release-2-source"
    shutil.copytree(PROJECT_DIR, tree, ignore=COPY_IGNORED, symlinks=True)
    footer = tree / TEMPLATE
    text = footer.read_text(encoding="utf-8")
    marker = "    </footer>"
    if marker not in text:
        raise RuntimeError(f"{TEMPLATE} no longer ends its footer with {marker!r}")
    footer.write_text(
        text.replace(marker, f"        <p>{RELEASE_LINE}</p>\n{marker}", 1),
        encoding="utf-8",
    )
    return tree


def static_root(env):
    return Path(env["STATIC_ROOT"])


def fetch(url):
    """(status, text) of a GET, without raising for error statuses."""
    try:
        with urllib.request.urlopen(url, timeout=CHECK_TIMEOUT) as response:
            return response.status, response.read().decode(errors="replace")
    except urllib.error.HTTPError as error:
        return error.code, ""


def stylesheets(html):
    return [
        HREF.search(link).group(1)
        for link in LINK.findall(html)
        if STYLESHEET.search(link) and HREF.search(link)
    ]


def stylesheets_served(base_url, paths):
    """Every stylesheet the pages link, read through the proxy."""
    found = set()
    for path in paths:
        found.update(stylesheets(fetch(base_url + path)[1]))
    return found


def gone(before, static_root):
    """The stylesheets linked before the release that the release does not have."""
    manifest = json.loads((static_root / "staticfiles.json").read_text())
    return before - {f"/static/{name}" for name in manifest["paths"].values()}


def stale_pages(base_url, paths, gone, servers=2):
    """(pages read, [(path, why)]) for pages linking a stylesheet the release
    does not have, or one that does not answer 200. Each page and stylesheet is
    read once per app server (the proxy takes turns)."""
    stale, read = [], 0
    for path in paths:
        for _ in range(servers):
            status, html = fetch(base_url + path)
            read += 1
            sheets = stylesheets(html)
            if status != 200 or not sheets:
                stale.append(
                    (path, f"answered {status} with {len(sheets)} stylesheets")
                )
            for sheet in sheets:
                answers = {fetch(base_url + sheet)[0] for _ in range(servers)}
                if sheet in gone:
                    stale.append((path, f"links {sheet} from before the release"))
                elif answers != {200}:
                    stale.append((path, f"links {sheet}, which answers {answers}"))
    return read, stale
