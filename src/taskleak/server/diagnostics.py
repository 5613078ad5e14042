"""Findings as LSP diagnostics: the rule as the code (with its page), the report's message,
a severity from the risk, the places the finding names, and the key code actions need.

Severity: a finding that fails the gate (`fail-on`, as `taskleak check` decides) is an Error
when its risk is high and a Warning when it is medium; one below `fail-on` is Information (it is
reported, it never fails); low rows (kept and cleaned, structured) follow `lowSeverity` (Hint by
default, Information, or not shown). A `# noqa` that suppresses nothing (the opt-in
unused-noqa rule) is tagged Unnecessary, so editors grey it out. A buffer that does not parse
gives one Error where Python's compiler puts the syntax error.
"""

from __future__ import annotations

from typing import Any

from lsprotocol import types

from taskleak.model import Finding, Risk, RunResult, Skipped, fails_gate
from taskleak.report.path_steps import PathKind, path_steps
from taskleak.rules import RULES, Category
from taskleak.server.editor_settings import LowSeverity
from taskleak.server.related import related_places
from taskleak.server.text import Lines
from taskleak.settings import Settings
from taskleak.suppress.unanalysed import is_unanalysed

SOURCE = "taskleak"

_LOW = {LowSeverity.HINT: types.DiagnosticSeverity.Hint,
        LowSeverity.INFORMATION: types.DiagnosticSeverity.Information,
        LowSeverity.OFF: None}


def severity(finding: Finding, fail_on: str, low: LowSeverity) -> types.DiagnosticSeverity | None:
    if finding.risk is Risk.LOW:
        return _LOW[low]
    if not fails_gate(finding, fail_on):
        return types.DiagnosticSeverity.Information
    if finding.risk is Risk.HIGH:
        return types.DiagnosticSeverity.Error
    return types.DiagnosticSeverity.Warning


def finding_key(finding: Finding) -> list[Any]:
    """What a diagnostic's `data` holds to find its finding again: [line, column, rule]."""
    return [finding.line, finding.column, finding.rule]


def to_diagnostics(result: RunResult, lines: Lines, settings: Settings, low: LowSeverity,
                   uri: str, related: bool) -> list[types.Diagnostic]:
    """The diagnostics of one checked buffer."""
    out: list[types.Diagnostic] = []
    for skipped in result.skipped:
        if not skipped.internal:
            out.append(skipped_diagnostic(skipped, lines))
    for finding in result.findings:
        level = severity(finding, settings.fail_on, low)
        if level is not None and not is_unanalysed(finding):  # its skipped file's error is shown
            out.append(finding_diagnostic(finding, level, lines, uri, related))
    return out


def finding_diagnostic(finding: Finding, level: types.DiagnosticSeverity, lines: Lines,
                       uri: str, related: bool) -> types.Diagnostic:
    rule = RULES.get(finding.rule)
    return types.Diagnostic(
        range=lines.finding_range(finding.line, finding.column, finding.end_line,
                                  finding.end_column),
        severity=level,
        code=finding.rule,
        code_description=types.CodeDescription(href=rule.help_uri) if rule else None,
        source=SOURCE,
        message=finding.message + "".join(f"\n- {item}" for item in finding.evidence),
        tags=[types.DiagnosticTag.Unnecessary]
        if rule is not None and rule.category is Category.SUPPRESSION else None,
        related_information=_related(finding, lines, uri) if related else None,
        data={"key": finding_key(finding)},
    )


def _related(finding: Finding, lines: Lines, uri: str
             ) -> list[types.DiagnosticRelatedInformation] | None:
    """The task's path (where it is stored and ended, as SARIF's related locations), then the
    methods the finding's words name."""
    path = [types.DiagnosticRelatedInformation(
        location=types.Location(uri=uri, range=_rest_of_line(lines, s.line - 1, s.column - 1)),
        message=s.message) for s in path_steps(finding)
        if s.kind in (PathKind.STORE, PathKind.END) and s.line <= len(lines.plain)]
    places = related_places(finding, lines.plain)
    return path + [types.DiagnosticRelatedInformation(
        location=types.Location(uri=uri, range=lines.span(p.line, p.start, p.line, p.end)),
        message=p.label) for p in places] or None


def _rest_of_line(lines: Lines, line: int, start: int) -> types.Range:
    """From a step's column to the end of its line's code (a store's target, an end's call)."""
    end = max(len(lines.line(line).rstrip()), start)
    return lines.span(line, start, line, end)


def skipped_diagnostic(skipped: Skipped, lines: Lines) -> types.Diagnostic:
    """One Error where the buffer stops parsing: at the line and column `check` gives (Python's
    compiler's), over the character there; the first line when it names none."""
    line = max((skipped.line or 1) - 1, 0)
    text = lines.line(line)
    if skipped.column is not None:
        start = min(max(skipped.column - 1, 0), len(text))
        end = min(start + 1, len(text))
        start = min(start, end)
    else:
        start, end = len(text) - len(text.lstrip()), len(text)
    return types.Diagnostic(
        range=lines.span(line, start, line, end),
        severity=types.DiagnosticSeverity.Error,
        source=SOURCE,
        message=f"{skipped.reason} (not checked for task leaks until it parses)",
    )
