"""Proof by execution: every fix kind, on small real programs run before and after the fix.

Each program in `run/programs/` spawns work that waits at a gate (`run/runkit.py`) and says which
fix it needs (`FIX`, `UNSAFE`), how much work finishing means (`EXPECTED_DONE`) and, when it has
one, how it is stopped (`drive_stop`). `run/harness.py` runs it in a subprocess (loopback only,
bounded by loop turns, with a timeout) under `taskleak.runtime.track()`, in two scenarios:
the work finishes, then the owner is stopped; or the owner is stopped while the work is pending.

After the fix, in both: the stop returned without an exception, the loop reported no error and
no task was destroyed while pending. When the work is let finish, it finished, the program's
task sets are empty again and `track()` reports no leak (a coroutine that runs forever,
`RUNS_FOREVER`, is still running: it is kept, and a safe fix does not end it). A safe fix only
keeps a reference, so a stop while the work is pending leaves it pending, as the original did;
an unsafe fix that cancels on close leaves nothing. Before the fix the leak shows: `track()`
reports it (a task destroyed while pending, or left pending after the stop), or, for a set that
only grows, the set still holds the tasks.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from helpers import TESTS, fix_paths

from taskleak.settings import Settings

RUN = TESTS / "fixes" / "run"
PROGRAMS = sorted((RUN / "programs").glob("*.py"))
TIMEOUT = 120  # seconds for one subprocess; the scenarios themselves count loop turns


def constants(path: Path) -> dict[str, Any]:
    """The program's module-level constants (FIX, UNSAFE, EVIDENCE, EXPECTED_DONE ...)."""
    out: dict[str, Any] = {}
    for node in ast.parse(path.read_text()).body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 \
                and isinstance(node.targets[0], ast.Name):
            try:
                out[node.targets[0].id] = ast.literal_eval(node.value)
            except ValueError:
                continue
    return out


def run_program(path: Path) -> dict[str, Any]:
    done = subprocess.run([sys.executable, str(RUN / "harness.py"), str(path)],
                          capture_output=True, text=True, timeout=TIMEOUT, check=False)
    assert done.returncode == 0, done.stderr
    result: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    return result


def fixed_copy(path: Path, folder: Path) -> tuple[Path, list[str]]:
    """The program after `taskleak fix`, as the command runs it (check the copy, fix its
    findings; with its unsafe fixes when it says UNSAFE, its KEEP_HELPER and SPAWN_HELPER)."""
    facts = constants(path)
    settings = Settings(unsafe_fixes=bool(facts.get("UNSAFE")),
                        keep_helper=facts.get("KEEP_HELPER", ""),
                        spawn_helper=facts.get("SPAWN_HELPER", ""))
    target = folder / path.name
    target.write_bytes(path.read_bytes())
    fixes = fix_paths([target], settings)
    assert not fixes.errors, fixes.errors
    return target, [a.kind.value for _, a in fixes.applied]


def assert_sound(result: dict[str, Any], safe: bool = False, forever: bool = False) -> None:
    for name, scenario in result.items():
        assert scenario["stop_error"] is None, (name, scenario)
        assert scenario["loop_errors"] == [], (name, scenario)
        assert not [leak for leak in scenario["leaks"] if leak.startswith("destroyed")], \
            (name, scenario)
        if not (safe and (forever or name == "stop_pending")):
            assert scenario["leaks"] == [], (name, scenario)
            assert scenario["held"] == 0, (name, scenario)
    finish = result["finish"]
    assert finish["done"] == finish["expected_done"], finish


def assert_leaky(result: dict[str, Any], evidence: str) -> None:
    finish = result["finish"]
    if evidence == "none":  # nothing to see at runtime (the program says why)
        return
    if evidence == "held":
        assert finish["held"] > 0, finish
        return
    assert finish["leaks"], finish
    if "stop_pending" in result:
        assert result["stop_pending"]["leaks"] or result["stop_pending"]["stop_error"]


def test_every_fix_kind_has_a_program() -> None:
    from taskleak.model import FixKind

    kinds = {constants(p)["FIX"] for p in PROGRAMS}
    # remove-noqa edits a comment only (the same tree, tests/fixes/test_comment_edits.py):
    # there is nothing to run
    assert kinds == {k.value for k in FixKind if k is not FixKind.REMOVE_NOQA}


@pytest.mark.parametrize("program", PROGRAMS, ids=[p.stem for p in PROGRAMS])
def test_the_fixed_program_runs_clean_where_the_original_leaked(program: Path,
                                                               tmp_path: Path) -> None:
    facts = constants(program)
    if sys.version_info < tuple(facts.get("PYTHON", (3, 10))):
        pytest.skip(f"needs Python {facts['PYTHON']}")
    fixed, kinds = fixed_copy(program, tmp_path)
    assert kinds and set(kinds) == {facts["FIX"]}, kinds
    assert_leaky(run_program(program), facts.get("EVIDENCE", "track"))
    assert_sound(run_program(fixed), safe=not facts.get("UNSAFE"),
                 forever=bool(facts.get("RUNS_FOREVER")))
