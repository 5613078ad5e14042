"""What the worker does with a buffer (`server/engine.py`): check it as `taskleak check -
--stdin-filename FILE` would, with the file's configuration and the editor's settings, and fix it
in memory."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import CONFIG, LEAKY
from pygls.workspace.position_codec import PositionCodec

from taskleak.rules import rule_for
from taskleak.server.documents import Checked, Snapshot
from taskleak.server.editor_settings import EditorSettings
from taskleak.server.engine import BufferCheck, View, check_snapshot, fix_checked

DISCARDED = rule_for("task-discarded")
TRACKED = rule_for("task-tracked")
assert DISCARDED and TRACKED
KEY = (9, 5, DISCARDED.code)


def check(text: str, path: Path, editor: EditorSettings | None = None) -> BufferCheck:
    snapshot = Snapshot(path.as_uri(), path, text, 1)
    return check_snapshot(snapshot, editor or EditorSettings(), None, 0,
                          View(PositionCodec(), True))


def codes(out: BufferCheck) -> list[str]:
    return [f.rule for f in out.checked.findings]


def test_the_buffer_is_checked_not_the_file(tmp_path: Path) -> None:
    path = tmp_path / "m.py"
    path.write_text("x = 1\n", encoding="utf-8")
    out = check(LEAKY, path)
    assert [(f.line, f.column, f.rule) for f in out.checked.findings] == [KEY]
    assert [d.code for d in out.checked.diagnostics] == [DISCARDED.code]
    assert out.errors == [] and out.logs == []


def test_noqa_is_read_from_the_buffer(tmp_path: Path) -> None:
    text = LEAKY.replace("(work())", f"(work())  # noqa: {DISCARDED.code}")
    assert codes(check(text, tmp_path / "m.py")) == []


def test_noqa_after_a_form_feed(tmp_path: Path) -> None:
    text = "import asyncio\n\x0c\n" + LEAKY.split("\n", 1)[1].replace(
        "(work())", f"(work())  # noqa: {DISCARDED.code}")
    assert codes(check(text, tmp_path / "m.py")) == []


def test_a_buffer_without_spawns_is_not_parsed(tmp_path: Path) -> None:
    out = check("def broken(:\n", tmp_path / "m.py")
    assert out.checked.findings == [] and out.checked.diagnostics == []


def test_a_broken_buffer_gives_one_error_where_python_puts_it(tmp_path: Path) -> None:
    text = LEAKY.replace("async def main()", "async def main(")
    [error] = check(text, tmp_path / "m.py").checked.diagnostics
    assert "syntax error" in error.message and error.code is None
    assert (error.range.start.line, error.range.start.character) == (7, 16)  # `->`


def test_the_nearest_configuration_and_the_editor_settings(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        CONFIG + f'ignore = ["{DISCARDED.code}"]\n', encoding="utf-8")
    path = tmp_path / "src" / "m.py"  # need not exist: a new, unsaved file
    ignored = check(LEAKY, path)
    assert codes(ignored) == [] and ignored.checked.settings is not None
    assert ignored.checked.settings.config_file == tmp_path / "pyproject.toml"
    chosen = check(LEAKY, path, EditorSettings(select=(DISCARDED.code,), fail_on="high"))
    assert codes(chosen) == [DISCARDED.code]
    assert chosen.checked.settings is not None and chosen.checked.settings.fail_on == "high"


def test_a_changed_configuration_counts_at_the_next_check(tmp_path: Path) -> None:
    config = tmp_path / "pyproject.toml"
    config.write_text(CONFIG, encoding="utf-8")
    assert codes(check(LEAKY, tmp_path / "m.py")) == [DISCARDED.code]
    config.write_text(CONFIG + f'ignore = ["{DISCARDED.code}"]\n', encoding="utf-8")
    os.utime(config, ns=(1, 1))
    assert codes(check(LEAKY, tmp_path / "m.py")) == []


def test_bad_editor_settings_are_left_out_and_said(tmp_path: Path) -> None:
    out = check(LEAKY, tmp_path / "m.py", EditorSettings(select=("NOPE1",)))
    assert codes(out) == [DISCARDED.code]
    [error] = out.errors
    assert error.startswith("editor settings:") and "NOPE1" in error


def test_a_bad_configuration_stops_the_check_and_is_said(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.taskleak]\nfail-on = 3\n", encoding="utf-8")
    out = check(LEAKY, tmp_path / "m.py")
    assert out.checked.settings is None and out.checked.diagnostics == []
    [error] = out.errors
    assert "fail-on" in error


def checked(tmp_path: Path, text: str = LEAKY) -> Checked:
    path = tmp_path / "m.py"
    path.write_text(text, encoding="utf-8")
    return check(text, path).checked


def test_a_fix_is_made_in_memory_and_kept_for_the_version(tmp_path: Path) -> None:
    done = checked(tmp_path)
    safe = fix_checked(done, [KEY], False, None)
    assert safe is not None and [a.safe for a in safe.applied] == [True]
    assert "_background_tasks.add(task)" in safe.text
    assert fix_checked(done, [KEY], False, None) is safe  # cached
    assert codes(check(safe.text, tmp_path / "m.py")) == [TRACKED.code]
    unsafe = fix_checked(done, [KEY], True, None)
    assert unsafe is not None and [a.safe for a in unsafe.applied] == [False]
    assert "await work()" in unsafe.text
    assert (tmp_path / "m.py").read_text(encoding="utf-8") == LEAKY  # nothing written


def test_no_target_changes_nothing(tmp_path: Path) -> None:
    untouched = fix_checked(checked(tmp_path), [], None, None)
    assert untouched is not None and untouched.text == LEAKY and untouched.applied == []


def test_a_fix_keeps_a_declared_encoding(tmp_path: Path) -> None:
    text = "# -*- coding: latin-1 -*-\n# café\n" + LEAKY
    fixed = fix_checked(checked(tmp_path, text), [(11, 5, DISCARDED.code)], None, None)
    assert fixed is not None and fixed.applied
    assert fixed.text.startswith("# -*- coding: latin-1 -*-\n# café\n")


def test_each_edit_checks_as_a_check_from_scratch(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from taskleak.analysis.tree import reparse
    from taskleak.fixer import prepared

    path = tmp_path / "m.py"
    spawn = "    asyncio.create_task(work())"
    kept = LEAKY.replace(spawn, "    task = asyncio.create_task(work())")
    texts = [LEAKY, kept, kept.replace("(work())", "(work())\n    await task"), kept, LEAKY]
    stand_ins: list[str] = []
    whole = reparse.parse_module

    def counted(data: bytes | str) -> object:
        stand_ins.append(data if isinstance(data, str) else "")
        return whole(data)

    reparse.forget()
    edited = []
    with monkeypatch.context() as patch:
        patch.setattr(reparse, "parse_module", counted)
        for text in texts:
            edited.append(check(text, path))
    for text, out in zip(texts, edited, strict=True):
        reparse.forget()  # no tree kept: each text parsed whole and analysed again
        prepared.forget()
        fresh = check(text, path)
        assert out.checked.findings == fresh.checked.findings
        assert out.checked.diagnostics == fresh.checked.diagnostics
    assert len({tuple(codes(out)) for out in edited}) > 1  # the edits change the findings
    assert len(stand_ins) >= 3  # the edits after the first parsed their statement alone
