"""A whole run: discover files, analyse each, and collect a sorted RunResult."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from taskleak.analyze import analyze_file
from taskleak.discovery import discover, display_path
from taskleak.model import FileResult, Finding, RunResult, Skipped
from taskleak.settings import Settings


def analyze_paths(files: Sequence[Path], settings: Settings) -> list[FileResult]:
    return [analyze_file(f, display_path(f), settings.spawners) for f in files]


def run(paths: Sequence[Path], settings: Settings) -> RunResult:
    files = list(discover(paths, settings))
    results = analyze_paths(files, settings)
    findings: list[Finding] = []
    skipped: list[Skipped] = []
    parsed = 0
    for r in results:
        findings.extend(f for f in r.findings if settings.rule_enabled(f.rule))
        if r.skipped is not None:
            skipped.append(r.skipped)
        parsed += r.parsed
    findings.sort(key=Finding.sort_key)
    skipped.sort(key=lambda s: s.path)
    return RunResult(findings=findings, skipped=skipped, files_scanned=len(files),
                     files_parsed=parsed)
