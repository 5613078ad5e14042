"""Baselines: record today's findings, then report only new ones.

A finding is identified by a fingerprint of its path, rule, the spawning statement's code
(whitespace-normalised) and its enclosing function, never by line number, so entries survive
edits that move code around. Identical spawns in one file (same rule, code and function) are told
apart by an occurrence index in source order.

A path that is not valid UTF-8 is recorded, and fingerprinted, as `files.printable` shows it
(`caf\xe9.py`): the file is valid UTF-8 JSON, and the same finding matches it on the next run.
"""

from __future__ import annotations

import hashlib
import io
import tokenize
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from taskleak.files.jsonfile import Wording, read_versioned
from taskleak.files.output import OutputError, write_target
from taskleak.files.paths import relative_path
from taskleak.files.printable import json_text, printable
from taskleak.model import Finding
from taskleak.records import record

BASELINE_VERSION = 1
FINGERPRINT_KEY = "taskleak/v1"  # the SARIF partialFingerprints key for `fingerprint()`


class BaselineError(Exception):
    """A baseline file that cannot be read or written; the message names the file."""


@dataclass(frozen=True, order=True)
class BaselineEntry:
    path: str  # '/'-separated, relative to the fingerprint root
    rule: str
    context: str
    code: str  # the normalised spawning statement
    occurrence: int
    fingerprint: str

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "rule": self.rule,
            "context": self.context,
            "code": self.code,
            "occurrence": self.occurrence,
            "fingerprint": self.fingerprint,
        }


@record(frozen=True)
class Baseline:
    entries: tuple[BaselineEntry, ...]
    root: Path | None = None  # the folder entry paths are relative to (None: the current one)


def normalise_code(code: str) -> str:
    """The statement's tokens without layout or comments, so re-wrapping keeps its identity.

    `create_task(\n    send(x)\n)` and `create_task(send(x))` both become `create_task(send(x))`;
    a space is kept only where two words would otherwise merge (`await x`).
    """
    out: list[str] = []
    try:
        for tok in tokenize.generate_tokens(io.StringIO(code).readline):
            if tok.type in _LAYOUT_TOKENS or not tok.string:
                continue
            if out and _is_word_end(out[-1]) and _is_word_start(tok.string):
                out.append(" ")
            out.append(tok.string)
    except (tokenize.TokenError, SyntaxError):
        return " ".join(code.split())  # not a whole statement: still ignore whitespace runs
    return "".join(out)


_LAYOUT_TOKENS = frozenset({
    tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT, tokenize.COMMENT,
    tokenize.ENDMARKER,
})


def _is_word_end(text: str) -> bool:
    return text[-1].isalnum() or text[-1] == "_"


def _is_word_start(text: str) -> bool:
    return text[0].isalnum() or text[0] in "_'\""


def _digest(path: str, rule: str, code: str, context: str) -> str:
    key = "\0".join((path, rule, code, context)).encode("utf-8")
    return hashlib.sha256(key).hexdigest()[:16]


def baseline_entries(
    findings: Iterable[Finding], root: Path | None = None
) -> list[tuple[Finding, BaselineEntry]]:
    """Each finding with its baseline entry (in source order within a file).

    Entry paths are relative to `root` (default: the current folder): fingerprints use paths
    relative to a stable root (the project root a baseline records), so a baseline still matches
    when taskleak runs from another directory.
    """
    seen: Counter[tuple[str, str, str, str]] = Counter()
    out: list[tuple[Finding, BaselineEntry]] = []
    for finding in sorted(findings, key=Finding.sort_key):
        path = printable(relative_path(finding.path, root))
        code = normalise_code(finding.snippet)
        identity = (path, finding.rule, code, finding.context)
        occurrence = seen[identity]
        seen[identity] += 1
        fingerprint = f"{_digest(*identity)}:{occurrence}"
        out.append((finding, BaselineEntry(
            path, finding.rule, finding.context, code, occurrence, fingerprint
        )))
    return out


