"""`api.check_buffer`, `fix_buffer`, `buffer_settings`: the library calls the server makes."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CONFIG, LEAKY

from taskleak.api import UsageError, buffer_settings, check_buffer, fix_buffer
from taskleak.config import CliOverrides
from taskleak.rules import rule_for
from taskleak.settings import Settings

DISCARDED = rule_for("task-discarded")
TRACKED = rule_for("task-tracked")
assert DISCARDED and TRACKED


def test_the_buffer_is_checked_not_the_file(tmp_path: Path) -> None:
    path = tmp_path / "m.py"
    path.write_text("x = 1\n", encoding="utf-8")
    [finding] = check_buffer(LEAKY, path, Settings()).findings
    assert (finding.line, finding.column, finding.rule) == (9, 5, DISCARDED.code)


def test_noqa_is_read_from_the_buffer(tmp_path: Path) -> None:
    text = LEAKY.replace("(work())", f"(work())  # noqa: {DISCARDED.code}")
    assert check_buffer(text, tmp_path / "m.py", Settings()).findings == []


def test_noqa_lines_are_counted_as_the_parser_counts_them(tmp_path: Path) -> None:
    # a form feed is a line break for str.splitlines, not for Python's tokenizer
    text = "import asyncio\n\x0c\n" + LEAKY.split("\n", 1)[1].replace(
        "(work())", f"(work())  # noqa: {DISCARDED.code}")
    assert check_buffer(text, tmp_path / "m.py", Settings()).findings == []


def test_a_buffer_without_spawns_is_not_parsed(tmp_path: Path) -> None:
    result = check_buffer("def broken(:\n", tmp_path / "m.py", Settings())
    assert result.findings == [] and result.skipped == [] and result.files_parsed == 0


def test_a_broken_buffer_is_skipped_with_its_line(tmp_path: Path) -> None:
    text = LEAKY.replace("async def main()", "async def main(")
    [skipped] = check_buffer(text, tmp_path / "m.py", Settings()).skipped
    assert skipped.line and "syntax error" in skipped.reason and not skipped.internal


def test_settings_come_from_the_nearest_configuration_and_the_overrides(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        CONFIG + f'ignore = ["{DISCARDED.code}"]\n', encoding="utf-8")
    path = tmp_path / "src" / "m.py"  # need not exist: an unsaved new file
    settings = buffer_settings(path)
    assert settings.config_file == tmp_path / "pyproject.toml"
    assert check_buffer(LEAKY, path, settings).findings == []
    selected = buffer_settings(path, CliOverrides(select=(DISCARDED.code,), fail_on="high"))
    assert selected.fail_on == "high"
    assert [f.rule for f in check_buffer(LEAKY, path, selected).findings] == [DISCARDED.code]
    with pytest.raises(UsageError, match="XX1"):
        buffer_settings(path, CliOverrides(select=("XX1",)))


def test_fix_buffer_fixes_the_targets_in_memory(tmp_path: Path) -> None:
    path = tmp_path / "m.py"
    path.write_text(LEAKY, encoding="utf-8")
    safe = fix_buffer(LEAKY, Settings(), [(9, 5, DISCARDED.code)], path=path)
    assert [a.safe for a in safe.applied] == [True] and safe.error is None
    assert "_background_tasks.add(task)" in safe.text
    assert [f.rule for f in check_buffer(safe.text, path, Settings()).findings] == [TRACKED.code]
    unsafe = fix_buffer(LEAKY, Settings(), [(9, 5, DISCARDED.code)], unsafe=True)
    assert [a.safe for a in unsafe.applied] == [False] and "await work()" in unsafe.text
    assert path.read_text(encoding="utf-8") == LEAKY


def test_fix_buffer_without_targets_changes_nothing() -> None:
    untouched = fix_buffer(LEAKY, Settings(), [])
    assert untouched.text == LEAKY and untouched.applied == []


def test_fix_buffer_keeps_a_declared_encoding() -> None:
    text = "# -*- coding: latin-1 -*-\n# café\n" + LEAKY
    fixed = fix_buffer(text, Settings(), [(11, 5, DISCARDED.code)])
    assert fixed.applied and fixed.text.startswith("# -*- coding: latin-1 -*-\n# café\n")


def test_fix_buffer_reports_a_broken_buffer() -> None:
    assert fix_buffer("def f(:\n", Settings(), [(1, 1, DISCARDED.code)]).error
