"""`# noqa` after a character `str.splitlines` breaks at and Python does not (issue 15, item 4):
in a comment or a string above the spawn, it must not move the directive off its line."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import analyze_source
from hypothesis import given, settings
from hypothesis import strategies as st

from taskleak.api import CheckOptions, FixOptions, check, fix
from taskleak.files.lines import source_lines

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


_FILLER = st.text(alphabet=st.sampled_from("ab #" + "".join(ODD)), max_size=5)


@st.composite
def _prefix(draw: st.DrawFn) -> list[str]:
    """Lines (without breaks) of comments and strings holding the odd characters, blank lines
    and lone backslash lines (libcst leaves those out of its tree)."""
    lines: list[str] = []
    for index in range(draw(st.integers(0, 6))):
        kind = draw(st.sampled_from(["comment", "string", "blank", "backslash"]))
        if kind == "backslash":
            lines += ["\\", f"b{index} = 0"]
        else:
            lines.append({"comment": f"#{draw(_FILLER)}", "blank": " ",
                          "string": f"s{index} = {draw(_FILLER)!r}"}[kind])
    return lines


@settings(max_examples=40, deadline=None)
@given(_prefix(), st.lists(st.sampled_from(["\n", "\r\n", "\r"]), min_size=1),
       st.booleans(), st.booleans())
def test_findings_and_directives_share_python_lines(prefix: list[str], breaks: list[str],
                                                     twice: bool, suppressed: bool) -> None:
    spawn = SPAWN + ("  # noqa: TL101" if suppressed else "")
    lines = ["import asyncio", *prefix, "async def main() -> None:", SPAWN] + (
        [spawn] if twice else [])  # the same call twice is placed by code generation
    if not twice:
        lines[-1] = spawn
    text = "".join(line + breaks[i % len(breaks)] for i, line in enumerate(lines))
    assert source_lines(text) == lines  # the premise: Python's lines are these
    found = [(f.rule, f.line) for f in analyze_source(text)]
    spawn_lines = [n for n, line in enumerate(lines, start=1) if line.startswith(SPAWN)]
    expected = spawn_lines[:-1] if suppressed else spawn_lines
    assert found == [("TL101", n) for n in expected]
