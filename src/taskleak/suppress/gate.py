"""What stands between a run's findings and the gate: `# noqa` suppressions and the baseline.

Both work on a finished RunResult, so the analysis (and its cache) never depends on them.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from taskleak.files.lines import source_lines
from taskleak.files.paths import relative_path
from taskleak.files.source import SourceError, decode, read_source
from taskleak.model import Finding, RunResult
from taskleak.rules import INFORMATIONAL, rule_for
from taskleak.rules.unused_noqa import RULE as UNUSED_NOQA
from taskleak.settings import Settings
from taskleak.suppress.noqa import NoqaResult, UnusedNoqa, apply_noqa
from taskleak.suppress.noqa_fix import noqa_removal, removal_fix
from taskleak.suppress.per_file import Ignored, per_file_ignored
from taskleak.suppress.unanalysed import is_unanalysed

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
    return source_lines(text)  # not splitlines: numbered as the findings are


def apply_suppressions(
    result: RunResult, settings: Settings, *, unused_in: Iterable[Path | str] = (),
    report_unused: bool | None = None, sources: Mapping[str, bytes] | None = None,
    without_noqa: AbstractSet[str] = frozenset(),
) -> tuple[RunResult, NoqaResult]:
    """Drop findings suppressed by `per-file-ignores` and `# noqa`; with the unused-noqa rule
    (`report_unused`, default: whether the settings select it), add a finding for each directive
    that suppressed nothing, in the files with findings and in `unused_in`.

    Only files with findings (and the files in `unused_in`) are read, and only those whose bytes
    mention `noqa` are decoded; `sources` (display path -> bytes) stands in for files whose text
    is not on disk (stdin). Without unused reports only files with `noqa` on a finding's line
    are tokenized. `without_noqa`: display paths their facts say do not mention `noqa`.
    """
    if report_unused is None:
        report_unused = unused_noqa_selected(settings)
    ignored = per_file_ignored(settings)
    findings = [f for f in result.findings if not ignored(f.path, f.rule)]
    if settings.ignore_noqa:  # `--ignore-noqa`: no comment suppresses, none is unused
        kept_all = sorted(findings, key=Finding.sort_key)
        return replace(result, findings=kept_all, suppressed=len(result.findings) - len(
            kept_all)), NoqaResult(kept=kept_all)
    texts = _texts(findings, unused_in if report_unused else (), sources or {}, without_noqa)
    noqa = apply_noqa(findings, texts, rule_enabled=settings.rule_enabled,
                      report_unused=report_unused, aliases=noqa_aliases(settings))
    noqa.unused = [u for u in (_still_unused(u, ignored) for u in noqa.unused) if u is not None]
    code = UNUSED_NOQA.code
    kept = noqa.kept + [unused_finding(u) for u in noqa.unused if not ignored(u.path, code)]
    return replace(result, findings=sorted(kept, key=Finding.sort_key),
                   suppressed=len(result.findings) - len(noqa.kept)), noqa


def _texts(findings: Iterable[Finding], unused_in: Iterable[Path | str],
           sources: Mapping[str, bytes], without_noqa: AbstractSet[str] = frozenset()
           ) -> dict[str, list[str]]:
    """display path -> lines, of the files that mention `noqa`."""
    texts: dict[str, list[str]] = {}
    looked: set[str] = set(without_noqa) - set(sources)
    wanted: list[tuple[str, Path | str]] = [(d, Path(d))
                                            for d in sorted({f.path for f in findings})]
    wanted += [(relative_path(p), p) for p in unused_in]
    for display, path in wanted:
        if display in looked:
            continue
        looked.add(display)
        given = sources.get(display)
        lines = _lines_with_noqa(path) if given is None else _decoded_with_noqa(given)
        if lines is not None:
            texts[display] = lines
    return texts


def _decoded_with_noqa(data: bytes) -> list[str] | None:
    try:
        return _lines(data) if b"noqa" in data.lower() else None
    except SourceError:
        return None


def unused_noqa_selected(settings: Settings) -> bool:
    return settings.rule_enabled(UNUSED_NOQA.code, by_default=UNUSED_NOQA.default_enabled)


def noqa_aliases(settings: Settings) -> dict[str, frozenset[str]]:
    """Another tool's code -> the codes of the rules it also suppresses."""
    out: dict[str, frozenset[str]] = {}
    for foreign, rules in settings.noqa_aliases:
        codes = {rule.code for name in rules if (rule := rule_for(name)) is not None}
        out[foreign.upper()] = frozenset(codes)
    return out


def _still_unused(unused: UnusedNoqa, ignored: Ignored) -> UnusedNoqa | None:
    """A directive's codes for rules that `per-file-ignores` switches off in its file did not
    run there: they are not unused."""
    codes = tuple(c for c in unused.unused if not ignored(unused.path, c))
    if codes == unused.unused:
        return unused
    if not codes and not unused.unknown:
        return None
    return replace(unused, unused=codes)


def unused_finding(unused: UnusedNoqa) -> Finding:
    """An unused directive as a finding of the unused-noqa rule (its span: the directive), with
    the fix that removes what it holds in vain."""
    fix = removal_fix(noqa_removal(unused))
    return Finding(
        path=unused.path, line=unused.line, column=unused.column, end_line=unused.line,
        end_column=unused.column + max(len(unused.text), 1), rule=UNUSED_NOQA.code,
        risk=UNUSED_NOQA.risk, spawner="", coroutine="", tracked="", cleaned="",
        message=unused.message, snippet=unused.text, statement_line=unused.line, fix=fix,
        no_fix_reason=None if fix is not None else "the directive's line could not be read",
    )


def baseline_candidates(findings: Iterable[Finding]) -> list[Finding]:
    """What a baseline records: everything but the informational rows and the files that
    were not analysed (a baseline would hide every leak in them)."""
    return [f for f in findings if f.rule not in INFORMATIONAL and not is_unanalysed(f)]


def record_baseline(path: Path, result: RunResult, settings: Settings) -> int:
    """Write the baseline with paths relative to the project root (else the current folder)."""
    from taskleak.suppress.baseline import write_baseline

    root = settings.project_root or Path.cwd()
    return write_baseline(path, baseline_candidates(result.findings), root=root)


def apply_baseline(
    result: RunResult, baseline: Baseline, targets: Sequence[Path] | None = None
) -> tuple[RunResult, list[Finding], list[BaselineEntry]]:
    """(result with only new findings, the informational rows and the files not analysed,
    matched findings, fixed entries).

    With `targets` (the checked paths), only entries for files under them can be "fixed": a
    pre-commit run over two changed files must not call the rest of the baseline fixed.
    """
    from taskleak.suppress.baseline import filter_with_baseline

    new, matched, fixed = filter_with_baseline(baseline_candidates(result.findings), baseline)
    if targets is not None:
        fixed = [e for e in fixed if _is_under(_entry_file(baseline, e), targets)]
    others = [f for f in result.findings if f.rule in INFORMATIONAL or is_unanalysed(f)]
    kept = sorted(new + others, key=Finding.sort_key)
    return replace(result, findings=kept), matched, fixed


def _entry_file(baseline: Baseline, entry: BaselineEntry) -> str:
    return os.path.abspath(os.path.join(baseline.root or ".", entry.path))


def _is_under(file: str, targets: Sequence[Path]) -> bool:
    for target in targets:
        top = os.path.abspath(target)
        if file == top or file.startswith(top.rstrip(os.sep) + os.sep):
            return True
    return False
