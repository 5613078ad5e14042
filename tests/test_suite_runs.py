"""How the suite runs: the README's test command is what CI runs, in parallel by default, and
the tests marked slow are left out of it and run by CI on their own (`pytest -m slow`)."""

from __future__ import annotations

import ast
import re
import shlex
import subprocess
import sys

import pytest
from helpers import REPO

TIMEOUT = 300  # a bound against hanging, not a timing


def _readme_test_command() -> list[str]:
    """The pytest part of the README's command 2 (`pip install -e '.[test]' && pytest`)."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    match = re.search(r"# 2\. install the test extra.*\n(.*)\n", readme)
    assert match, "README.md has no command 2 (install the test extra and run the tests)"
    install, _, tests = match.group(1).partition("&&")
    assert shlex.split(install) == ["pip", "install", "-e", ".[test]"]
    return shlex.split(tests)


def _ci_pytest_commands() -> list[list[str]]:
    """Every pytest command `.ci/run` runs, without `-q` (quieter output, the same tests)."""
    commands = []
    for line in (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines():
        words = shlex.split(line, comments=True)
        if words[:1] == ["pytest"]:
            commands.append([w for w in words if w != "-q"])
    return commands


def test_ci_runs_the_readme_test_command_and_the_slow_tests() -> None:
    readme = _readme_test_command()
    assert readme == ["pytest"]
    assert _ci_pytest_commands() == [readme, [*readme, "-m", "slow"]]


def _pytest(*args: str) -> subprocess.CompletedProcess[str]:
    """pytest in the checkout, with its configuration (pyproject.toml), as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *args],
        cwd=REPO, capture_output=True, text=True, timeout=TIMEOUT, check=False,
    )


PRECOMMIT = "tests/cli/test_precommit.py"


def _marked_slow(node: ast.FunctionDef) -> bool:
    """`@pytest.mark.slow` above the test: read off the file, beside pytest's own `-m slow`."""
    return any(isinstance(d, ast.Attribute) and d.attr == "slow"
               and ast.unparse(d.value) == "pytest.mark" for d in node.decorator_list)


def test_pytest_runs_on_workers_and_leaves_out_the_slow_tests() -> None:
    pytest.importorskip("xdist", reason="pytest-xdist is not installed (in the test extra)")
    result = _pytest("-v", PRECOMMIT)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    # pytest-xdist's status line: one worker per core, each with the whole collection
    assert re.search(r"^\d+ workers? \[\d+ items?\]$", result.stdout, re.MULTILINE), output
    # "[gw0] [ 50%] PASSED tests/...::test_x"
    ran = set(re.findall(r"\] (?:PASSED|SKIPPED) (\S+::\S+)", result.stdout))
    # every other test of the file ran (none is parametrized); the slow ones did not
    tests = [f for f in ast.parse((REPO / PRECOMMIT).read_text(encoding="utf-8")).body
             if isinstance(f, ast.FunctionDef) and f.name.startswith("test_")]
    every = {f"{PRECOMMIT}::{f.name}" for f in tests}
    # its real pre-commit runs (a hook environment built from this checkout each) are slow
    slow = {f"{PRECOMMIT}::{f.name}" for f in tests if _marked_slow(f)}
    assert len(slow) >= 2 and ran == every - slow, output

    selected = _pytest("--collect-only", "-q", "-m", "slow", PRECOMMIT)
    assert selected.returncode == 0, selected.stdout + selected.stderr
    assert {line for line in selected.stdout.splitlines() if "::" in line} == slow
