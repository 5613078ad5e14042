"""What every human-readable report says the same way: which findings are spawns, which can be
fixed (`[*]`, like ruff), and the closing summary lines.

A finding's `fix` is the fix it advertises (its preferred safe one, else an unsafe one). It is
*fixable* when `taskleak fix` would apply it with the run's settings: a safe fix, or an unsafe
one whose rule the settings allow (`--unsafe-fixes`, `unsafe-fixes = [...]`); the others are
*hidden* fixes, which `--unsafe-fixes` would apply.
"""

from __future__ import annotations

from taskleak.fixes.policy import FixPolicy
from taskleak.model import Finding, Risk, RunResult, Skipped
from taskleak.records import record
from taskleak.rules import RULES, Category, judges_a_spawn
from taskleak.rules.file_not_analysed import RULE as UNANALYSED
from taskleak.settings import Settings
from taskleak.suppress.unanalysed import is_unanalysed

FIX_MARK = "[*]"
# beside the risk of a finding a runtime report saw leak, in every human format alike
CONFIRMED = "(confirmed at runtime)"


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else (many or word + 's')}"


def is_spawn(finding: Finding) -> bool:
    """A row of the spawn table (every rule but the suppression rules, which report comments,
    and file-not-analysed, which reports files)."""
    return judges_a_spawn(finding.rule)


def unreported_skips(result: RunResult) -> list[Skipped]:
    """The skipped files no file-not-analysed finding reports (the rule is ignored there, or
    the error is taskleak's own): the human formats print these as `skipped:` lines."""
    reported = {f.path for f in result.findings if is_unanalysed(f)}
    return [s for s in result.skipped if s.internal or s.path not in reported]


def needs_attention(finding: Finding) -> bool:
    """A finding, not a green row: medium or high, or one of the opt-in task-end-unknown rule
    (low, as it proves nothing, but selected to be read)."""
    rule = RULES.get(finding.rule)
    return finding.risk is not Risk.LOW or (
        rule is not None and rule.category is Category.UNFOLLOWED)


def fixable(finding: Finding, settings: Settings | None) -> bool:
    """`[*]`: `taskleak fix` applies its fix with these settings (the fix policy says)."""
    return FixPolicy(settings or Settings(), None if settings else False).fixable(finding)


def hidden_fix(finding: Finding, settings: Settings | None) -> bool:
    return FixPolicy(settings or Settings(), None if settings else False).hidden(finding)


def fix_text(f: Finding) -> str:
    """A finding's fix as the human formats show it: `fix (safe): keep the task in a set ...`."""
    assert f.fix is not None
    return f"fix ({'safe' if f.fix.safe else 'unsafe'}): {f.fix.description}"


def rule_mark(finding: Finding, settings: Settings | None) -> str:
    """`CODE [*]` for a fixable finding, else the bare code."""
    return f"{finding.rule} {FIX_MARK}" if fixable(finding, settings) else finding.rule


def why_lines(findings: list[Finding]) -> list[str]:
    """Why the findings matter, once per run: each distinct `because` of the findings shown,
    with its rule (`CODE: a discarded task is held only weakly ...`), in order of first use."""
    seen: dict[tuple[str, str], None] = {}
    for f in findings:
        if f.because:
            seen.setdefault((f.rule, f.because), None)
    return [f"{code}: {because}." for code, because in seen]


@record(frozen=True)
class Counts:
    spawns: int
    files: int  # files with a spawn
    by_risk: dict[str, int]
    unused_noqa: int
    unanalysed: int  # files reported by file-not-analysed
    fixable: int
    hidden: int


def counts(result: RunResult, settings: Settings | None) -> Counts:
    spawns = [f for f in result.findings if is_spawn(f)]
    by_risk = {r.value: 0 for r in Risk}
    for f in spawns:
        by_risk[f.risk.value] += 1
    return Counts(
        spawns=len(spawns), files=len({f.path for f in spawns}), by_risk=by_risk,
        unused_noqa=sum(not is_spawn(f) and not is_unanalysed(f) for f in result.findings),
        unanalysed=sum(is_unanalysed(f) for f in result.findings),
        fixable=sum(fixable(f, settings) for f in result.findings),
        hidden=sum(hidden_fix(f, settings) for f in result.findings),
    )


def summary_line(result: RunResult) -> str:
    """`12 task spawns in 7 files: 4 high, 2 medium, 6 low. Scanned 10 files, parsed 7,
    skipped 0.`"""
    c = counts(result, None)
    risks = ", ".join(f"{c.by_risk[r.value]} {r.value}" for r in Risk)
    return (f"{plural(c.spawns, 'task spawn')} in {plural(c.files, 'file')}: {risks}. "
            f"Scanned {plural(result.files_scanned, 'file')}, parsed {result.files_parsed}, "
            f"skipped {len(result.skipped)}.")


def fix_line(result: RunResult, settings: Settings | None) -> str | None:
    """`[*] 4 fixable with `taskleak fix` (2 more with `--unsafe-fixes`).`, or None."""
    c = counts(result, settings)
    if c.fixable and c.hidden:
        return (f"{FIX_MARK} {c.fixable} fixable with `taskleak fix` ({c.hidden} more with "
                "`taskleak fix --unsafe-fixes`).")
    if c.fixable:
        return f"{FIX_MARK} {c.fixable} fixable with `taskleak fix`."
    if c.hidden:
        return (f"No safe fix: {c.hidden} fixable with `taskleak fix --unsafe-fixes` "
                "(see docs/fixes.md).")
    return None


def suppressed_lines(result: RunResult) -> list[str]:
    """What the spawn count leaves out: the spawns a `# noqa` or `per-file-ignores` suppressed."""
    if not result.suppressed:
        return []
    return [f"{plural(result.suppressed, 'suppressed spawn')} not counted (`# noqa` or "
            "per-file-ignores)."]


def closing_lines(result: RunResult, settings: Settings | None, *, baselined: int = 0,
                  low_hidden: int = 0) -> list[str]:
    """The summary, then what the table left out and what can be fixed."""
    lines = [summary_line(result), *suppressed_lines(result)]
    c = counts(result, settings)
    if c.unused_noqa:
        lines.append(f"{plural(c.unused_noqa, 'unused `noqa` directive')}.")
    if c.unanalysed:
        lines.append(f"{plural(c.unanalysed, 'file')} not analysed ({UNANALYSED.code} "
                     f"{UNANALYSED.name}).")
    if baselined:
        lines.append(f"{plural(baselined, 'finding')} in the baseline not shown.")
    if low_hidden:
        lines.append(f"{plural(low_hidden, 'low row')} not listed (tracked spawns): "
                     "--show-low lists them.")
    fix = fix_line(result, settings)
    if fix is not None:
        lines.append(fix)
    return lines
