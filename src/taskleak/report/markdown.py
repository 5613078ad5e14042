"""A Markdown table in the seeds' shape, ready to paste into a pull request or an issue.

| file:line | task | tracked | cleaned | risk |
"""

from __future__ import annotations

import re

from taskleak.model import Finding, Risk, RunResult
from taskleak.rules import RULES

RISK_MARKS: dict[Risk, str] = {Risk.HIGH: "🔴", Risk.MEDIUM: "🟡", Risk.LOW: "🟢"}

# Characters that would start inline Markdown (emphasis, code, links, HTML) or end a table cell.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")


def escape_text(text: str) -> str:
    """Text for a table cell: Markdown specials backslash-escaped, one line."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def code_span(text: str) -> str:
    """Text as an inline code span inside a table cell.

    A fence one backtick longer than the longest run inside keeps backticks literal; pipes still
    need `\\|`, because GFM splits table cells before it parses code spans.
    """
    text = " ".join(text.split())
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    if text.startswith("`") or text.endswith("`"):
        text = f" {text} "
    return f"{fence}{text}{fence}".replace("|", "\\|")


def risk_cell(finding: Finding) -> str:
    rule = RULES.get(finding.rule)
    code = f"[{finding.rule}]({rule.help_uri})" if rule else escape_text(finding.rule)
    return f"{RISK_MARKS[finding.risk]} {finding.risk.value} {code}"


def finding_row(finding: Finding) -> str:
    cells = [
        code_span(f"{finding.path}:{finding.line}"),
        code_span(finding.coroutine),
        escape_text(finding.tracked),
        escape_text(finding.cleaned),
        risk_cell(finding),
    ]
    return "| " + " | ".join(cells) + " |"


def summary_line(result: RunResult) -> str:
    counts = result.counts()
    total = len(result.findings)
    spawns = "1 task spawn" if total == 1 else f"{total} task spawns"
    parts = [
        f"**{spawns}**: "
        + ", ".join(f"{RISK_MARKS[r]} {counts[r.value]} {r.value}" for r in Risk),
        f"{result.files_scanned} files scanned, {result.files_parsed} parsed",
    ]
    if result.skipped:
        parts.append(f"{len(result.skipped)} skipped")
    return " · ".join(parts)


def render_markdown(result: RunResult) -> str:
    lines: list[str] = []
    if result.findings:
        lines += [
            "| file:line | task | tracked | cleaned | risk |",
            "|---|---|---|---|---|",
        ]
        lines += [finding_row(f) for f in sorted(result.findings, key=Finding.sort_key)]
    else:
        lines.append("No task spawns found.")
    lines += ["", summary_line(result)]
    if result.skipped:
        lines += ["", "Skipped files:", ""]
        lines += [
            f"- {code_span(s.path + (f':{s.line}' if s.line else ''))}: {escape_text(s.reason)}"
            for s in result.skipped
        ]
    return "\n".join(lines) + "\n"
