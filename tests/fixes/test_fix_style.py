"""The project's line length (ruff's or black's config), and generated lines wrapped to it."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from helpers import TESTS

from taskleak.fixer.apply import fix_file, fix_source
from taskleak.fixes.policy import FixStyle
from taskleak.fixes.project_style import DEFAULT_LINE_LENGTH, line_length_for
from taskleak.fixes.style import wrap

STYLE = TESTS / "fixes" / "style"


@pytest.mark.parametrize(("name", "text", "expected"), [
    ("pyproject.toml", "[tool.ruff]\nline-length = 100\n", 100),
    ("pyproject.toml", "[tool.ruff.lint]\nselect = ['E']\n", DEFAULT_LINE_LENGTH),
    ("pyproject.toml", "[tool.black]\nline-length = 79\n", 79),
    ("pyproject.toml", "[tool.black]\nline-length = 79\n[tool.ruff]\nline-length = 120\n", 120),
    ("ruff.toml", "line-length = 72\n", 72),
    (".ruff.toml", "line-length = 73\n", 73),
    ("pyproject.toml", "[project]\nname = 'x'\n", DEFAULT_LINE_LENGTH),  # no tool: keep looking
    ("pyproject.toml", "not toml [", DEFAULT_LINE_LENGTH),
])
def test_the_line_length_is_the_one_ruff_or_black_would_use(tmp_path: Path, name: str,
                                                             text: str, expected: int) -> None:
    (tmp_path / name).write_text(text)
    (tmp_path / "pkg" / "sub").mkdir(parents=True)
    assert line_length_for(tmp_path / "pkg" / "sub") == expected


def test_the_nearest_config_wins_and_ruff_toml_beats_pyproject(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.ruff]\nline-length = 100\n")
    inner = tmp_path / "inner"
    inner.mkdir()
    (inner / "pyproject.toml").write_text("[tool.ruff]\nline-length = 60\n")
    (inner / "ruff.toml").write_text("line-length = 70\n")
    assert line_length_for(inner) == 70
    assert line_length_for(tmp_path) == 100


@pytest.mark.parametrize(("line", "expected"), [
    ("task.add_done_callback(self._background_futures.discard)",
     ["task.add_done_callback(", "    self._background_futures.discard", ")"]),
    ("for future in list(self._background_futures):",
     ["for future in list(", "    self._background_futures", "):"]),
    ("self._background_futures: set[concurrent.futures.Future[Any]] = set()",
     ["self._background_futures: set[", "    concurrent.futures.Future[Any]", "] = set()"]),
    ("def _keep_background_task(task: _KeptT) -> _KeptT:",
     ["def _keep_background_task(", "    task: _KeptT,", ") -> _KeptT:"]),
    ("if self._sweeper_of_stale_sessions is not None:",
     ["if (", "    self._sweeper_of_stale_sessions is not None", "):"]),
    ("_keep_name_of_the_helper = keep_name_of_the_helper_2",
     ["_keep_name_of_the_helper = (", "    keep_name_of_the_helper_2", ")"]),
    ("await self._sweeper_of_stale_sessions_and_more",
     ["await self._sweeper_of_stale_sessions_and_more"]),  # nothing to split
])
def test_long_lines_split_like_ruffs_formatter(line: str, expected: list[str]) -> None:
    assert wrap(line, 0, indent="    ", limit=40) == expected
    assert wrap(line, 0, indent="    ", limit=200) == [line]


def test_generated_lines_fit_the_line_length() -> None:
    before = (STYLE / "narrow.before.py").read_bytes()
    result = fix_source(before, allow_unsafe=lambda rule: True, style=FixStyle(line_length=60))
    assert result.fixed == (STYLE / "narrow.after.py").read_bytes()
    new = [line[2:] for line in difflib.ndiff(before.decode().splitlines(),
                                              result.fixed.decode().splitlines())
           if line.startswith("+ ")]  # a spawn only wrapped in a helper too
    assert new and all(len(line) <= 60 for line in new)
    again = fix_source(result.fixed, allow_unsafe=lambda rule: True,
                       style=FixStyle(line_length=60))
    assert again.fixed == result.fixed


def test_taskleak_fix_reads_the_projects_line_length(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.ruff]\nline-length = 60\n")
    target = tmp_path / "narrow.py"
    target.write_bytes((STYLE / "narrow.before.py").read_bytes())
    out = fix_file(target, "narrow.py", allow_unsafe=lambda rule: True)
    assert out.written
    assert target.read_bytes() == (STYLE / "narrow.after.py").read_bytes()


def test_a_hoisted_spawn_made_too_long_by_its_new_name_is_wrapped() -> None:
    code = ("import asyncio\n\n\nasync def remove(hass, entry):\n"
            "    asyncio.create_task(hass.config_entries.async_remove(entry.entry_id_value))\n")
    fixed = fix_source(code.encode(), style=FixStyle(line_length=79)).fixed.decode()
    assert ("    task = asyncio.create_task(\n"
            "        hass.config_entries.async_remove(entry.entry_id_value)\n"
            "    )\n") in fixed
    assert all(len(line) <= 79 for line in fixed.splitlines())
    assert fix_source(fixed.encode(), style=FixStyle(line_length=79)).applied == []
