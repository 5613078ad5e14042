"""Join the facts of every module of a run into its findings.

Each spawn's fates are judged by the rules (`taskleak.rules.judge`): which rule, what risk, in
which words. Questions a module could not answer alone (`facts.Question`) are where other
modules' exports will complete a fate; today every fate is the one its own module found, so a
finding is what a per-file analysis gives. Runs on every check, cached facts or not, without the
parser: it must stay cheap.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from taskleak.analysis.facts import FileFacts, SpawnFacts
from taskleak.model import Finding, RunResult, Skipped
from taskleak.rules import judge


def finding(path: str, sf: SpawnFacts) -> Finding:
    """The finding on one spawn of the file shown as `path`."""
    verdict = judge(sf.fates)
    advised = sf.advised_rule == verdict.code
    return Finding(
        path=path, line=sf.line, column=sf.column, end_line=sf.end_line,
        end_column=sf.end_column, rule=verdict.code, risk=verdict.risk, spawner=sf.spawner,
        coroutine=sf.coroutine, tracked=verdict.tracked, cleaned=verdict.cleaned,
        message=verdict.message, fix=sf.fix if advised else None,
        no_fix_reason=sf.no_fix_reason if advised else None, context=sf.context,
        snippet=sf.snippet, statement_line=sf.statement_line, structured=sf.structured,
    )


def join(files: Sequence[FileFacts], scanned: int,
         rule_enabled: Callable[[str], bool] = lambda code: True) -> RunResult:
    """The run's findings (of enabled rules) and skipped files, sorted."""
    findings: list[Finding] = []
    skipped: list[Skipped] = []
    parsed = 0
    for f in files:
        if f.module is not None:
            for sf in f.module.spawns:
                found = finding(f.path, sf)
                if rule_enabled(found.rule):
                    findings.append(found)
        if f.skipped is not None:
            skipped.append(f.skipped)
        parsed += f.parsed
    findings.sort(key=Finding.sort_key)
    skipped.sort(key=lambda s: s.path)
    return RunResult(findings=findings, skipped=skipped, files_scanned=scanned,
                     files_parsed=parsed)
