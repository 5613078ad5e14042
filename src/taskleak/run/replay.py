"""A check whose inputs are all unchanged replays the last check's result.

Speed trick (one place): a warm check of an unchanged tree still loads every file's cached
facts, joins them into findings and applies the `# noqa` comments, to get the result the last
check already had. When every file a check discovers has the stat it had when the last check
under the same settings (and targets, and working folder) finished, and none was modified within
`RACY_SECONDS` of that check, the findings, skipped files and `# noqa` warnings are that check's.
Anything else (one edited file, a new or removed one, other settings) is a miss, and the check
runs as before and records its own result. Measured on homeassistant (10,916 files, warm,
nothing changed; hyperfine, 20 runs): 0.23-0.26 s without it, 0.180 s with it (0.158-0.165 s
with records.py's cheaper classes too; ruff: 0.09 s); one touched file is a miss: 0.25 s.
`tests/run/test_replay.py` guards it.

Only `check` without fixes replays (a fix needs the facts, `Session.fix` analyses in full). The
record is one small JSON file beside the per-file cache (`<key>.run`, files/cachedir.py), written
atomically; a missing, unreadable or corrupt one is a miss.
"""

from __future__ import annotations

import dataclasses
import json
import os
from array import array
from collections.abc import Sequence
from enum import Enum
from pathlib import Path
from typing import Any

from taskleak.files.cachedir import (
    blake2b,
    cache_file,
    cache_key,
    racy_after_ns,
    today,
    write_cache_file,
)
from taskleak.files.regular import read_regular
from taskleak.model import (
    Family,
    Finding,
    FixInfo,
    FixKind,
    Holding,
    Obligation,
    Risk,
    RunResult,
    Skipped,
    Step,
    StepKind,
)
from taskleak.records import record

FORMAT = 4  # 2: a finding's obligation path; 3: its evidence; 4: the path's steps


@record
class Replayed:
    """What a check produced, as the next one replays it."""

    result: RunResult
    invalid_noqa: list[tuple[str, int]]


@record
class Seen:
    """Every file's stat, taken before any of them is read (None: it cannot be stat'ed), and
    their fingerprint: the digest of each path, mtime and size, in order; None when a file
    cannot be stat'ed or was modified so recently that its next edit may keep its mtime."""

    stats: list[os.stat_result | None]
    fingerprint: str | None

    @classmethod
    def take(cls, paths: Sequence[str]) -> Seen:
        stats: list[os.stat_result | None] = []
        for path in paths:
            try:
                stats.append(os.stat(path))
            except OSError:
                stats.append(None)
        return cls(stats, _fingerprint(paths, stats))


def _fingerprint(paths: Sequence[str], stats: Sequence[os.stat_result | None]) -> str | None:
    racy_after = racy_after_ns()
    numbers = array("q")
    for st in stats:
        if st is None or st.st_mtime_ns >= racy_after:
            return None
        numbers.append(st.st_mtime_ns)
        numbers.append(st.st_size)
    h = blake2b(digest_size=16)
    h.update("\0".join(paths).encode("utf-8", "surrogateescape"))
    h.update(numbers.tobytes())
    return h.hexdigest()


class RunRecord:
    """The last check's result under one key (settings, targets, working folder)."""

    def __init__(self, directory: Path, key_text: str) -> None:
        self.directory = directory
        self.key = cache_key(f"replay={FORMAT};{key_text}")
        self.file = cache_file(directory, self.key, "run")
        self._doc: dict[str, Any] | None = self._load()

    def _load(self) -> dict[str, Any] | None:
        try:
            doc = json.loads(read_regular(self.file))
        except (OSError, ValueError):
            return None
        if not isinstance(doc, dict) or doc.get("key") != self.key \
                or not isinstance(doc.get("fingerprint"), str):
            return None
        return doc

    @property
    def present(self) -> bool:
        """Whether a last check is recorded (this check is likely warm)."""
        return self._doc is not None

    def replay(self, print_: str | None) -> Replayed | None:
        """The recorded result when `print_` (this check's fingerprint) is the recorded one."""
        doc = self._doc
        if doc is None or print_ is None or doc["fingerprint"] != print_:
            return None
        try:
            result = RunResult([_decode(Finding, f) for f in doc["findings"]],
                               [_decode(Skipped, s) for s in doc["skipped"]],
                               int(doc["files_scanned"]), int(doc["files_parsed"]),
                               int(doc["suppressed"]))
            invalid = [(str(path), int(line)) for path, line in doc["invalid_noqa"]]
        except (KeyError, TypeError, ValueError):
            return None
        if doc.get("day") != today():  # a cache file in use is written each day it is used
            self.save(print_, Replayed(result, invalid))
        return Replayed(result, invalid)

    def save(self, print_: str | None, replayed: Replayed) -> str | None:
        """Record this check's result; an error message when it cannot be written."""
        if print_ is None:
            return None
        result = replayed.result
        doc = {"key": self.key, "fingerprint": print_, "day": today(),
               "findings": [_encode(f) for f in result.findings],
               "skipped": [_encode(s) for s in result.skipped],
               "files_scanned": result.files_scanned, "files_parsed": result.files_parsed,
               "suppressed": result.suppressed,
               "invalid_noqa": replayed.invalid_noqa}
        data = json.dumps(doc, separators=(",", ":")).encode()
        return write_cache_file(self.directory, self.file, data)


# The enum fields of each recorded class, by name (a holding's `kind` is plain text).
_ENUMS: dict[type[Any], dict[str, type[Enum]]] = {
    Finding: {"risk": Risk}, FixInfo: {"kind": FixKind}, Obligation: {"family": Family},
    Step: {"kind": StepKind}}


def _encode(obj: Any) -> Any:
    """Every field of a finding, a fix, an obligation or a skipped file (enums by value)."""
    if isinstance(obj, tuple):
        return [_encode(item) for item in obj]
    if isinstance(obj, Enum):
        return obj.value
    if not dataclasses.is_dataclass(obj):
        return obj
    return {f.name: _encode(getattr(obj, f.name)) for f in dataclasses.fields(obj)}


def _decode(cls: type[Any], doc: dict[str, Any]) -> Any:
    values = dict(doc)
    for name, enum in _ENUMS.get(cls, {}).items():
        if name in values:
            values[name] = enum(values[name])
    if values.get("fix") is not None:
        values["fix"] = _decode(FixInfo, values["fix"])
    if values.get("obligation") is not None:
        values["obligation"] = _decode(Obligation, values["obligation"])
    if cls is Finding:
        values["evidence"] = tuple(values.get("evidence", ()))
    if cls is Obligation:
        values["holders"] = tuple(_decode(Holding, h) for h in values.get("holders", ()))
        values["steps"] = tuple(_decode(Step, h) for h in values.get("steps", ()))
    return cls(**values)
