"""The server's fixes reuse what was made of their text (`fixer/prepared.py`), and only that:
fixes made from a kept text (the check's tree, or the fixer's own parse) are byte for byte
those made from scratch (every fix pair of the tests, each finding alone, safe and unsafe, and
all together), a text is parsed and analysed once for its check, a menu, its pick and fix-all,
every fixed text is still verified, and `taskleak fix` keeps nothing."""

from __future__ import annotations

import gc
from dataclasses import replace
from pathlib import Path
from typing import Any

import libcst
import pytest
from conftest import LEAKY
from helpers import sample_files
from pygls.workspace.position_codec import PositionCodec

from taskleak.files.source import decode
from taskleak.fixer import apply, prepared, verify
from taskleak.fixes.policy import FixPolicy, FixStyle
from taskleak.rules import rule_for
from taskleak.server import actions
from taskleak.server.documents import BufferFix, Checked, Snapshot
from taskleak.server.editor_settings import EditorSettings
from taskleak.server.engine import View, check_snapshot, fix_checked, plan_checked
from taskleak.server.text import Lines
from taskleak.session import Session, Source
from taskleak.settings import Settings

REPO = Path(__file__).resolve().parents[2]
PAIRS = sorted([*REPO.glob("tests/rules/*/fixes/*.before.py"),
                *REPO.glob("tests/fixes/cases/*.before.py")])
Ask = tuple[list[tuple[int, int, str]], bool | None]

TRACKED = rule_for("task-tracked")
assert TRACKED

# Two dropped spawns: one keep-helper for both, a safe and an unsafe fix for each.
TWO = LEAKY + "\n\nasync def again() -> None:\n    asyncio.create_task(work())\n"


def checked_for(text: str, path: Path) -> Checked:
    path.write_text(text, encoding="utf-8")
    snapshot = Snapshot(path.as_uri(), path, text, 1)
    return check_snapshot(snapshot, EditorSettings(), path.parent, 0,
                          View(PositionCodec(), True)).checked


def from_scratch(checked: Checked, asks: list[Ask], folder: Path) -> list[BufferFix | None]:
    out = []
    for targets, unsafe in asks:
        prepared.forget()
        checked.fixes.clear()
        out.append(fix_checked(checked, targets, unsafe, folder))
    prepared.forget()
    checked.fixes.clear()
    return out


@pytest.mark.parametrize("adopted", [True, False], ids=["check's tree", "fixer's parse"])
@pytest.mark.parametrize("before", PAIRS, ids=lambda p: f"{p.parts[-3]}/{p.name}")
def test_fixes_of_a_kept_text_are_those_made_from_scratch(before: Path, adopted: bool,
                                                          tmp_path: Path) -> None:
    text = before.read_text(encoding="utf-8")
    checked = checked_for(text, tmp_path / "module.py")
    keys = [(f.line, f.column, f.rule) for f in checked.findings]
    assert keys
    asks: list[Ask] = [([k], unsafe) for k in keys for unsafe in (False, True)] + [(keys, None)]
    fresh = from_scratch(checked, asks, tmp_path)
    if adopted:  # the check's tree (kept by the check) makes every fix below
        checked = checked_for(text, tmp_path / "module.py")
    # as an editor asks: the menu names each fix first, then any order of picks and fix-all
    named = [plan_checked(checked, targets[0], unsafe, tmp_path) for targets, unsafe in asks[:-1]]
    kept = [fix_checked(checked, targets, unsafe, tmp_path) for targets, unsafe in asks[::-1]]
    assert kept[::-1] == fresh
    for (targets, _), plan, made in zip(asks, named, fresh, strict=False):
        applied = [a for a in made.applied if (a.line, a.column, a.rule) == targets[0]] \
            if made is not None else []
        assert applied == [] or applied == [plan]  # the menu names the fix it makes


