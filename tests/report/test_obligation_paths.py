"""Every spawn finding's JSON carries its obligation's path (issue 55): a high or medium row
says how the task is lost (`loss`, a family of loss), a low row what ends it or who takes it
(`end`) or what was not followed (`unresolved`); the holders are the ones its words name."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import TESTS, analyze_source, sample_files

from taskleak.files.lines import source_lines
from taskleak.model import Family, Risk, StepKind
from taskleak.rules import judges_a_spawn

LOSSES = {Family.DROPPED, Family.OVERWRITTEN, Family.UNENDED}
PROGRAMS = sample_files()


@pytest.mark.parametrize("path", PROGRAMS, ids=lambda p: str(p.relative_to(TESTS.parent)))
def test_each_finding_carries_its_path(path: Path) -> None:
    text = path.read_text(encoding="utf-8", errors="replace")
    lines = source_lines(text)
    for finding in analyze_source(text, path.name):
        if not judges_a_spawn(finding.rule):  # a noqa comment's, a file's
            continue
        obligation = finding.obligation
        assert obligation is not None, finding
        assert obligation.created, finding
        for step in obligation.steps:  # placed in the file; an end where its code is
            assert 1 <= step.line <= len(lines), step
            if step.kind is StepKind.END:
                assert lines[step.line - 1][step.column - 1:].startswith(
                    step.name.split("(")[0].split(" ")[0]), step
        if obligation.family is not Family.ENDED:
            assert all(s.kind is StepKind.STORE for s in obligation.steps), finding
        if finding.risk in (Risk.HIGH, Risk.MEDIUM):
            assert obligation.family in LOSSES and obligation.loss, finding
            assert not obligation.end and not obligation.unresolved
        elif obligation.family is Family.UNRESOLVED:
            assert obligation.unresolved and not obligation.loss, finding
        else:
            assert obligation.family in (Family.ENDED, Family.HANDED), finding
            assert obligation.end and not obligation.loss, finding


def test_the_json_row_names_the_holders_and_the_loss() -> None:
    [finding] = analyze_source(
        "import asyncio\n\n\nclass Poller:\n    def start(self):\n"
        "        self._task = asyncio.create_task(self._poll())\n\n"
        "    async def _poll(self):\n        while True:\n            await asyncio.sleep(1)\n")
    row = finding.to_json()["obligation"]
    assert row == {"family": "unended", "created": "asyncio.create_task(self._poll())",
                   "holders": [{"kind": "attribute", "name": "self._task"}],
                   "loss": "kept, but nothing awaits, cancels or gathers it",
                   "steps": [{"kind": "store", "line": 6, "column": 9, "name": "self._task"}]}


def test_every_fate_has_a_family_and_every_loss_its_words() -> None:
    """A new fate kind cannot reach a finding without its family (a KeyError at judgement) or,
    when it is a loss, without the words that say how the task is lost."""
    from taskleak.analysis.facts.fates import FateKind
    from taskleak.analysis.obligations import paths

    assert set(paths._FAMILIES) == set(FateKind)
    lost = {k for k, family in paths._FAMILIES.items() if family in LOSSES}
    assert lost == set(paths._LOSSES)
