"""The fixer's safety net: what is verified before anything is written, and how files are written.

- a fix whose result does not re-check low, or does not compile, or loses a comment, is dropped
  (with the reason) and the other fixes of the file still apply;
- files are replaced atomically, keep their permission bits, stay symlinks, and are not
  overwritten when they changed on disk since they were read;
- a file that cannot be parsed or decoded is reported, never touched.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import libcst as cst
import pytest

from taskleak.files.atomic import FileChangedError, replace_file
from taskleak.fixer import apply
from taskleak.fixer.apply import fix_file, fix_source
from taskleak.fixes.edits import Edits
from taskleak.fixes.kinds import tracked_set
from taskleak.fixes.shapes import Shape

TWO_LEAKS = b"""import asyncio


async def work() -> None:
    await asyncio.sleep(0)


def sync_spawn() -> None:
    asyncio.create_task(work())  # first


async def async_spawn() -> None:
    asyncio.create_task(work())  # second
"""


def test_two_leaks_are_fixed() -> None:
    result = fix_source(TWO_LEAKS)
    assert [a.line for a in result.applied] == [9, 13]
    assert result.not_fixed == []
    # two dropped spawns in one module: one keep-helper, called at each (no local left behind)
    assert b"    _keep_task(asyncio.create_task(work()))  # first\n" in result.fixed
    assert result.fixed.count(b"def _keep_task(") == 1


def _three_line_form(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fix each spawn with the three-line form (`_build`), which these tests replace."""
    monkeypatch.setattr(tracked_set, "_wants_helper", lambda ctx, sp, shape: False)


