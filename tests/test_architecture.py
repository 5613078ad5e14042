"""The architecture holds: import-linter's contracts bite, and rule codes live in the rules package.

The contracts are in `pyproject.toml` under `[tool.importlinter]`; `lint-imports` checks them.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
import tokenize
from pathlib import Path

import pytest
from helpers import REPO

SRC = REPO / "src"
PACKAGE = SRC / "taskleak"
LAYERS_CONTRACT = "the pipeline's layers"
CIRCLES_CONTRACT = "no import circles"

# Imports from a lower layer up to a higher one: the analysis may not know about fix advice,
# nor the rewriter (a fix kind) about the advice that chooses among the kinds.
UPWARD = [
    (Path("taskleak/analysis/classify.py"), "taskleak.advice.offers", "taskleak.analysis",
     "taskleak.advice"),
    (Path("taskleak/fixes/kinds/tracked_set.py"), "taskleak.advice.offers", "taskleak.fixes",
     "taskleak.advice"),
    (Path("taskleak/advice/offers.py"), "taskleak.fixer.apply", "taskleak.advice",
     "taskleak.fixer"),
]


def _lint_imports() -> str:
    """The `lint-imports` of this Python's environment (activated or not), else the one on PATH."""
    beside = Path(sys.executable).with_name("lint-imports")
    if beside.is_file():
        return str(beside)
    found = shutil.which("lint-imports")
    if found is None:
        pytest.skip("lint-imports is not installed (pip install import-linter; in the test extra)")
    return found


