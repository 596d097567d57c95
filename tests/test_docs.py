"""The documents name only what exists: every make target, manage.py command,
repository path and link in README.md and docs/*.md."""

import re
from pathlib import Path

from django.core.management import get_commands

from tests.support.site import PROJECT_DIR

DOCUMENTS = [PROJECT_DIR / "README.md", *sorted((PROJECT_DIR / "docs").glob("*.md"))]
# What a repository path starts with; anything else in backquotes (a URL path, a
# runtime folder such as var/ or media/, a setting) is not checked.
TOP_LEVEL = {
    ".ci",
    ".env.example",
    "Dockerfile",
    "Makefile",
    "README.md",
    "bench",
    "bpnc_site",
    "campaigns",
    "docker-compose.yml",
    "docs",
    "home",
    "loadtest",
    "locales",
    "manage.py",
    "people",
    "policy",
    "pyproject.toml",
    "tests",
    "uv.lock",
}
FENCE = re.compile(r"^```.*?^```", re.MULTILINE | re.DOTALL)
SPAN = re.compile(r"`([^`\n]+)`")
LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")


def code(document):
    """The document's code: fenced blocks and inline spans."""
    text = document.read_text(encoding="utf-8")
    fenced = FENCE.findall(text)
    return fenced + SPAN.findall(FENCE.sub("", text))


def make_targets():
    makefile = (PROJECT_DIR / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([a-z][a-z-]*):", makefile, re.MULTILINE))


def named(pattern):
    return [
        (document.name, name)
        for document in DOCUMENTS
        for snippet in code(document)
        for name in re.findall(pattern, snippet)
    ]


def repository_paths(document):
    for snippet in SPAN.findall(FENCE.sub("", document.read_text(encoding="utf-8"))):
        for word in snippet.split():
            path = word.strip(".,;:()")
            if path.split("/")[0] in TOP_LEVEL and not re.search(r"[<…*{$]", path):
                yield path


def test_the_documents_are_found():
    assert {document.name for document in DOCUMENTS} >= {
        "README.md",
        "staff.md",
        "traduccion.md",
        "operations.md",
        "development.md",
    }


def test_every_make_target_named_exists():
    targets = make_targets()
    missing = [f"{doc}: make {name}" for doc, name in named(r"\bmake ([a-z][a-z-]*)")]
    assert [entry for entry in missing if entry.split()[-1] not in targets] == []


def test_every_manage_py_command_named_exists():
    commands = get_commands()
    missing = [
        f"{doc}: manage.py {name}"
        for doc, name in named(r"manage\.py ([a-z_]+)")
        if name not in commands
    ]
    assert missing == []


def test_every_repository_path_named_exists():
    missing = [
        f"{document.name}: {path}"
        for document in DOCUMENTS
        for path in repository_paths(document)
        if not (PROJECT_DIR / path).exists()
    ]
    assert missing == []


def test_every_link_to_a_file_leads_to_one():
    missing = [
        f"{document.name}: {target}"
        for document in DOCUMENTS
        for target in LINK.findall(document.read_text(encoding="utf-8"))
        if "://" not in target and not (document.parent / target).exists()
    ]
    assert missing == []


def test_every_link_to_a_section_leads_to_one():
    missing = []
    for document in DOCUMENTS:
        text = document.read_text(encoding="utf-8")
        for target, anchor in re.findall(r"\]\(([^)#\s]*)#([^)\s]+)\)", text):
            linked = (document.parent / target) if target else document
            if anchor not in anchors(linked):
                missing.append(f"{document.name}: {target}#{anchor}")
    assert missing == []


def anchors(document):
    """GitHub's anchors for the document's headings."""
    headings = re.findall(
        r"^#+ (.+)$", FENCE.sub("", document.read_text(encoding="utf-8")), re.M
    )
    return {
        re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")
        for heading in headings
    }


def test_every_screenshot_in_the_guides_is_taken_by_the_test_that_walks_its_screen():
    from tests.support.screenshots import DOCS_SCREENSHOTS, GUIDE_SCREENSHOTS

    shown = {
        Path(link).stem
        for document in DOCUMENTS
        for link in LINK.findall(document.read_text(encoding="utf-8"))
        if link.startswith("screenshots/")
    }
    kept = {path.stem for path in DOCS_SCREENSHOTS.glob("*.png")}
    assert shown == kept == set(GUIDE_SCREENSHOTS)
    for name, test_file in GUIDE_SCREENSHOTS.items():
        walk = (PROJECT_DIR / test_file).read_text(encoding="utf-8")
        assert f'"{name}"' in walk, f"{test_file} does not take {name}"
