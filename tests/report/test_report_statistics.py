"""`--statistics` marks as ruff 0.17 does: `[*]` every finding of the rule fixable, `[-]` some,
`[ ]` none, and no mark column when no rule's findings are fixable; its JSON is ruff's shape."""

from __future__ import annotations

import json

from findings_factory import TRACKED_SET_FIX, make_finding

from taskleak.model import Finding, RunResult
from taskleak.report.statistics import render_statistics
from taskleak.settings import Settings

FIXED = make_finding(fix=TRACKED_SET_FIX)
UNFIXED = make_finding(line=20)  # no fix offered
KEPT = make_finding(rule="TL201", line=30)


def _stats(*findings: Finding, as_json: bool = False) -> str:
    result = RunResult(list(findings), [], files_scanned=1, files_parsed=1)
    return render_statistics(result, Settings(), as_json=as_json, quiet=True)


def test_all_some_and_none_fixable() -> None:
    assert _stats(FIXED, make_finding(line=12, fix=TRACKED_SET_FIX), KEPT) == (
        "2\tTL101\t[*] task-discarded\n1\tTL201\t[ ] task-never-cleaned\n")
    assert _stats(FIXED, UNFIXED, KEPT) == (
        "2\tTL101\t[-] task-discarded\n1\tTL201\t[ ] task-never-cleaned\n")


def test_no_mark_when_nothing_is_fixable() -> None:
    assert _stats(UNFIXED, KEPT) == "1\tTL101\ttask-discarded\n1\tTL201\ttask-never-cleaned\n"


def test_json_counts_the_fixable_ones_as_ruff_does() -> None:
    rows = json.loads(_stats(FIXED, UNFIXED, KEPT, as_json=True))
    assert rows == [
        {"code": "TL101", "name": "task-discarded", "count": 2, "fixable": False,
         "fixable_count": 1},
        {"code": "TL201", "name": "task-never-cleaned", "count": 1, "fixable": False,
         "fixable_count": 0}]
    assert json.loads(_stats(FIXED, as_json=True))[0]["fixable"] is True