def _run_lint_imports(src: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """`lint-imports` with the repository's contracts, on the `taskleak` package under `src`."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    return subprocess.run(
        [_lint_imports(), "--config", str(cwd / "pyproject.toml"), "--no-cache"],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=300,
    )


def _layers_section(output: str) -> str:
    """The broken-contract report of the layers contract (after the summary's list)."""
    _, _, broken = output.partition("Broken contracts")
    return broken


def _lint_imports_with(tmp_path: Path, into: Path, imported: str) -> tuple[int, str]:
    """`lint-imports` (exit code, output) on a copy of the package where the module `into`
    (a path under src/) also imports `imported`."""
    shutil.copytree(PACKAGE, tmp_path / "src" / "taskleak",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    target = tmp_path / "src" / into
    source = target.read_text(encoding="utf-8")
    # after the module docstring and `from __future__` line, so the copy still compiles
    anchor = "from __future__ import annotations\n"
    assert anchor in source
    target.write_text(source.replace(anchor, f"{anchor}import {imported}\n", 1),
                      encoding="utf-8")
    result = _run_lint_imports(tmp_path / "src", tmp_path)
    return result.returncode, result.stdout + result.stderr


@pytest.mark.parametrize(("into", "imported", "lower", "higher"), UPWARD,
                         ids=[f"{low}->{high}" for _, _, low, high in UPWARD])
def test_an_upward_import_breaks_the_layers_contract(tmp_path: Path, into: Path, imported: str,
                                                     lower: str, higher: str) -> None:
    returncode, output = _lint_imports_with(tmp_path, into, imported)
    assert returncode == 1, output
    assert f"{LAYERS_CONTRACT} BROKEN" in output
    # the copy was the one analysed, and the report names the injected import
    assert f"{lower} is not allowed to import {higher}" in output
    module = ".".join(into.with_suffix("").parts)
    assert f"{module} -> {imported}" in _layers_section(output)


def test_the_tree_keeps_every_contract() -> None:
    result = _run_lint_imports(SRC, REPO)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert f"{LAYERS_CONTRACT} KEPT" in output
    assert f"{CIRCLES_CONTRACT} KEPT" in output
    assert re.search(r"Contracts: \d+ kept, 0 broken\.", output), output


def test_an_import_back_breaks_the_circles_contract(tmp_path: Path) -> None:
    # the circle taskleak had: the plugin's checks importing the entry point that imports them
    returncode, output = _lint_imports_with(
        tmp_path, Path("taskleak/runtime/checks.py"), "taskleak.pytest_plugin")
    assert returncode == 1, output
    assert f"{CIRCLES_CONTRACT} BROKEN" in output
    _, _, broken = output.partition("Broken contracts")
    assert ".pytest_plugin -> .runtime" in broken or ".runtime -> .pytest_plugin" in broken


# --- rule codes ----------------------------------------------------------------------------

RULE_CODE = re.compile(r"TL\d{3}")
RULES_PACKAGE = PACKAGE / "rules"
# Every token that holds literal text: strings (docstrings included), f-string parts, comments.
LITERAL_TOKENS = {tokenize.STRING, tokenize.COMMENT} | {
    getattr(tokenize, name) for name in ("FSTRING_MIDDLE", "TSTRING_MIDDLE")
    if hasattr(tokenize, name)
}


def rule_code_literals(path: Path) -> list[tuple[int, str]]:
    """(line, code) for every rule code written in a string, docstring or comment of `path`."""
    found = []
    tokens = tokenize.tokenize(io.BytesIO(path.read_bytes()).readline)
    for token in tokens:
        if token.type not in LITERAL_TOKENS:
            continue
        for match in RULE_CODE.finditer(token.string):
            line = token.start[0] + token.string.count("\n", 0, match.start())
            found.append((line, match.group()))
    return found


def test_rule_code_literals_are_found_in_strings_docstrings_and_comments(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text(
        '"""Module docstring.\n\nNames TL101.\n"""\n'
        "CODE = 'TL202'  # and TL001\n"
        "TEXT = f'{CODE} or TL103'\n"
        "TL999 = 1  # a name is not a literal\n",
        encoding="utf-8",
    )
    assert rule_code_literals(module) == [
        (3, "TL101"), (5, "TL202"), (5, "TL001"), (6, "TL103"),
    ]


def test_no_rule_code_outside_the_rules_package() -> None:
    # A rule's code, name and texts belong to its module in taskleak/rules/; everything else asks
    # the registry (RULES, rule_for, a Rule's attributes), so renaming or splitting a rule is
    # one change. Docstrings and comments count: they go stale the same way.
    by_line: dict[str, list[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.is_relative_to(RULES_PACKAGE):
            continue
        for line, code in rule_code_literals(path):
            codes = by_line.setdefault(f"{path.relative_to(REPO).as_posix()}:{line}", [])
            if code not in codes:
                codes.append(code)
    offenders = [f"{where}: {', '.join(codes)}" for where, codes in by_line.items()]
    assert not offenders, (
        f"{len(offenders)} lines write a rule code outside src/taskleak/rules/:\n"
        + "\n".join(offenders)
    )


# --- sizes ---------------------------------------------------------------------------------

MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60


def test_modules_and_functions_stay_small() -> None:
    """A module holds one job and reads in one sitting; a function fits on a screen."""
    import ast

    too_big: list[str] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        where = path.relative_to(REPO).as_posix()
        if text.count("\n") > MAX_MODULE_LINES:
            too_big.append(f"{where}: {text.count(chr(10))} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                assert node.end_lineno is not None
                length = node.end_lineno - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    too_big.append(f"{where}:{node.lineno}: {node.name}() is {length} lines")
    assert not too_big, "\n".join(too_big)


# --- one door ------------------------------------------------------------------------------

# The stages of a session and the only modules that may call each: everything else (the
# command line, the library API, the language server, the tests) goes through
# `taskleak.session.Session`.
DOORS = {
    "collect": {"taskleak/session.py"},
    "analyse_file": {"taskleak/session.py", "taskleak/run/runner.py", "taskleak/run/workers.py"},
    "join": {"taskleak/session.py", "taskleak/run/runner.py"},
    "apply_suppressions": {"taskleak/session.py"},
    "run_fixes": {"taskleak/session.py"},
    "fix_source": {"taskleak/session.py", "taskleak/fixer/apply.py"},
    "fix_file": {"taskleak/fixer/files.py"},
}


def _calls(path: Path) -> set[str]:
    import ast

    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name):
                names.add(func.id)
            elif isinstance(func, ast.Attribute) and func.attr != "join" and not (
                    isinstance(func.value, ast.Name) and func.value.id == "gc"):
                names.add(func.attr)  # not str.join, os.path.join, gc.collect
    return names


def test_one_way_in_to_analyse_and_to_fix() -> None:
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        where = path.relative_to(SRC).as_posix()
        for stage in _calls(path) & set(DOORS):
            if where not in DOORS[stage]:
                offenders.append(f"{where} calls {stage}()")
    assert not offenders, offenders


# A stage's own unit tests may call it; every other test goes through the session.
STAGE_TESTS = {
    "collect": "tests/run/", "run_fixes": "tests/fixes/", "fix_file": "tests/fixes/",
    "apply_suppressions": "tests/suppress/", "join": "tests/project/",
}


def test_no_test_drives_a_stage_past_the_session() -> None:
    """Tests check and fix through the session (or the api and the command line on top of
    it); only a stage's own unit tests call the stage."""
    offenders = []
    for path in sorted((REPO / "tests").rglob("test_*.py")):
        where = path.relative_to(REPO).as_posix()
        for stage in _calls(path) & set(STAGE_TESTS):
            if not where.startswith(STAGE_TESTS[stage]):
                offenders.append(f"{where} calls {stage}()")
    assert not offenders, offenders
