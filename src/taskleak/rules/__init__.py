"""The rules: one module each in this package, found by the registry here, and how a spawn's
fate becomes a finding (`judge`).

A rule module holds one `RULE` (see `base.Rule`): its code, name, default risk, page, examples,
the fates it reports and the words it uses, and the fixes it offers. Adding a module adds the
rule: `taskleak rules`, `explain`, the rule pages, SARIF and the tests pick it up.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Sequence
from dataclasses import replace

from taskleak.analysis.facts.fates import Fate
from taskleak.model import FixKind, Risk
from taskleak.rules.base import (
    CODE_PREFIX,
    FIX_KINDS,
    Category,
    FixKindInfo,
    Rule,
    Verdict,
)
from taskleak.rules.task_tracked import not_followed

__all__ = ["ALL_RULES", "CODE_PREFIX", "FIX_KINDS", "INFORMATIONAL", "RULES", "RULES_BY_NAME",
           "Category", "FixKind", "FixKindInfo", "Rule", "Verdict", "judge", "judged",
           "rule_for"]

# Modules of this package that are not rules.
_SUPPORT = frozenset({"base", "docs", "texts", "unended_words"})


def _load() -> tuple[Rule, ...]:
    found: list[Rule] = []
    for info in pkgutil.iter_modules(__path__):
        if info.name in _SUPPORT:
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        rule = getattr(module, "RULE", None)
        if not isinstance(rule, Rule):
            raise ImportError(f"{module.__name__} is in the rules package but defines no RULE")
        found.append(rule)
    return tuple(sorted(found, key=lambda r: r.code))


ALL_RULES = _load()
RULES: dict[str, Rule] = {r.code: r for r in ALL_RULES}
RULES_BY_NAME: dict[str, Rule] = {r.name: r for r in ALL_RULES}
# Codes of the rules that only inform (green rows): never in a baseline, never "used" by a noqa.
INFORMATIONAL = frozenset(r.code for r in ALL_RULES if r.category is Category.INFORMATIONAL)
_BY_PRECEDENCE = sorted(ALL_RULES, key=lambda r: r.precedence)


def rule_for(code_or_name: str) -> Rule | None:
    """The rule with this code (case-insensitively: `tl101`) or name (`task-discarded`)."""
    text = code_or_name.strip()
    return RULES.get(text.upper()) or RULES_BY_NAME.get(text.lower())


def judges_a_spawn(code: str) -> bool:
    """A finding of rule `code` is a row of the spawn table (every rule but the suppression
    rules, which report comments, and file-not-analysed, which reports files; an unknown code
    counts as a spawn's)."""
    rule = RULES.get(code)
    return rule is None or rule.category.judges_spawns


def judge(fates: Sequence[Fate], *, strict: bool = False) -> Verdict:
    """The finding on a spawn: each fate judged by the first rule that reports it, and of a
    spawn with several fates (bound to several targets) the least risky one (a fate followed
    before one that is not). `strict`: the opt-in task-end-unknown rule is selected, and
    reports what task-tracked otherwise lists as not followed."""
    return judged(fates, strict=strict)[0]


def judged(fates: Sequence[Fate], *, strict: bool = False) -> tuple[Verdict, Fate]:
    """`judge`'s verdict, and the fate it was given for (the one that counts)."""
    verdicts = [(_judge(f, strict), f) for f in fates]
    verdict, fate = min(verdicts, key=lambda v: (v[0].risk.rank,
                                                 v[0].rule.category is Category.UNFOLLOWED))
    unresolved = next((f for f in fates if f.unresolved), None)
    if unresolved is not None and verdict.risk.rank > Risk.LOW.rank:
        # whether the spawn makes a task at all is not known: never a finding built on a guess
        return not_followed(unresolved, strict), unresolved
    if fate.untyped:
        verdict = replace(verdict, evidence=(*verdict.evidence, (
            f"`{fate.untyped}` is untyped: a create_task of a coroutine of the project on it is "
            "taken for an event loop's")))
    return verdict, fate


def _judge(fate: Fate, strict: bool) -> Verdict:
    for rule in _BY_PRECEDENCE:
        if rule.category is Category.UNFOLLOWED and not strict:
            continue
        verdict = rule.judge(fate)
        if verdict is not None:
            return verdict
    raise LookupError(f"no rule reports the fate {fate.kind.value}")