def spy(monkeypatch: pytest.MonkeyPatch, owner: Any, name: str) -> list[Any]:
    """Record the first argument of every call of `owner.name`."""
    calls: list[Any] = []
    real = getattr(owner, name)

    def recorded(first: Any, *args: Any, **kwargs: Any) -> Any:
        calls.append(first)
        return real(first, *args, **kwargs)

    monkeypatch.setattr(owner, name, recorded)
    return calls


def test_a_menu_its_picks_and_fix_all_parse_and_analyse_the_text_once(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    checked = checked_for(TWO, tmp_path / "two.py")
    prepared.forget()
    parsed = spy(monkeypatch, libcst, "parse_module")
    analysed = spy(monkeypatch, apply, "analyse")
    request = actions.Request(diagnostics=checked.diagnostics, only=None, resolve=True,
                              versioned=False, folder=tmp_path)
    lines = Lines(TWO, PositionCodec())
    menu = [a for a in actions.code_actions(checked, request, lines)
            if a.kind == actions.QUICK_FIX and a.data]
    assert len(menu) == 4  # a safe and an unsafe fix for each spawn, named, made when picked
    for action in menu:
        pending = actions.Pending.from_data(action.data)
        assert pending is not None
        edit, why = actions.quick_fix_edit(checked, pending, request, lines)
        assert edit is not None and why is None
    assert actions.fix_all_edit(checked, request, lines) is not None
    assert len(analysed) == 1
    assert parsed.count(TWO.encode()) == 1
    # every fixed text was still parsed by its verification
    made = {f.text.encode() for f in checked.fixes.values()}
    assert len(made) == 5 and made <= set(parsed)


def test_a_menu_after_its_check_parses_and_analyses_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    checked = checked_for(TWO, tmp_path / "two.py")  # the check's tree is kept for its fixes
    parsed = spy(monkeypatch, libcst, "parse_module")
    analysed = spy(monkeypatch, apply, "analyse")
    request = actions.Request(diagnostics=checked.diagnostics, only=None, resolve=True,
                              versioned=False, folder=tmp_path)
    menu = actions.code_actions(checked, request, Lines(TWO, PositionCodec()))
    assert len([a for a in menu if a.kind == actions.QUICK_FIX and a.data]) == 4
    assert analysed == []
    assert TWO.encode() not in parsed


# libcst's parser accepts `1 not in.9`, its validation (the fixer's parse) refuses it
REFUSED = LEAKY + "\n\nCHECK = 1 not in.9\n"


def test_a_checks_tree_libcst_would_refuse_is_fixed_as_from_scratch(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    checked = checked_for(REFUSED, tmp_path / "refused.py")
    key = (checked.findings[0].line, checked.findings[0].column, checked.findings[0].rule)
    validated = spy(monkeypatch, prepared, "_validates")
    kept = fix_checked(checked, [key], False, tmp_path)
    assert len(validated) == 1  # the check's tree was found, validated, and dropped
    assert kept is not None and kept.error is not None and "libcst" in kept.error
    assert kept == from_scratch(checked, [([key], False)], tmp_path)[0]
    checked = checked_for(REFUSED, tmp_path / "refused.py")
    assert plan_checked(checked, key, False, tmp_path) is None
    prepared.forget()


def test_a_checks_tree_serves_every_style(tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    data, helper = TWO.encode(), FixStyle(keep_helper="app.tasks.keep")
    path = tmp_path / "two.py"
    name = Source(buffer=data, filename=path).display  # as the check names the buffer
    for styles in ((helper, None), (None, helper), (helper, helper)):
        checked_for(TWO, path)
        parsed = spy(monkeypatch, libcst, "parse_module")
        with prepared.kept():
            kept = [apply.fix_source(data, filename=name, style=s).fixed for s in styles]
        assert data not in parsed  # both made from the check's tree
        prepared.forget()
        monkeypatch.undo()
        assert kept == [apply.fix_source(data, filename=name, style=s).fixed for s in styles]
    assert b"app.tasks" in kept[0] and kept[0] != apply.fix_source(data, filename=name).fixed


def test_taskleak_fix_keeps_nothing_and_still_takes_the_recheck(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "two.py"
    path.write_text(TWO, encoding="utf-8")
    settings = Settings()
    buffers = [Session(Source(buffer=TWO.encode(), filename=path), settings) for _ in range(2)]
    for buffer in buffers:
        buffer.analyse()  # `taskleak fix -`: the findings say what to fix
    prepared.forget()
    parsed = spy(monkeypatch, libcst, "parse_module")
    rechecked = spy(monkeypatch, verify.Checker, "facts_of")
    for buffer in buffers:
        assert buffer.fix(FixPolicy(settings), write=False).applied
    assert parsed.count(TWO.encode()) == 2  # outside the server every fix starts from scratch
    assert rechecked == []  # a buffer's fix never reads the re-check's facts: never made
    files = Session(Source(paths=(path,)), settings, jobs=1)
    files.analyse()
    assert files.fix(FixPolicy(settings), write=True).applied
    assert len(rechecked) == 1  # the written file's findings come from its re-check
    assert [f.rule for f in files.result.findings] == [TRACKED.code] * 2  # kept now: low rows


def test_a_kept_text_is_reused_only_with_the_same_style() -> None:
    data, helper = TWO.encode(), FixStyle(keep_helper="app.tasks.keep")
    prepared.forget()
    with prepared.kept():
        plain = apply.fix_source(data, filename="two.py")
        kept = apply.fix_source(data, filename="two.py", style=helper)
    prepared.forget()
    assert b"app.tasks" not in plain.fixed
    assert kept.fixed == apply.fix_source(data, filename="two.py", style=helper).fixed


def test_an_editors_fixes_leave_no_tree_to_the_cycle_collector(tmp_path: Path) -> None:
    """The kept text's scopes and the re-checks' are emptied when dropped, so their trees go
    by reference counting (left to the collector: over a thousand objects here)."""
    checked = checked_for(TWO, tmp_path / "two.py")
    key = (checked.findings[0].line, checked.findings[0].column, checked.findings[0].rule)
    prepared.forget()
    gc.collect()
    assert plan_checked(checked, key, False, tmp_path) is not None
    for unsafe in (False, True):
        made = fix_checked(checked, [key], unsafe, tmp_path)
        assert made is not None and made.applied
    prepared.forget()
    assert gc.collect() < 50


def _check(path: Path, text: str, advised: bool) -> Checked:
    snapshot = Snapshot(path.as_uri(), path, text, 1)
    return check_snapshot(snapshot, EditorSettings(), path.parent, 0, View(PositionCodec(), True),
                          advised=advised).checked


SAMPLES = sample_files()


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_a_check_with_advice_later_gives_the_plain_checks_findings(
        sample: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Guard of `kept(advice_later=True)` (`fixer/prepared.py`): the diagnostics' check leaves
    the advice out and the code actions' check makes it from the kept tree; together they give
    the findings and diagnostics of the plain check (advice made at once), and parse once."""
    text = decode(sample.read_bytes())[0]
    path = tmp_path / sample.name
    path.write_bytes(sample.read_bytes())
    prepared.forget()
    plain = _check(path, text, True)
    prepared.forget()
    parsed = spy(monkeypatch, libcst, "parse_module")
    first = _check(path, text, False)
    then = _check(path, text, True)
    assert (then.findings, then.diagnostics) == (plain.findings, plain.diagnostics)
    assert first.diagnostics == plain.diagnostics
    assert [replace(f, fix=None, no_fix_reason=None) for f in first.findings] == [
        replace(f, fix=None, no_fix_reason=None) for f in plain.findings]  # all but the advice
    assert parsed.count(text.encode()) <= 1  # the second check parsed nothing
    prepared.forget()


def test_the_diagnostics_check_leaves_the_advice_to_the_code_actions(tmp_path: Path) -> None:
    path = tmp_path / "leaky.py"
    path.write_text(LEAKY, encoding="utf-8")
    first = _check(path, LEAKY, False)
    assert not first.advised and [f.fix for f in first.findings] == [None]
    then = _check(path, LEAKY, True)
    assert then.advised and then.findings[0].fix is not None
    prepared.forget()
