"""The data that flows from analysis to reports and fixes.

Everything here is plain, picklable data (no libcst nodes), so results can cross a process
pool and be stored in the cache.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from taskleak.records import record


class Risk(str, Enum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"

    @property
    def rank(self) -> int:
        """Higher is worse: high=3, medium=2, low=1."""
        return {"high": 3, "medium": 2, "low": 1}[self.value]

    @property
    def colour(self) -> str:
        return {"high": "red", "medium": "yellow", "low": "green"}[self.value]


# What names one finding in its file, wherever findings are picked (fix targets, the editor's
# quick fixes, the join's call sites): (line, column, rule code).
FindingKey = tuple[int, int, str]


class FixKind(Enum):
    """A kind of fix `taskleak fix` can apply; each has its applicability and page text in
    `taskleak.rules.base.FIX_KINDS`, and one module that builds it: a spawn's in
    `taskleak.fixes.kinds`, the unused-noqa rule's in `taskleak.suppress.noqa_fix`."""

    TRACKED_SET = "tracked-set"
    AWAIT = "await"
    CANCEL_PREVIOUS = "cancel-previous"
    CANCEL_IN_CLOSE = "cancel-in-close"
    DISCARD_CALLBACK = "discard-callback"
    TASK_GROUP = "task-group"
    REMOVE_NOQA = "remove-noqa"


class Family(str, Enum):
    """What became of a spawn's obligation (the task it created): its end, its hand-over, or
    how it is lost (`taskleak.analysis.obligations.paths`)."""

    ENDED = "ended"  # discharged: awaited, cancelled, gathered, pruned once done, structured
    HANDED = "handed"  # transferred to whoever ends it: the caller, a helper, a loop
    UNRESOLVED = "unresolved"  # a holder or an argument the analysis did not follow
    DROPPED = "dropped"  # lost: nothing keeps it (or only a local that dies, a weak reference)
    OVERWRITTEN = "overwritten"  # lost: its holder is overwritten while it may still run
    UNENDED = "unended"  # kept, but nothing ends it (or a race, a `yield`, leaves it running)


@record(frozen=True)
class Holding:
    """One holder the task goes through: `kind` (local, attribute, global, collection, entry,
    caller, callee, group, loop ...) and its name as written (`self._tasks`)."""

    kind: str
    name: str

    def to_json(self) -> dict[str, str]:
        return {"kind": self.kind, "name": self.name}


class StepKind(str, Enum):
    """A place on a task's path after its spawn."""

    STORE = "store"  # the task is stored into a holder (at the spawn, or later)
    END = "end"  # a read that ends it: an await, a cancel, a gather


@record(frozen=True)
class Step:
    """Where the task is stored or ended: 1-based line and column in the spawn's file, and
    the holder or the ending read as written (`self._task`, `self._task.cancel`)."""

    kind: StepKind
    line: int
    column: int
    name: str

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind.value, "line": self.line, "column": self.column,
                "name": self.name}


@record(frozen=True)
class Obligation:
    """A finding's path: the task created, the holders it goes through, and what ends it (a
    low row's `end`, or what was not followed: `unresolved`) or how it is lost (`loss`);
    `steps`: where in its file it is stored and ended, in the order of the text."""

    family: Family
    created: str  # the spawner and what it runs: "asyncio.create_task(self._send())"
    holders: tuple[Holding, ...] = ()
    end: str = ""
    loss: str = ""
    unresolved: str = ""
    steps: tuple[Step, ...] = ()

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"family": self.family.value, "created": self.created,
                               "holders": [h.to_json() for h in self.holders]}
        for name in ("end", "loss", "unresolved"):
            if getattr(self, name):
                out[name] = getattr(self, name)
        if self.steps:
            out["steps"] = [s.to_json() for s in self.steps]
        return out


@record(frozen=True)
class FixInfo:
    """A fix that taskleak can apply to a finding."""

    kind: FixKind
    safe: bool  # safe fixes run by default; unsafe ones need --unsafe-fixes
    description: str

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind.value,
            "applicability": "safe" if self.safe else "unsafe",
            "description": self.description,
        }


