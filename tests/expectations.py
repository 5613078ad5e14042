"""The one format of a check case's expectations: the rows `taskleak check` must report.

An expectation file is a JSON list with one object per finding, one object per line:

    [
      {"path": "x.py", "line": 5, "column": 5, "rule": "TL101", "risk": "high", "message": "...",
       "evidence": ["spawned once per loop iteration"]}
    ]

(each object on one line). Every key is required and nothing else is allowed: a row is the
concise line a user reads (`x.py:5:5: TL101 high: ...`) and the evidence lines `full` prints
under it, so a case checks the words, not only where and how bad. The keys
are those of taskleak's own JSON report. Rows are sorted by path, line, column and rule.
`tests/rules/README.md` says why this shape and not comments in the programs.
"""

from __future__ import annotations

import difflib
import itertools
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any, NamedTuple

from taskleak.model import Finding, Risk

KEYS = ("path", "line", "column", "rule", "risk", "message", "evidence")
RISKS = frozenset(r.value for r in Risk)


class CaseFormatError(ValueError):
    """An expectation file that is not a list of well-formed rows."""


class Row(NamedTuple):
    path: str  # relative to the folder the check runs in, '/'-separated
    line: int  # 1-based, the spawning call's (or the noqa comment's)
    column: int  # 1-based
    rule: str
    risk: str
    message: str
    evidence: tuple[str, ...] = ()  # what shows the claim, as `full` lists it under the line

    def concise(self) -> str:
        """The row as one line, like `taskleak check --output-format concise` with the risk,
        and its evidence in brackets."""
        shown = f" [{'; '.join(self.evidence)}]" if self.evidence else ""
        return (f"{self.path}:{self.line}:{self.column}: {self.rule} {self.risk}: "
                f"{self.message}{shown}")

    @classmethod
    def of(cls, finding: Finding) -> Row:
        return cls(finding.path, finding.line, finding.column, finding.rule,
                   finding.risk.value, finding.message, tuple(finding.evidence))

    @classmethod
    def of_json(cls, report_row: dict[str, Any]) -> Row:
        """A row of `taskleak check --format json`'s `findings`."""
        return cls(*(report_row[k] for k in KEYS[:-1]), tuple(report_row["evidence"]))


def _row(item: object, where: str) -> Row:
    if not isinstance(item, dict):
        raise CaseFormatError(f"{where}: expected an object, got {type(item).__name__}")
    if set(item) != set(KEYS):
        missing, extra = sorted(set(KEYS) - set(item)), sorted(set(item) - set(KEYS))
        raise CaseFormatError(f"{where}: missing keys {missing}, unknown keys {extra}")
    path, line, column, rule, risk, message, evidence = (item[k] for k in KEYS)
    if not isinstance(path, str) or not path or "\\" in path or path.startswith("/"):
        raise CaseFormatError(f"{where}: path {path!r} is not a relative '/'-separated path")
    for key, number in (("line", line), ("column", column)):
        if not isinstance(number, int) or isinstance(number, bool) or number < 1:
            raise CaseFormatError(f"{where}: {key} {number!r} is not a number from 1")
    if not isinstance(rule, str) or not rule.isalnum():
        raise CaseFormatError(f"{where}: rule {rule!r} is not a rule code")
    if risk not in RISKS:
        raise CaseFormatError(f"{where}: risk {risk!r} is not one of {sorted(RISKS)}")
    if not isinstance(message, str) or not message.strip() or message != message.strip() \
            or "\n" in message or "\r" in message:
        raise CaseFormatError(f"{where}: message {message!r} is not one trimmed line of text")
    if not isinstance(evidence, list) or not all(
            isinstance(e, str) and e.strip() and e == e.strip() and "\n" not in e
            for e in evidence):
        raise CaseFormatError(f"{where}: evidence {evidence!r} is not a list of trimmed lines")
    return Row(path, line, column, rule, risk, message, tuple(evidence))


def parse_rows(text: str, name: str = "<expected>") -> list[Row]:
    """The rows of an expectation file's text; `CaseFormatError` for anything else."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CaseFormatError(f"{name}: not JSON ({exc})") from None
    if not isinstance(data, list):
        raise CaseFormatError(f"{name}: expected a JSON list of rows")
    rows = [_row(item, f"{name}[{i}]") for i, item in enumerate(data)]
    for i, (a, b) in enumerate(itertools.pairwise(rows), start=1):
        if a[:4] > b[:4]:
            raise CaseFormatError(f"{name}[{i}]: rows must be sorted by path, line, column, rule"
                                  f" ({b.concise()!r} after {a.concise()!r})")
    return rows


def load_rows(path: Path) -> list[Row]:
    return parse_rows(path.read_text(encoding="utf-8"), str(path))


def dump_rows(rows: Iterable[Row]) -> str:
    """The file's text: sorted rows, one JSON object a line (a changed word is a changed line)."""
    lines = [json.dumps({**row._asdict(), "evidence": list(row.evidence)}, ensure_ascii=False)
             for row in sorted(rows)]
    if not lines:
        return "[]\n"
    return "[\n" + ",\n".join(f"  {line}" for line in lines) + "\n]\n"


def difference(expected: Iterable[Row], actual: Iterable[Row], name: str) -> str:
    """A unified diff of the concise lines, expected to actual; empty when they are the same."""
    before = [r.concise() for r in sorted(expected)]
    after = [r.concise() for r in sorted(actual)]
    return "\n".join(difflib.unified_diff(before, after, name, "taskleak check", lineterm=""))
