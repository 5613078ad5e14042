"""A Markdown table in the seeds' shape, ready to paste into a pull request or an issue.

| file:line | task | tracked | cleaned | risk |
"""

from __future__ import annotations

import re

from taskleak.model import Finding, Risk, RunResult
from taskleak.report.summary import (
    CONFIRMED,
    FIX_MARK,
    counts,
    fix_line,
    fixable,
    is_spawn,
    plural,
    unreported_skips,
)
from taskleak.rules import RULES
from taskleak.settings import Settings
from taskleak.suppress.unanalysed import is_unanalysed

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


def rule_link(finding: Finding, settings: Settings | None = None) -> str:
    rule = RULES.get(finding.rule)
    code = f"[{finding.rule}]({rule.help_uri})" if rule else escape_text(finding.rule)
    return f"{code} {escape_text(FIX_MARK)}" if fixable(finding, settings) else code


def risk_cell(finding: Finding, settings: Settings | None = None) -> str:
    risk = f"{RISK_MARKS[finding.risk]} {finding.risk.value}"
    if finding.confirmed:
        risk += f" {escape_text(CONFIRMED)}"
    return f"{risk} {rule_link(finding, settings)}"


def finding_row(finding: Finding, settings: Settings | None = None) -> str:
    cells = [
        code_span(f"{finding.path}:{finding.line}"),
        code_span(finding.coroutine),
        escape_text(finding.tracked),
        escape_text(finding.cleaned),
        risk_cell(finding, settings),
    ]
    return "| " + " | ".join(cells) + " |"


def summary_line(result: RunResult) -> str:
    c = counts(result, None)
    parts = [
        f"**{plural(c.spawns, 'task spawn')}**: "
        + ", ".join(f"{RISK_MARKS[r]} {c.by_risk[r.value]} {r.value}" for r in Risk),
        f"{plural(result.files_scanned, 'file')} scanned, {result.files_parsed} parsed",
    ]
    if result.skipped:
        parts.append(f"{len(result.skipped)} skipped")
    if result.suppressed:
        parts.append(f"{result.suppressed} suppressed (not counted)")
    return " · ".join(parts)


def render_markdown(result: RunResult, settings: Settings | None = None) -> str:
    lines: list[str] = []
    spawns = [f for f in sorted(result.findings, key=Finding.sort_key) if is_spawn(f)]
    if spawns:
        lines += [
            "| file:line | task | tracked | cleaned | risk |",
            "|---|---|---|---|---|",
        ]
        lines += [finding_row(f, settings) for f in spawns]
    else:
        lines.append("No task spawns found.")
    others = [f for f in sorted(result.findings, key=Finding.sort_key) if not is_spawn(f)]
    for title, rows in (("Files not analysed:", [f for f in others if is_unanalysed(f)]),
                        ("Suppressions:", [f for f in others if not is_unanalysed(f)])):
        if rows:
            lines += ["", title, ""]
            lines += [f"- {code_span(f'{f.path}:{f.line}:{f.column}')}: "
                      f"{rule_link(f, settings)} {escape_text(f.message)}" for f in rows]
    lines += ["", summary_line(result)]
    fix = fix_line(result, settings)
    if fix is not None:
        lines += ["", escape_text(fix)]
    skips = unreported_skips(result)
    if skips:
        lines += ["", "Skipped files:", ""]
        lines += [f"- {code_span(s.where)}: {escape_text(s.reason)}" for s in skips]
    return "\n".join(lines) + "\n"
