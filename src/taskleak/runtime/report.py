"""The runtime report: leaked tasks per creation site, as JSON, and its link to static findings.

    {"version": 1, "kind": "taskleak-runtime-report",
     "leaks": [{"path": "/abs/app/server.py", "line": 41, "function": "handler",
                "coroutine": "ServiceContext._finish_heavy_init", "task_name": "Task-12",
                "count": 10, "kind": "pending", "site": "factory"}]}

`path` and `line` are the creation site (the spawning call); `count` how many tasks leaked
there; `task_name` the first one's name; `kind` "pending" or "destroyed" (garbage-collected while
pending); `site` how the site was found ("factory", "origin", "definition").
`confirm()` marks the static findings at those sites as confirmed at runtime.
"""

from __future__ import annotations

import dataclasses
import json
import linecache
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from taskleak.files.atomic import write_file
from taskleak.files.jsonfile import Wording, read_versioned
from taskleak.files.paths import relative_if_inside
from taskleak.model import Finding, Risk
from taskleak.records import record
from taskleak.runtime.leaks import PENDING, LeakedTask

REPORT_VERSION = 1
REPORT_KIND = "taskleak-runtime-report"


class RuntimeReportError(Exception):
    """A runtime report that cannot be read; the message says which file and why."""


@record(frozen=True)
class RuntimeLeak:
    path: str
    line: int
    function: str
    coroutine: str
    task_name: str
    count: int = 1
    kind: str = PENDING
    site: str = "factory"

    def key(self) -> tuple[str, int, str, str, str]:
        return (self.path, self.line, self.function, self.coroutine, self.kind)

    def to_json(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_json(cls, data: object, where: str) -> RuntimeLeak:
        if not isinstance(data, dict):
            raise RuntimeReportError(f"{where}: a leak entry must be an object")
        values: dict[str, Any] = {}
        for name, kind, required in _FIELDS:
            value = data.get(name)
            if value is None:
                if required:
                    raise RuntimeReportError(f"{where}: leak entry lacks {name!r}")
                continue
            if not isinstance(value, kind) or isinstance(value, bool):
                raise RuntimeReportError(
                    f"{where}: {name!r} must be {'an integer' if kind is int else 'a string'}"
                )
            values[name] = value
        if values["line"] < 0 or values.get("count", 1) < 1:
            raise RuntimeReportError(f"{where}: 'line' must be >= 0 and 'count' >= 1")
        return cls(**values)


_FIELDS: tuple[tuple[str, type, bool], ...] = (
    ("path", str, True),
    ("line", int, True),
    ("function", str, False),
    ("coroutine", str, False),
    ("task_name", str, False),
    ("count", int, False),
    ("kind", str, False),
    ("site", str, False),
)


def runtime_leaks(leaks: Iterable[LeakedTask]) -> list[RuntimeLeak]:
    """Aggregate leaked tasks per creation site (absolute path) and coroutine."""
    out: list[RuntimeLeak] = []
    for leak in leaks:
        site = leak.created_at
        out.append(
            RuntimeLeak(
                path=os.path.abspath(site.path) if site else "",
                line=site.line if site else 0,
                function=site.function if site else "",
                coroutine=leak.coroutine,
                task_name=leak.name,
                kind=leak.kind,
                site=site.source if site else "unknown",
            )
        )
    return merge_leaks([], out)


def merge_leaks(*groups: Iterable[RuntimeLeak]) -> list[RuntimeLeak]:
    """Sum counts of entries with the same site, coroutine and kind; keep the first name."""
    merged: dict[tuple[str, int, str, str, str], RuntimeLeak] = {}
    for group in groups:
        for leak in group:
            seen = merged.get(leak.key())
            merged[leak.key()] = (
                leak if seen is None else dataclasses.replace(seen, count=seen.count + leak.count)
            )
    return sorted(merged.values(), key=lambda x: (x.path, x.line, x.coroutine, x.kind))


def report_json(leaks: Iterable[RuntimeLeak]) -> dict[str, Any]:
    return {
        "version": REPORT_VERSION,
        "kind": REPORT_KIND,
        "leaks": [leak.to_json() for leak in leaks],
    }


def write_runtime_report(
    path: str | os.PathLike[str],
    leaks: Iterable[LeakedTask | RuntimeLeak],
    *,
    merge: bool = False,
) -> list[RuntimeLeak]:
    """Write (or, with `merge`, add to) a runtime report atomically; returns what was written.

    Merging into a file that is not a readable runtime report raises RuntimeReportError rather
    than overwrite it.
    """
    target = Path(path)
    items = list(leaks)
    new = merge_leaks(
        [x for x in items if isinstance(x, RuntimeLeak)],
        runtime_leaks(x for x in items if isinstance(x, LeakedTask)),
    )
    if merge and target.exists():
        new = merge_leaks(load_runtime_report(target), new)
    text = json.dumps(report_json(new), indent=2) + "\n"
    write_file(target, text.encode("utf-8"), make_parents=True)
    return new


_WORDING = Wording(wrong_kind="{path}: not a taskleak {what}")


def load_runtime_report(path: str | os.PathLike[str]) -> list[RuntimeLeak]:
    """Read a runtime report; RuntimeReportError with a clear reason when it is not one."""
    where = os.fspath(path)
    data = read_versioned(path, what="runtime report", kind=("kind", REPORT_KIND),
                          versions=(REPORT_VERSION,), error=RuntimeReportError,
                          wording=_WORDING)
    entries = data.get("leaks")
    if not isinstance(entries, list):
        raise RuntimeReportError(f"{where}: 'leaks' must be a list")
    return [RuntimeLeak.from_json(e, f"{where}: leaks[{i}]") for i, e in enumerate(entries)]


def confirm(
    findings: list[Finding], leaks: Iterable[RuntimeLeak], root: Path
) -> tuple[list[Finding], list[RuntimeLeak]]:
    """Mark findings whose spawn leaked at runtime; return them and the leaks with no finding.

    A finding's `path` is relative to `root` (the directory `taskleak check` ran in); a leak's
    path is absolute (or relative to `root`). A leak matches the finding on the same line, else
    the innermost finding whose call spans that line (a call written over several lines).
    """
    spans: dict[str, list[tuple[int, int, int]]] = {}  # file -> (line, end_line, index)
    for index, finding in enumerate(findings):
        spans.setdefault(_file_key(finding.path, root), []).append(
            (finding.line, max(finding.end_line, finding.line), index)
        )
    confirmed: set[int] = set()
    unmatched: list[RuntimeLeak] = []
    for leak in leaks:
        candidates = spans.get(_file_key(leak.path, root), []) if leak.path else []
        matched = _match(candidates, leak, findings)
        if matched is None:
            unmatched.append(leak)
        else:
            confirmed.add(matched)
    out = [
        _confirmed(f) if i in confirmed and not f.confirmed else f
        for i, f in enumerate(findings)
    ]
    return out, unmatched


# what the static check says when it found a cleanup for the task
_NO_CLEANUP = ("", "none", "nothing")


def _confirmed(finding: Finding) -> Finding:
    """The finding, confirmed at runtime: a leak seen running is never low risk (the row is
    raised to medium, so it is listed by default), and a cleanup the static check found is
    annotated with why the runtime disagrees."""
    risk = Risk.MEDIUM if finding.risk is Risk.LOW else finding.risk
    cleaned = finding.cleaned
    if cleaned.strip().lower() not in _NO_CLEANUP:
        cleaned = (
            f"{cleaned}; but still pending at runtime after the test: that cleanup did not run "
            "(nothing called it in the test or its fixtures) or did not end the task"
        )
    return dataclasses.replace(finding, confirmed=True, risk=risk, cleaned=cleaned)


def link_runtime_report(
    findings: list[Finding], report: str | os.PathLike[str], paths: Iterable[Path], root: Path
) -> tuple[list[Finding], list[RuntimeLeak]]:
    """Load `report` and `confirm()` the findings; runtime-only leaks are kept only when their
    file lies under one of the checked `paths` (a leak in an unchecked file is no miss)."""
    confirmed, unmatched = confirm(findings, load_runtime_report(report), root)
    scopes = [_file_key(os.fspath(p), root) for p in paths]
    inside = [
        leak
        for leak in unmatched
        if leak.path and any(_within(_file_key(leak.path, root), scope) for scope in scopes)
    ]
    return confirmed, inside


def describe_runtime_only(leak: RuntimeLeak, root: Path) -> str:
    """One line for a leak seen at runtime that no static finding explains; says what kind of
    site it is when the line tells (a gather() call, a handler's definition)."""
    where = f"{relative_if_inside(leak.path, root)}:{leak.line}"
    what = f"{leak.count} x {leak.coroutine}()"
    if leak.kind != PENDING:
        what += f" ({leak.kind} while pending)"
    marker = f" [{leak.site}]" if leak.site != "factory" else ""
    kind = _site_kind(leak)
    if kind == "gather":
        return (
            f"{where}: leaked at runtime, spawned by gather(){marker}: {what} created in "
            f"{leak.function} (gather() leaves its other awaitables running when one raises; "
            "no static rule reports that)"
        )
    if kind == "definition":
        return (
            f"{where}: leaked at runtime, a handler defined here{marker}: {what}, started by "
            "code that is not on the stack (a library's callback, e.g. a server's connection "
            "handler): no static finding at a definition"
        )
    return (
        f"{where}: leaked at runtime, no static finding{marker}: {what} created in "
        f"{leak.function}"
    )


_GATHER = re.compile(r"\bgather\s*\(")
_DEF = re.compile(r"^\s*async\s+def\s")


def _site_kind(leak: RuntimeLeak) -> str:
    """'gather' for a spawn inside a gather() call, 'definition' for a handler's `async def`
    line, else ''."""
    if not leak.path:
        return ""
    text = linecache.getline(leak.path, leak.line)
    if leak.site == "definition" or _DEF.match(text):
        return "definition"
    if _GATHER.search(text):
        return "gather"
    return ""


def _within(path: str, scope: str) -> bool:
    return path == scope or path.startswith(scope.rstrip(os.sep) + os.sep)


def _match(
    candidates: list[tuple[int, int, int]], leak: RuntimeLeak, findings: list[Finding]
) -> int | None:
    line = leak.line
    exact = [index for start, _end, index in candidates if start == line]
    if exact:  # two spawns on one line: prefer the one that spawns the leaked coroutine
        name = leak.coroutine.rsplit(".", 1)[-1]
        named = [i for i in exact if name and f"{name}(" in findings[i].coroutine]
        return (named or exact)[0]
    spanning = [(end - start, index) for start, end, index in candidates if start <= line <= end]
    return min(spanning)[1] if spanning else None


def _file_key(path: str, root: Path) -> str:
    full = Path(path) if os.path.isabs(path) else root / path
    return os.path.normcase(os.path.realpath(full))
