"""Apps import in one direction only: home <- people <- policy <- campaigns."""

import ast

import pytest

from tests.support.site import PROJECT_DIR

PROJECT = PROJECT_DIR
ORDER = ["home", "people", "policy", "campaigns"]


def imported_apps(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        for name in names:
            top = name.split(".")[0]
            if top in ORDER or top == "tests":
                yield top, node.lineno


@pytest.mark.parametrize("app", ORDER)
def test_app_imports_only_apps_before_it(app):
    allowed = set(ORDER[: ORDER.index(app) + 1])
    offences = [
        f"{path.relative_to(PROJECT)}:{line} imports {target}"
        for path in (PROJECT / app).rglob("*.py")
        for target, line in imported_apps(path)
        if target not in allowed
    ]
    assert offences == []
