"""GitHub Actions workflow commands: one annotation per finding, shown on the pull request diff.

`::error file=app.py,line=10,col=9,endLine=10,endColumn=46,title=CODE rule-name::message`

A finding that fails the gate (at or above `fail-on`, so the job fails on it) is an `error`,
any other a `warning`.
"""

from __future__ import annotations

from pathlib import Path

from taskleak.files.paths import relative_path
from taskleak.model import Finding, RunResult, fails_gate
from taskleak.report.summary import unreported_skips
from taskleak.rules import RULES


def escape_data(text: str) -> str:
    """Escape a command's message, as `@actions/core` does."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value: the message escapes plus the `:` and `,` separators."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(
    command: str, message: str, properties: list[tuple[str, str | int]]
) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties)
    return f"::{command} {props}::{escape_data(message)}"


def finding_annotation(finding: Finding, fail_on: str, root: Path | None = None) -> str:
    rule = RULES.get(finding.rule)
    title = f"{finding.rule} {rule.name}" if rule else finding.rule
    message = finding.message
    if finding.fix is not None:
        applicability = "safe" if finding.fix.safe else "unsafe"
        message += f"\nFix ({applicability}): {finding.fix.description}"
    command = "error" if fails_gate(finding, fail_on) else "warning"
    return annotation(command, message, [
        ("file", relative_path(finding.path, root)),
        ("line", finding.line),
        ("col", finding.column),
        ("endLine", finding.end_line),
        ("endColumn", finding.end_column),
        ("title", title),
    ])


def render_github(result: RunResult, fail_on: str, *, root: Path | None = None) -> str:
    """One line per finding (sorted: a file that could not be analysed is an error of
    file-not-analysed), then one warning per skipped file that rule does not report; "" when
    none. `fail_on`: the gate's level, which decides error or warning."""
    lines = [
        finding_annotation(f, fail_on, root) for f in sorted(result.findings,
                                                              key=Finding.sort_key)
    ]
    for skipped in unreported_skips(result):  # the others are error annotations above
        properties: list[tuple[str, str | int]] = [("file", relative_path(skipped.path, root))]
        if skipped.line is not None:
            properties.append(("line", skipped.line))
            if skipped.column is not None:
                properties.append(("col", skipped.column))
        properties.append(("title", "taskleak: file skipped"))
        lines.append(annotation("warning", skipped.reason, properties))
    return "".join(line + "\n" for line in lines)
