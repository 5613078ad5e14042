"""Small helpers the tests share: where the sample programs are, and findings of a source."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from taskleak.api import check_source
from taskleak.model import Finding

REPO = Path(__file__).resolve().parent.parent
TESTS = REPO / "tests"
FIXTURES = REPO / "fixtures"  # whole programs: the seeds' voice chat server, the runtime demo
RULE_CASES = TESTS / "rules"  # one folder per rule: detection cases, and fixes/ pairs
# Folders of small programs, each `NAME.py` with its `NAME.expected.json` beside it.
CASE_DIRS = sorted([*(d for d in RULE_CASES.iterdir() if d.is_dir() and d.name[0].isalpha()),
                    TESTS / "analysis" / "spawn_forms", TESTS / "analysis" / "traps"])
EXPECTED_SUFFIX = ".expected.json"


def case_files() -> list[Path]:
    """Every detection case program."""
    return sorted(p for d in CASE_DIRS for p in d.glob("*.py"))


def sample_files() -> list[Path]:
    """Every real-looking program the tests run taskleak on (cases and fixtures)."""
    return sorted([*case_files(), *FIXTURES.rglob("*.py")])


def analyze_source(code: str, display: str = "<string>",
                   spawners: Sequence[str] = ()) -> list[Finding]:
    """The findings `taskleak check` gives for one module's source (every rule)."""
    result = check_source(code, display, spawners)
    assert not result.skipped, result.skipped
    return result.findings
