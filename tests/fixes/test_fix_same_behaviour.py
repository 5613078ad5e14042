"""A fix never changes what a program that ran before it prints: the shapes that broke real
libraries' test suites (an ASGI server's lifespan, a close() that swallowed its caller's
cancellation, a task kept by a local of the frame that runs the loop, `wait_for` as a statement,
two `if` branches that differ on purpose), each a standalone program in `run/same/`.

Each runs in a subprocess before and after `taskleak fix` (with its unsafe fixes when it says
`UNSAFE = True`); the output and the exit status must be the same. Every program bounds its
own waiting by loop turns, so a regression shows as different output, not as a hang.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from helpers import TESTS, check_paths, fix_paths
from test_fix_runs import constants

from taskleak.settings import Settings

SAME = TESTS / "fixes" / "run" / "same"
PROGRAMS = sorted(SAME.glob("*.py"))
TIMEOUT = 60  # seconds: only a guard against a hang; the programs count loop turns


def _completed(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-W", "ignore", str(path)], capture_output=True,
                          text=True, timeout=TIMEOUT, check=False)


def _run(path: Path) -> tuple[int, str]:
    done = _completed(path)
    return done.returncode, done.stdout


def _fixed(program: Path, folder: Path) -> Path:
    settings = Settings(unsafe_fixes=bool(constants(program).get("UNSAFE")))
    target = folder / program.name
    target.write_bytes(program.read_bytes())
    fixes = fix_paths([target], settings)
    assert not fixes.errors, fixes.errors
    return target


@pytest.mark.parametrize("program", PROGRAMS, ids=[p.stem for p in PROGRAMS])
def test_the_fixed_program_prints_what_the_original_printed(program: Path,
                                                          tmp_path: Path) -> None:
    target = _fixed(program, tmp_path)
    before = _run(program)
    assert before[0] == 0 and before[1], before
    assert _run(target) == before, target.read_text()


def test_each_program_is_fixed_or_declined_with_a_reason(tmp_path: Path) -> None:
    """The programs are not trivially the same: taskleak reports something in each."""
    for program in PROGRAMS:
        result = check_paths([program])
        assert result.findings, program.name


def test_the_threadsafe_fix_logs_the_error_the_dropped_future_lost(tmp_path: Path) -> None:
    program = SAME / "threadsafe_error_logged.py"
    target = _fixed(program, tmp_path)
    assert "_keep_future(asyncio.run_coroutine_threadsafe(" in target.read_text()
    before, after = _completed(program), _completed(target)
    assert "no route for prices" not in before.stderr  # lost
    assert "background future failed" in after.stderr
    assert "ValueError: no route for prices" in after.stderr
