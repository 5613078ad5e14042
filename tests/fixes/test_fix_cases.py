"""`taskleak fix` on before/after pairs: the fixer's output must be exactly the `.after.py` file.

Each pair is a small program and what the fixer makes of it: a rule's pairs live with its cases
(`tests/rules/<rule>/fixes/`), pairs about several rules in `tests/fixes/cases/`; cases named
`unsafe_*` run with unsafe fixes allowed, `project_helper*` with a configured keep-helper. For
every pair the test also checks what makes a fix trustworthy: the output compiles, fixing it
again changes nothing, and a re-check reports every fixed spawn as low (only findings the fixer
declined, with a reason, stay).

The same pairs are re-run with CRLF line endings, tab indentation, a latin-1 encoding cookie and
a UTF-8 BOM: the output must be the expected one in the same dress.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import RULE_CASES, TESTS, analyze_source

from taskleak.fixer.apply import SourceFix, fix_source
from taskleak.fixes.comments import CommentEdit
from taskleak.fixes.policy import FixPolicy, FixStyle
from taskleak.model import FixKind, Risk
from taskleak.rules import CODE_PREFIX
from taskleak.session import Session, Source, check_source
from taskleak.settings import Settings

PAIR_DIRS = [TESTS / "fixes" / "cases", *sorted(RULE_CASES.glob("*/fixes"))]
PAIRS = {p.name.removesuffix(".before.py"): p.parent for d in PAIR_DIRS
         for p in d.glob("*.before.py")}
NAMES = sorted(PAIRS)

# Cases where nothing may change, with the reason the report gives for each finding.
EXPECTED_REASONS = {
    "nofix": [
        (16, "TL101", "asyncio.wait_for() returns a coroutine: dropped, it never runs"),
        (20, "TL202", "prune a list or dict by hand"),
        (28, "TL201", "Poller has no close"),
        (37, "TL103", "in a loop"),
    ],
}
# a dropped coroutine that runs forever: no safe fix, and where to cancel it
FOREVER = "runs `while True` with no break or return: kept in a set, it would run until"
EXPECTED_REASONS["while_true_close"] = [
    (9, "TL101", f"self._poll() {FOREVER} the process exits; keep it on the instance and "
                 "cancel it in close()")]
EXPECTED_REASONS["while_true_module_hook"] = [
    (13, "TL101", f"_refresh_prices() {FOREVER} the process exits; keep it and cancel it in "
                  "shutdown()")]
EXPECTED_REASONS["while_true_no_owner"] = [
    (10, "TL101", "cancel it where its owner stops (a close method, a shutdown hook)"),
    (18, "TL101", "cancel it where its owner stops (a close method, a shutdown hook)")]
EXPECTED_REASONS["unsafe_cancel_in_close_not_final"] = [
    (9, "TL201", "disconnect() is also called by reconnect(): it is not the object's final"),
    (27, "TL201", "the task runs close() itself: cancelling it there would cancel the close"),
]
PROJECT_HELPER = "app.tasks.keep"  # the keep-helper of the `project_helper*` cases


def _fix(name: str, data: bytes) -> SourceFix:
    unsafe = name.startswith("unsafe_")
    helper = PROJECT_HELPER if name.startswith("project_helper") else ""
    return fix_source(data, allow_unsafe=lambda rule: unsafe, filename=f"{name}.py",
                      style=FixStyle(keep_helper=helper), comments=_noqa_fixes(name, data))


def _noqa_fixes(name: str, data: bytes) -> list[CommentEdit]:
    """The fixes of the unused `# noqa` directives, as a session with every rule selected
    gives them to the fixer (`taskleak fix --select TL`)."""
    settings = Settings(select=(CODE_PREFIX,))
    session = Session(Source(buffer=data, filename=Path(f"{name}.py")), settings)
    session.analyse()
    return session.comment_edits(FixPolicy(settings)).get(session.source.display, [])


def _pair(name: str) -> tuple[bytes, bytes]:
    folder = PAIRS[name]
    return (folder / f"{name}.before.py").read_bytes(), (folder / f"{name}.after.py").read_bytes()


def test_cases_exist() -> None:
    assert len(NAMES) >= 25
    names = [p.name for d in PAIR_DIRS for p in d.glob("*.before.py")]
    assert len(names) == len(set(names)), "pair names are unique across folders"
    for name in NAMES:
        assert (PAIRS[name] / f"{name}.after.py").is_file(), name
    for folder in PAIR_DIRS:
        afters = {p.name.removesuffix(".after.py") for p in folder.glob("*.after.py")}
        assert afters <= set(NAMES), f"{folder}: an .after.py without its .before.py"


@pytest.mark.parametrize("name", NAMES)
def test_fix_gives_the_after_file(name: str) -> None:
    before, after = _pair(name)
    result = _fix(name, before)
    assert result.error is None
    assert result.fixed.decode() == after.decode()
    if name in EXPECTED_REASONS:
        assert (after == before) is not bool(result.applied)
        got = [(n.line, n.rule) for n in result.not_fixed]
        assert got == [(line, rule) for line, rule, _ in EXPECTED_REASONS[name]]
        for n, (_, _, words) in zip(result.not_fixed, EXPECTED_REASONS[name], strict=True):
            assert words in n.reason
    else:
        assert result.applied, "a fix case must fix something"
        assert after != before


def _low_rows(data: bytes) -> int:
    settings = Settings(select=(CODE_PREFIX,), ignore_noqa=True)
    rows = check_source(data, "case.py", settings=settings).findings
    # a fix that makes a function keep and end the task it spawns makes each call of it a row
    # of its own ("spawned by kick_off(), which keeps ..."): a new row, not a spawn it fixed
    return sum(f.risk is Risk.LOW and not f.message.startswith("spawned by ") for f in rows)


# The tracked-set fix keeps a task alive until it is done; an endless task it keeps has still no
# shutdown path, a finding of its own (task-never-cleaned) that no safe fix resolves: cancelling
# it in a close method changes what the program does.
KEPT_BUT_ENDLESS = "only once it is done, which it never is"


def _kept_but_endless(data: bytes) -> int:
    return sum(f.rule == "TL201" and f.message.endswith(KEPT_BUT_ENDLESS)
               for f in analyze_source(data.decode()))


@pytest.mark.parametrize("name", NAMES)
def test_after_file_compiles_rechecks_low_and_is_stable(name: str) -> None:
    before, after = _pair(name)
    compile(after, f"{name}.after.py", "exec", dont_inherit=True)
    result = _fix(name, before)
    still_open = {(n.rule) for n in result.not_fixed}
    rows = analyze_source(after.decode())
    endless = _kept_but_endless(after) - _kept_but_endless(before)
    open_rows = [f for f in rows if f.risk is not Risk.LOW
                 and not (f.rule == "TL201" and f.message.endswith(KEPT_BUT_ENDLESS))]
    # exactly the declined findings stay; every fixed spawn is now low (or kept but endless)
    assert len(open_rows) == len(result.not_fixed)
    assert {f.rule for f in open_rows} == still_open
    # counted with no suppression comment applied: a bare one hides low rows, and a fix may
    # remove it
    assert _low_rows(after) + endless == _low_rows(before) + len(
        [a for a in result.applied if a.kind not in (FixKind.AWAIT, FixKind.REMOVE_NOQA)])
    again = _fix(name, after)
    assert again.fixed == after
    assert again.applied == []


def test_findings_advertise_the_fix_the_fixer_applies() -> None:
    """`check --format json` shows the fix object that `taskleak fix` then applies (the check
    does not read the keep-helper setting: its advice is the generated set's)."""
    for name in NAMES:
        if name.startswith("project_helper"):
            continue
        before, _ = _pair(name)
        advertised = {(f.line, f.rule): f for f in analyze_source(before.decode())
                      if f.risk is not Risk.LOW}
        result = _fix(name, before)
        for applied in result.applied:
            finding = advertised[(applied.line, applied.rule)]
            assert finding.fix is not None, (name, applied)
            if applied.safe:
                assert (finding.fix.kind, finding.fix.safe) == (applied.kind, True)
        for n in result.not_fixed:
            finding = advertised[(n.line, n.rule)]
            if finding.fix is None:
                assert finding.no_fix_reason == n.reason


# -- the same cases in other clothes -------------------------------------------------------------
def _crlf(data: bytes) -> bytes:
    return data.replace(b"\n", b"\r\n")


def _tabs(data: bytes) -> bytes:
    def indent(match: re.Match[bytes]) -> bytes:
        return b"\t" * (len(match.group(0)) // 4)

    return re.sub(rb"(?m)^(?:    )+", indent, data)


def _latin1(data: bytes) -> bytes:
    text = data.decode()
    head = "# -*- coding: latin-1 -*-\n# Caf\xe9 m\xfcsli, \xa9 taskleak\n"
    return (head + text).encode("latin-1")


def _bom(data: bytes) -> bytes:
    return b"\xef\xbb\xbf" + data


DRESSES: dict[str, Callable[[bytes], bytes]] = {
    "crlf": _crlf, "tabs": _tabs, "latin1": _latin1, "bom": _bom,
}
DRESSED = ["module_function", "method_with_close", "comments_blank_lines", "multiline_call",
           "no_asyncio_import", "unsafe_cancel_in_close_repeating", "discard_callback",
           "one_line_suite", "stale_directives"]


@pytest.mark.parametrize("dress", sorted(DRESSES))
@pytest.mark.parametrize("name", DRESSED)
def test_line_endings_indentation_and_encodings_are_kept(name: str, dress: str) -> None:
    before, after = _pair(name)
    put_on = DRESSES[dress]
    result = _fix(name, put_on(before))
    assert result.error is None
    assert result.fixed == put_on(after)


def test_mixed_line_endings_keep_the_first_one() -> None:
    """libcst writes new lines with the file's first line ending; old lines stay as they were."""
    before, _ = _pair("module_function")
    mixed = before.replace(b"\n", b"\r\n", 3)
    result = _fix("module_function", mixed)
    assert result.applied
    assert result.fixed.count(b"\r\n") > mixed.count(b"\r\n")
    compile(result.fixed, "mixed.py", "exec", dont_inherit=True)