def _break_sync_spawns(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the tracked-set fix write `await` into sync functions: code that cannot compile."""
    _three_line_form(monkeypatch)
    real = tracked_set._build

    def broken(edits: Edits, ctx: object, sp: tracked_set.Spawn, shape: Shape) -> None:
        if not sp.site.scope.is_async:
            edits.replace_small(shape.small, [cst.Expr(cst.Await(sp.site.node))])
            return
        real(edits, ctx, sp, shape)  # type: ignore[arg-type]

    monkeypatch.setattr(tracked_set, "_build", broken)


def test_a_fix_that_does_not_compile_is_dropped_and_the_others_kept(
        monkeypatch: pytest.MonkeyPatch) -> None:
    _break_sync_spawns(monkeypatch)
    result = fix_source(TWO_LEAKS)
    assert [a.line for a in result.applied] == [13]
    assert [(n.line, n.rule) for n in result.not_fixed] == [(9, "TL101")]
    assert "does not compile" in result.not_fixed[0].reason
    assert b"await asyncio.create_task" not in result.fixed
    compile(result.fixed, "fixed.py", "exec")


def test_a_fix_that_does_not_recheck_low_is_dropped(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_op(edits: Edits, ctx: object, sp: object, shape: Shape) -> None:
        edits.replace_small(shape.small, [shape.small])  # "fixed", but nothing changes

    _three_line_form(monkeypatch)
    monkeypatch.setattr(tracked_set, "_build", no_op)
    result = fix_source(TWO_LEAKS)
    assert result.applied == []
    assert result.fixed == TWO_LEAKS
    assert {n.line for n in result.not_fixed} == {9, 13}
    assert all("re-check still reports TL101" in n.reason for n in result.not_fixed)


def test_a_fix_that_loses_a_comment_is_dropped(monkeypatch: pytest.MonkeyPatch) -> None:
    class DropSecond(cst.CSTTransformer):
        def leave_Comment(self, original_node: cst.Comment,
                          updated_node: cst.Comment) -> cst.Comment:
            return updated_node.with_changes(value="#") if "second" in updated_node.value \
                else updated_node

    real = apply.apply_edits
    monkeypatch.setattr(apply, "apply_edits", lambda edits: real(edits).visit(DropSecond()))
    result = fix_source(TWO_LEAKS)
    # every rewrite of the module loses the comment, so no fix can be applied
    assert [a.line for a in result.applied] == []
    assert result.fixed == TWO_LEAKS
    assert all("would lose a comment" in n.reason for n in result.not_fixed)


def test_unparsable_and_undecodable_sources_are_reported_untouched(tmp_path: Path) -> None:
    broken = b"import asyncio\nasync def f(:\n    asyncio.create_task(g())\n"
    result = fix_source(broken)
    assert result.error == "syntax error: invalid syntax (line 2)"  # as check says it
    assert result.fixed == broken
    bad = tmp_path / "bad.py"
    bad.write_bytes(b"# -*- coding: utf-8 -*-\nx = '\xff'\nasyncio.create_task(f())\n")
    out = fix_file(bad, "bad.py")
    assert out.error is not None and "decode" in out.error
    assert bad.read_bytes().startswith(b"# -*- coding")
    assert not out.written


def test_targets_limit_what_is_fixed() -> None:
    result = fix_source(TWO_LEAKS, targets={(13, 5, "TL101")})
    assert [a.line for a in result.applied] == [13]
    assert result.not_fixed == []  # line 9 was not asked for


def test_unsafe_fixes_need_the_permission() -> None:
    code = b"import asyncio\n\n\nasync def f(send):\n    asyncio.create_task(send())\n"
    safe = fix_source(code)
    assert [a.kind.value for a in safe.applied] == ["tracked-set"]
    unsafe = fix_source(code, allow_unsafe=lambda rule: rule == "TL101")
    assert [a.kind.value for a in unsafe.applied] == ["await"]
    assert b"    await send()\n" in unsafe.fixed


def test_a_taken_name_means_no_safe_fix_and_says_so() -> None:
    code = (b"from asyncio import create_task\nimport trio as asyncio\n\n\n"
            b"async def f():\n    create_task(g())\n")
    result = fix_source(code)
    assert result.fixed == code
    [left] = result.not_fixed
    assert "only an unsafe fix (await" in left.reason
    assert "no safe fix: the name `asyncio` is taken" in left.reason
    assert fix_source(code, allow_unsafe=lambda rule: True).fixed.endswith(b"    await g()\n")


# -- writing files -------------------------------------------------------------------------------
def test_fix_file_keeps_permissions_and_writes_atomically(tmp_path: Path) -> None:
    path = tmp_path / "leak.py"
    path.write_bytes(TWO_LEAKS)
    os.chmod(path, 0o640)
    out = fix_file(path, "leak.py")
    assert out.written and out.error is None
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert path.read_bytes() == fix_source(TWO_LEAKS).fixed
    assert [p.name for p in tmp_path.iterdir()] == ["leak.py"]  # no temporary file left


def test_fix_file_diff_only_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "leak.py"
    path.write_bytes(TWO_LEAKS)
    out = fix_file(path, "leak.py", write=False, want_diff=True)
    assert not out.written
    assert path.read_bytes() == TWO_LEAKS
    assert out.diff.startswith("--- leak.py\n+++ leak.py\n")
    assert "+    _keep_task(asyncio.create_task(work()))  # first\n" in out.diff


def test_a_file_changed_while_fixing_is_not_overwritten(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "leak.py"
    path.write_bytes(TWO_LEAKS)
    theirs = TWO_LEAKS + b"# saved by an editor meanwhile\n"
    real = apply.fix_source

    def edit_meanwhile(*args: object, **kwargs: object) -> apply.SourceFix:
        result = real(*args, **kwargs)  # type: ignore[arg-type]
        path.write_bytes(theirs)
        return result

    monkeypatch.setattr(apply, "fix_source", edit_meanwhile)
    out = fix_file(path, "leak.py")
    assert not out.written
    assert out.error is not None and "changed on disk" in out.error
    assert path.read_bytes() == theirs


def test_replace_file_follows_symlinks(tmp_path: Path) -> None:
    real = tmp_path / "real.py"
    real.write_bytes(b"old\n")
    link = tmp_path / "link.py"
    link.symlink_to(real)
    replace_file(link, b"new\n", expected=b"old\n")
    assert link.is_symlink()
    assert real.read_bytes() == b"new\n"


def test_replace_file_refuses_unexpected_content(tmp_path: Path) -> None:
    path = tmp_path / "a.py"
    path.write_bytes(b"changed\n")
    with pytest.raises(FileChangedError):
        replace_file(path, b"new\n", expected=b"original\n")
    assert path.read_bytes() == b"changed\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.py"]


def test_replace_file_cleans_up_when_the_rename_fails(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.py"
    path.write_bytes(b"old\n")

    def fail(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    out = fix_file(path, "a.py")  # nothing to fix: no write attempted
    assert out.error is None
    path.write_bytes(TWO_LEAKS)
    out = fix_file(path, "a.py")
    assert out.error is not None and "No space left" in out.error
    assert path.read_bytes() == TWO_LEAKS
    assert [p.name for p in tmp_path.iterdir()] == ["a.py"]


def test_the_users_syntax_warnings_are_not_shown_by_the_fix() -> None:
    # compiled twice to verify (the original and the fixed text): `check` shows none either
    source = (b"import asyncio\n\nx = 1\nif x is 1:\n    pass\n\n"
              b"async def main():\n    asyncio.create_task(work())\n")
    import warnings

    with warnings.catch_warnings(record=True) as shown:
        warnings.simplefilter("always")
        result = fix_source(source)
    assert result.changed and [a.rule for a in result.applied] == ["TL101"]
    assert [str(w.message) for w in shown] == []
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # `-W error`: the user's warning stops no fix
        assert fix_source(source).fixed == result.fixed
