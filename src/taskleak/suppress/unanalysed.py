"""The files a run could not analyse, as findings of the file-not-analysed rule (ruff reports
such files as errors and fails the run; so does taskleak).

Added after the `# noqa` comments are applied: a directive cannot reach a file that could not
be read or parsed. The rule's selection (`--ignore file-not-analysed`) and `per-file-ignores`
decide, as for any rule; a file the rule does not report stays a plain skipped line. The file
stays in the result's `skipped` list either way (the summary counts it), and an error of
taskleak's own (exit 2) is never such a finding.
"""

from __future__ import annotations

from dataclasses import replace

from taskleak.model import Finding, RunResult, Skipped
from taskleak.rules import RULES, Category
from taskleak.rules.file_not_analysed import BECAUSE, RULE, message
from taskleak.settings import Settings
from taskleak.suppress.per_file import per_file_ignored


def is_unanalysed(finding: Finding) -> bool:
    """A finding of a rule that reports a file taskleak could not analyse, not a spawn."""
    rule = RULES.get(finding.rule)
    return rule is not None and rule.category is Category.UNANALYSED


def with_unanalysed(result: RunResult, settings: Settings) -> RunResult:
    """`result` with a finding for each skipped file the rule reports there."""
    if not result.skipped or not settings.rule_enabled(RULE.code):
        return result
    ignored = per_file_ignored(settings)
    found = [unanalysed_finding(s) for s in result.skipped
             if not s.internal and not ignored(s.path, RULE.code)]
    if not found:
        return result
    return replace(result, findings=sorted([*result.findings, *found], key=Finding.sort_key))


def unanalysed_finding(skipped: Skipped) -> Finding:
    """The finding of one skipped file: where it stopped (a syntax error's line and column),
    else its first line."""
    line, column = skipped.line or 1, skipped.column or 1
    return Finding(
        path=skipped.path, line=line, column=column, end_line=line, end_column=column + 1,
        rule=RULE.code, risk=RULE.risk, spawner="", coroutine="", tracked="", cleaned="",
        message=message(skipped.reason), because=BECAUSE, statement_line=line,
    )
