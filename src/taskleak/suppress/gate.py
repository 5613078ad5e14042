"""What stands between a run's findings and the gate: `# noqa` suppressions and the baseline.

Both work on a finished RunResult, so the analysis (and its cache) never depends on them.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from taskleak.files.paths import relative_path
from taskleak.files.source import SourceError, decode, read_source
from taskleak.model import Finding, RunResult
from taskleak.rules import INFORMATIONAL
from taskleak.settings import Settings
from taskleak.suppress.noqa import NoqaResult, apply_noqa

if TYPE_CHECKING:  # baselines are imported when used: most runs have none
    from taskleak.suppress.baseline import Baseline, BaselineEntry


def _lines_with_noqa(path: Path | str) -> list[str] | None:
    """The file's lines when its bytes mention `noqa` at all, else (or when unreadable) None:
    a file without the word has no directive, and needs no decoding."""
    try:
        data = read_source(path)
        # source encodings are ASCII-compatible; lower() + `in` beats a re.IGNORECASE search 5x
        return _lines(data) if b"noqa" in data.lower() else None
    except SourceError:
        return None


def _lines(data: bytes) -> list[str]:
    text, _ = decode(data)
    return text.splitlines()


def apply_suppressions(
    result: RunResult, settings: Settings, *, unused_in: Iterable[Path | str] = (),
    report_unused: bool = True,
) -> tuple[RunResult, NoqaResult]:
    """Drop findings suppressed by `# noqa`; look for unused directives in `unused_in` too.

    Only files with findings (and, for `--show-unused-noqa`, the checked files in `unused_in`)
    are read, and only those whose bytes mention `noqa` are decoded. `report_unused=False`
    (nobody will look at unused directives) only tokenizes files with `noqa` on a finding's line.
    """
    sources: dict[str, list[str]] = {}
    looked: set[str] = set()
    for display in sorted({f.path for f in result.findings}):
        looked.add(display)
        lines = _lines_with_noqa(Path(display))
        if lines is not None:
            sources[display] = lines
    for path in unused_in:
        display = relative_path(path)
        if display in looked:
            continue
        looked.add(display)
        lines = _lines_with_noqa(path)
        if lines is not None:
            sources[display] = lines
    noqa = apply_noqa(result.findings, sources, rule_enabled=settings.rule_enabled,
                      report_unused=report_unused)
    return replace(result, findings=noqa.kept), noqa


def baseline_candidates(findings: Iterable[Finding]) -> list[Finding]:
    """What a baseline records: everything but the informational rows."""
    return [f for f in findings if f.rule not in INFORMATIONAL]


def record_baseline(path: Path, result: RunResult, settings: Settings) -> int:
    """Write the baseline with paths relative to the project root (else the current folder)."""
    from taskleak.suppress.baseline import write_baseline

    root = settings.project_root or Path.cwd()
    return write_baseline(path, baseline_candidates(result.findings), root=root)


def apply_baseline(
    result: RunResult, baseline: Baseline, targets: Sequence[Path] | None = None
) -> tuple[RunResult, list[Finding], list[BaselineEntry]]:
    """(result with only new findings and the informational rows, matched findings, fixed
    entries).

    With `targets` (the checked paths), only entries for files under them can be "fixed": a
    pre-commit run over two changed files must not call the rest of the baseline fixed.
    """
    from taskleak.suppress.baseline import filter_with_baseline

    new, matched, fixed = filter_with_baseline(baseline_candidates(result.findings), baseline)
    if targets is not None:
        fixed = [e for e in fixed if _is_under(_entry_file(baseline, e), targets)]
    informational = [f for f in result.findings if f.rule in INFORMATIONAL]
    kept = sorted(new + informational, key=Finding.sort_key)
    return replace(result, findings=kept), matched, fixed


def _entry_file(baseline: Baseline, entry: BaselineEntry) -> str:
    return os.path.abspath(os.path.join(baseline.root or ".", entry.path))


def _is_under(file: str, targets: Sequence[Path]) -> bool:
    for target in targets:
        top = os.path.abspath(target)
        if file == top or file.startswith(top.rstrip(os.sep) + os.sep):
            return True
    return False
