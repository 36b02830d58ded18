"""The test suite's own layout: folders mirror the apps, and helpers are imported from support/."""

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
REPOSITORY = TESTS.parent
# Test folders are named after the apps they test, plus the cross-cutting suites.
CROSS_CUTTING = {"browser", "deploy", "bench", "support"}


def test_every_test_folder_is_named_after_an_app_or_a_cross_cutting_suite():
    apps = {path.parent.name for path in REPOSITORY.glob("*/apps.py")}
    folders = {path.name for path in TESTS.iterdir() if path.is_dir() and path.name[0] != "_"}
    assert folders <= apps | CROSS_CUTTING, folders - apps - CROSS_CUTTING
    assert {"content", "screening", "staff_auth", "clinic_site"} <= folders


def test_no_module_imports_from_a_conftest():
    offenders = []
    for path in TESTS.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            if isinstance(node, ast.ImportFrom) and node.module:
                if node.module.split(".")[-1] == "conftest":
                    offenders.append(f"{path.relative_to(REPOSITORY)}: from {node.module}")
            elif isinstance(node, ast.Import):
                offenders += [
                    f"{path.relative_to(REPOSITORY)}: import {alias.name}"
                    for alias in node.names
                    if alias.name.split(".")[-1] == "conftest"
                ]
    assert not offenders, offenders
