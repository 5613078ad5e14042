"""Parity with ruff's RUF006 (asyncio-dangling-task) over every case program: each of its hits
is a high taskleak row on that line, of a rule its code names (TL101, TL102), and the same line
with `# noqa: RUF006` appended reports nothing, so a project's ruff directives keep working.

The only hits left out are spawns that make no Task: `asyncio.ensure_future` of a Future returns
that Future (asyncio's documentation), and ruff does not tell Futures from coroutines.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import case_files
from taskleak.api import check_source
from taskleak.model import Finding, Risk
from taskleak.rules import CODE_PREFIX, RULES_BY_NAME
from taskleak.settings import DEFAULT_NOQA_ALIASES, Settings

RUFF = [sys.executable, "-m", "ruff"]
RUF006 = "RUF006"
# `ensure_future` of what is already a Future: no Task is made, so nothing can be dropped
NOT_A_TASK = {
    "ensure_future_of_a_future.py": {
        "asyncio.ensure_future(sem.acquire())",
        "asyncio.ensure_future(loop.create_future())",
        "asyncio.ensure_future(loop.run_in_executor(pool, blocking))",
        "asyncio.ensure_future(later())",
        "asyncio.ensure_future(legacy())",
        "asyncio.ensure_future(done)",
        "asyncio.ensure_future(awaitable)  # a parameter: a Future or a coroutine, not known",
        "asyncio.ensure_future(sem.acquire() if quick else later())  # both Futures: none",
    },
    "awaitable_that_may_be_a_coroutine.py": {"asyncio.ensure_future(condition.wait())"},
    "spawn_of_a_name_also_bound_to_none.py": {
        "asyncio.ensure_future(current)  # an untyped attribute: a Future or a coroutine"},
    "awaitable_returned_from_a_held_object.py": {"asyncio.ensure_future(lock.acquire())"},
}
NOQA = re.compile(rb"\s*#\s*noqa\b.*$", re.IGNORECASE)  # a directive already on the line


def _ruff_hits() -> list[tuple[Path, int]] | None:
    """(file, line) of every RUF006 hit over the case programs; None without ruff."""
    files = [str(p) for p in case_files()]
    try:
        proc = subprocess.run([*RUFF, "check", "--isolated", "--select", RUF006, "--exit-zero",
                               "--output-format", "json", *files],
                              capture_output=True, text=True, timeout=300)
    except OSError:
        return None
    if proc.returncode != 0:
        return None
    return sorted((Path(d["filename"]), d["location"]["row"]) for d in json.loads(proc.stdout)
                  if d["code"] == RUF006)  # not the syntax errors of the broken cases


HITS = _ruff_hits()
pytestmark = pytest.mark.skipif(
    HITS is None, reason="needs ruff in this Python: pip install -e '.[test]' (the test extra "
                         "has it), or pip install 'ruff>=0.17.6,<0.18'")
RUF006_RULES = {RULES_BY_NAME[name].code for name in dict(DEFAULT_NOQA_ALIASES)[RUF006]}


def _with_line(data: bytes, line: int, comment: bytes) -> bytes:
    """`data` with line `line` (1-based) stripped of its `# noqa` and given `comment`."""
    lines = data.splitlines(keepends=True)  # bytes split on \n, \r\n and \r only, as Python
    text = lines[line - 1]
    body = text.rstrip(b"\r\n")
    lines[line - 1] = NOQA.sub(b"", body) + comment + text[len(body):]
    return b"".join(lines)


def _rows_on(data: bytes, name: str, line: int) -> list[Finding]:
    result = check_source(data, name, (), Settings(select=(CODE_PREFIX,)))
    assert not result.skipped, result.skipped
    return [f for f in result.findings if f.line == line]


def _source_line(path: Path, line: int) -> str:
    return path.read_bytes().splitlines()[line - 1].decode("utf-8", "replace").strip()


def test_ruff_finds_dangling_tasks_in_the_cases() -> None:
    assert HITS is not None and len(HITS) >= 40  # the suite holds RUF006's forms, not a few


def test_the_left_out_lines_are_ruff_hits() -> None:
    """Every line left out is a RUF006 hit today (an edit that moves one fails here)."""
    assert HITS is not None
    hit_lines = {(p.name, _source_line(p, n)) for p, n in HITS}
    assert {(f, t) for f, texts in NOT_A_TASK.items() for t in texts} <= hit_lines


@pytest.mark.parametrize(("path", "line"), [h for h in HITS or () if _source_line(*h) not in
                                            NOT_A_TASK.get(h[0].name, set())],
                         ids=lambda v: v.name if isinstance(v, Path) else str(v))
def test_each_ruf006_hit_is_high_and_its_noqa_silences_it(path: Path, line: int) -> None:
    data = path.read_bytes()
    rows = _rows_on(_with_line(data, line, b""), path.name, line)
    assert any(f.risk is Risk.HIGH and f.rule in RUF006_RULES for f in rows), \
        [(f.rule, f.risk, f.message) for f in rows]
    assert _rows_on(_with_line(data, line, b"  # noqa: RUF006"), path.name, line) == []


def test_amqtts_spelling_of_the_directive_silences_its_spawn() -> None:
    """amqtt's broker script writes `#noqa : RUF006` on its `_ = loop.create_task(...)` before
    `loop.run_forever()` (case `ruf006_bindings.py`, broker_main): ruff reads it, so must we."""
    case = next(p for p in case_files() if p.name == "ruf006_bindings.py")
    data = case.read_bytes()
    lines = data.splitlines()
    start = lines.index(b"def broker_main(broker: Broker) -> None:")
    line = 1 + lines.index(b"    _ = loop.create_task(broker.start())", start)
    assert [f.rule for f in _rows_on(data, case.name, line)] == ["TL102"]
    assert _rows_on(_with_line(data, line, b"  #noqa : RUF006"), case.name, line) == []
