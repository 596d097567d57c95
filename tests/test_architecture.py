"""The layout holds: each room imports only what it builds on, the configuration
package holds configuration only, and the tests mirror the code."""

import ast

import pytest

from tests.support.site import PROJECT_DIR

PROJECT = PROJECT_DIR
APPS = ["home", "people", "policy", "campaigns"]
# What each app may import, besides itself: people and policy build on home,
# campaigns on all three.
MAY_IMPORT = {
    "home": set(),
    "people": {"home"},
    "policy": {"home", "people"},
    "campaigns": {"home", "people", "policy"},
}
FIRST_PARTY = {*APPS, "bpnc_site", "tests", "bench", "loadtest"}
# The configuration package's own modules; features live in its sub-packages.
CONFIGURATION = {"__init__.py", "urls.py", "wsgi.py", "gunicorn.conf.py", "logs.py"}
SITE_ROOMS = {"settings", "cache", "page_cache", "seed", "backups", "http", "formats"}
# Rooms inside packages, each with a test package of the same path.
ROOMS = [
    "bpnc_site/settings",
    "bpnc_site/cache",
    "bpnc_site/page_cache",
    "bpnc_site/seed",
    "bpnc_site/backups",
    "bpnc_site/http",
    "home/editorial",
    "home/overrides",
    "home/outbox",
    "home/search",
    "home/sign_in",
    "campaigns/signups",
    "campaigns/meetings",
]


def imports(path):
    """(imported module, line) for every absolute import in a Python file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module, node.lineno


def python_files(folder):
    return [
        path
        for path in (PROJECT / folder).rglob("*.py")
        if "migrations" not in path.parts
    ]


@pytest.mark.parametrize("app", APPS)
def test_apps_import_only_what_they_build_on(app):
    allowed = {app} | MAY_IMPORT[app]
    offences = [
        f"{path.relative_to(PROJECT)}:{line} imports {module}"
        for path in python_files(app)
        for module, line in imports(path)
        if module.split(".")[0] in FIRST_PARTY - allowed
    ]
    assert offences == []


def test_the_configuration_package_holds_configuration_only():
    site = PROJECT / "bpnc_site"
    modules = {path.name for path in site.glob("*.py")}
    packages = {path.name for path in site.iterdir() if (path / "__init__.py").exists()}
    assert modules <= CONFIGURATION
    assert packages <= SITE_ROOMS


def test_bench_and_loadtest_use_only_the_shared_support_from_tests():
    offences = [
        f"{path.relative_to(PROJECT)}:{line} imports {module}"
        for folder in ("bench", "loadtest")
        for path in python_files(folder)
        for module, line in imports(path)
        if module.startswith("tests") and not module.startswith("tests.support")
    ]
    assert offences == []


def test_no_test_imports_another_test_module():
    offences = [
        f"{path.relative_to(PROJECT)}:{line} imports {module}"
        for path in python_files("tests")
        for module, line in imports(path)
        if module.startswith("tests.")
        and (module.rsplit(".", 1)[-1].startswith(("test_", "conftest")))
    ]
    assert offences == []


def test_every_test_package_holds_tests():
    empty = [
        str(folder.relative_to(PROJECT))
        for folder in (PROJECT / "tests").rglob("*")
        if (folder / "__init__.py").exists()
        and folder.name != "support"
        and not any(folder.rglob("test_*.py"))
    ]
    assert empty == []


@pytest.mark.parametrize("room", [*APPS, *ROOMS])
def test_each_room_has_its_test_package(room):
    assert any((PROJECT / "tests" / room).glob("test_*.py")), f"tests/{room}/"