@record(frozen=True)
class Finding:
    """One task spawn, classified like a row of the seeds' scan table."""

    path: str  # relative to the current directory, '/'-separated
    line: int  # 1-based line of the spawning call
    column: int  # 1-based column of the spawning call
    end_line: int
    end_column: int  # 1-based, one past the last character (like SARIF's endColumn)
    rule: str  # the rule's code
    risk: Risk
    spawner: str  # resolved qualified name, e.g. "asyncio.create_task", "loop.create_task"
    coroutine: str  # what is spawned, e.g. "self._websocket_send_func()"
    tracked: str  # how the Task is kept, e.g. "discarded", "attribute self._task"
    cleaned: str  # what ends it, e.g. "none", "cancelled in close()"
    message: str  # the claim, short: what happens to the task ("task send() is discarded")
    # Why the claim matters, when it is the same for every finding of its kind (a dropped task
    # can vanish mid-run ...): printed once per run by the human formats, a row field in JSON.
    because: str = ""
    fix: FixInfo | None = None
    no_fix_reason: str | None = None  # why there is no fix, when fix is None
    # Not part of the public JSON row, but used by the baseline, noqa and fixes.
    context: str = ""  # qualified name of the enclosing function/class, e.g. "Agent.send"
    snippet: str = ""  # the spawning statement's code, whitespace-normalised
    statement_line: int = 0  # 1-based first line of the statement holding the spawn (noqa)
    confirmed: bool = False  # a runtime report saw this spawn leak
    structured: bool = False  # spawned in a task group: safe by construction, never gated
    obligation: Obligation | None = None  # its path (a spawn's findings; not a file's)
    # What shows the claim, one phrase each: how often the spawn runs, what reads the holder,
    # what the cleanup reaches ("disconnect() cancels only self._ws"). Context lines of `full`,
    # `--show-fixes` and `explain`, a JSON field; never the header line.
    evidence: tuple[str, ...] = ()

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.rule)

    def to_json(self) -> dict[str, Any]:
        row: dict[str, Any] = {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "rule": self.rule,
            "risk": self.risk.value,
            "spawner": self.spawner,
            "coroutine": self.coroutine,
            "tracked": self.tracked,
            "cleaned": self.cleaned,
            "message": self.message,
            "evidence": list(self.evidence),
            "fix": self.fix.to_json() if self.fix else None,
        }
        if self.because:
            row["because"] = self.because
        if self.fix is None and self.no_fix_reason:
            row["no_fix_reason"] = self.no_fix_reason
        if self.confirmed:
            row["confirmed_at_runtime"] = True
        if self.obligation is not None:
            row["obligation"] = self.obligation.to_json()
        return row


@record(frozen=True)
class Skipped:
    """A file that could not be analysed (it never stops the run)."""

    path: str
    reason: str
    line: int | None = None
    internal: bool = False  # a bug in taskleak, not in the file: the run exits 2
    column: int | None = None  # 1-based, when known (a syntax error's)

    @property
    def where(self) -> str:
        """`path`, `path:line` or `path:line:column`."""
        if self.line is None:
            return self.path
        return f"{self.path}:{self.line}" + (f":{self.column}" if self.column else "")


@record
class RunResult:
    """What a whole run produced, sorted and ready for a report."""

    findings: list[Finding]
    skipped: list[Skipped]
    files_scanned: int
    files_parsed: int
    suppressed: int = 0  # spawns left out of `findings` by noqa comments or per-file-ignores

    def counts(self) -> dict[str, int]:
        out = {r.value: 0 for r in Risk}
        for f in self.findings:
            out[f.risk.value] += 1
        return out


def fails_gate(finding: Finding, fail_on: str) -> bool:
    """Whether `finding` fails `taskleak check` under `--fail-on` (`high`, `medium`, `low` or
    `none`): a structured spawn never does, being safe by construction."""
    return fail_on != "none" and not finding.structured and \
        finding.risk.rank >= Risk(fail_on).rank
