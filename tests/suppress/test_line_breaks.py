"""`# noqa` after a character `str.splitlines` breaks at and Python does not (issue 15, item 4):
in a comment or a string above the spawn, it must not move the directive off its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from taskleak.api import CheckOptions, FixOptions, check, fix

ODD = ["\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]
SPAWN = "    asyncio.create_task(work())"


def _source(char: str, directive: str) -> str:
    return (f"import asyncio\n# page{char}break\nLABEL = 'a{char}b'\n\n"
            f"async def work() -> None: ...\n\nasync def main() -> None:\n{SPAWN}{directive}\n")


def _write(tmp_path: Path, char: str, directive: str) -> Path:
    path = tmp_path / "m.py"
    path.write_bytes(_source(char, directive).encode("utf-8"))
    return path


def _codes(path: Path) -> list[tuple[str, int]]:
    out = check(CheckOptions(paths=(path,), cache=False, isolated=True, jobs=1))
    return [(f.rule, f.line) for f in out.result.findings]


@pytest.mark.parametrize("char", ODD, ids=[f"U+{ord(c):04X}" for c in ODD])
def test_the_directive_suppresses_and_fix_leaves_the_spawn(tmp_path: Path, char: str) -> None:
    bare = _write(tmp_path, char, "")
    assert _codes(bare) == [("TL101", 8)]  # the spawn is found, on Python's line 8
    path = _write(tmp_path, char, "  # noqa: TL101")
    assert _codes(path) == []
    before = path.read_bytes()
    fix(FixOptions(paths=(path,), cache=False, isolated=True, jobs=1))
    assert path.read_bytes() == before


@pytest.mark.parametrize("char", ODD, ids=[f"U+{ord(c):04X}" for c in ODD])
def test_add_noqa_writes_on_the_spawn_line_once(tmp_path: Path, char: str) -> None:
    path = _write(tmp_path, char, "")
    options = CheckOptions(paths=(path,), cache=False, isolated=True, jobs=1, add_noqa=True)
    first = check(options).noqa_added
    assert first is not None and first.count == 1
    assert path.read_bytes() == _source(char, "  # noqa: TL101").encode("utf-8")
    again = check(options).noqa_added
    assert again is not None and again.count == 0
    assert path.read_bytes() == _source(char, "  # noqa: TL101").encode("utf-8")
    assert _codes(path) == []
