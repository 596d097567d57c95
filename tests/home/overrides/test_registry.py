"""The overrides registry: one entry per reach into a package's internals, each
complete, and pinned to the package versions it was checked against."""

import importlib.metadata
import re

from home.overrides import CHECKED_WITH, OVERRIDES, to_recheck
from tests.support.site import PROJECT_DIR

EFFECT_TESTS = PROJECT_DIR / "tests" / "home" / "overrides" / "test_in_effect.py"
# A repository path in an entry's "where": a file with one of these endings.
PATH = re.compile(r"[\w.-]+/[\w./-]+\.(?:py|html|css|po)\b")


def installed_versions():
    return {package: importlib.metadata.version(package) for package in CHECKED_WITH}


def recheck_message(stale):
    return "\n".join(
        f"{package} {installed} is installed; the overrides were checked with "
        f"{checked}. Check these entries of home/overrides/__init__.py and their "
        f"tests, then set CHECKED_WITH[{package!r}] = {installed!r}: "
        + ", ".join(names)
        for package, (checked, installed, names) in stale.items()
    )


def test_the_installed_packages_are_the_versions_the_overrides_were_checked_with():
    stale = to_recheck(installed_versions())
    assert not stale, recheck_message(stale)


def test_a_version_change_names_the_entries_to_check_again():
    installed = {**installed_versions(), "wagtail-localize": "1.15.0"}
    stale = to_recheck(installed)
    assert list(stale) == ["wagtail-localize"]
    checked, found, names = stale["wagtail-localize"]
    assert (checked, found) == (CHECKED_WITH["wagtail-localize"], "1.15.0")
    assert "localize-date-format" in names and "route-for-request" not in names


def test_every_entry_says_what_where_why_and_how_to_remove_it():
    names = [entry.name for entry in OVERRIDES]
    assert len(names) == len(set(names))
    for entry in OVERRIDES:
        assert entry.what and entry.where and entry.why and entry.remove, entry.name
        assert set(entry.packages) <= CHECKED_WITH.keys(), entry.name


def test_every_path_an_entry_names_exists():
    missing = [
        f"{entry.name}: {path}"
        for entry in OVERRIDES
        for path in PATH.findall(entry.where)
        if not (PROJECT_DIR / path).exists()
    ]
    assert missing == []


def test_every_pinned_package_has_an_entry_and_every_entry_a_test():
    """Each entry's test in test_in_effect.py is named after it
    (localize-date-format: test_localize_date_format_...)."""
    assert {package for entry in OVERRIDES for package in entry.packages} == set(
        CHECKED_WITH
    )
    tests = re.findall(r"^def (test_\w+)", EFFECT_TESTS.read_text(), re.MULTILINE)
    untested = [
        entry.name
        for entry in OVERRIDES
        if not any(
            test.startswith(f"test_{entry.name.replace('-', '_')}_") for test in tests
        )
    ]
    assert untested == []


def test_the_development_guide_lists_every_entry():
    guide = (PROJECT_DIR / "docs" / "development.md").read_text(encoding="utf-8")
    assert [entry.name for entry in OVERRIDES if f"`{entry.name}`" not in guide] == []