def fingerprints(findings: Iterable[Finding], root: Path | None = None) -> dict[Finding, str]:
    """Finding -> its fingerprint (also SARIF's `partialFingerprints["taskleak/v1"]`)."""
    return {f: e.fingerprint for f, e in baseline_entries(findings, root)}


def write_baseline(path: Path, findings: Iterable[Finding], root: Path | None = None) -> int:
    """Write the findings' entries to `path` atomically; return how many were written.

    Entry paths are relative to `root` (default: the baseline file's folder); the file records
    where that root is, relative to itself, so it keeps matching from any working directory.
    """
    folder = path.parent
    root = folder if root is None else root
    entries = sorted(e for _, e in baseline_entries(findings, root))
    document = {
        "version": BASELINE_VERSION,
        "tool": "taskleak",
        "root": printable(relative_path(root, folder)),
        "entries": [e.to_json() for e in entries],
    }
    text = json_text(document, indent=2) + "\n"
    try:
        write_target(path, text.encode("utf-8"), where=f"baseline file {path}")
    except OutputError as exc:
        raise BaselineError(str(exc)) from None
    return len(entries)


_WORDING = Wording(
    missing="{what} {path} does not exist (create it with `taskleak check --write-baseline FILE`)",
    unreadable="cannot read {what} {path}: {error}",
    invalid="{what} {path} is not valid JSON (line {line}, column {column}): {msg}",
    wrong_kind="{what} {path}: expected a JSON object",
    unsupported="{what} {path}: unsupported version {version} "
                "(this taskleak reads version {versions})",
)


def load_baseline(path: Path) -> Baseline:
    # any object is a baseline: files written by hand or by old versions need not say "tool"
    document = read_versioned(path, what="baseline file", versions=(BASELINE_VERSION,),
                              error=BaselineError, wording=_WORDING)
    raw_entries = document.get("entries")
    if not isinstance(raw_entries, list):
        raise BaselineError(f"baseline file {path}: 'entries' must be a list")
    root = document.get("root", ".")
    if not isinstance(root, str):
        raise BaselineError(f"baseline file {path}: 'root' must be a string")
    entries = tuple(_entry(path, i, e) for i, e in enumerate(raw_entries))
    return Baseline(entries, root=path.parent / root)


def filter_with_baseline(
    findings: Sequence[Finding], baseline: Baseline, root: Path | None = None
) -> tuple[list[Finding], list[Finding], list[BaselineEntry]]:
    """Split findings into (new, matched) and list the entries nothing matched any more (fixed).

    `root` defaults to the root the baseline file recorded when it was written.
    """
    if root is None:
        root = baseline.root
    remaining = Counter(e.fingerprint for e in baseline.entries)
    new: list[Finding] = []
    matched: list[Finding] = []
    for finding, entry in baseline_entries(findings, root):
        if remaining[entry.fingerprint] > 0:
            remaining[entry.fingerprint] -= 1
            matched.append(finding)
        else:
            new.append(finding)
    fixed: list[BaselineEntry] = []
    for entry in sorted(baseline.entries):
        if remaining[entry.fingerprint] > 0:
            remaining[entry.fingerprint] -= 1
            fixed.append(entry)
    return new, matched, fixed


_ENTRY_FIELDS: dict[str, type] = {
    "path": str, "rule": str, "context": str, "code": str, "occurrence": int, "fingerprint": str,
}


def _entry(path: Path, index: int, raw: object) -> BaselineEntry:
    if not isinstance(raw, dict):
        raise BaselineError(f"baseline file {path}: entry {index} is not an object")
    for key, kind in _ENTRY_FIELDS.items():
        value = raw.get(key)
        # bool is an int subclass; an occurrence of `true` is still corrupt
        if not isinstance(value, kind) or isinstance(value, bool):
            raise BaselineError(
                f"baseline file {path}: entry {index} has no valid {key!r} ({kind.__name__})"
            )
    return BaselineEntry(
        raw["path"], raw["rule"], raw["context"], raw["code"], raw["occurrence"],
        raw["fingerprint"],
    )
