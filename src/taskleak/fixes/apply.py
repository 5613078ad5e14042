"""Fixing one module safely: parse -> choose fixes -> transform -> verify -> (write atomically).

A fix is kept only when the rewritten module
- parses again (libcst) and compiles (CPython, when the original compiled here);
- still holds every comment of the original;
- re-checks with the fixed spawn reported low, or gone for the await fix, and no
  other spawn reported worse than before.
When a fix fails that check it is dropped and the others are tried again; when the whole module
fails (it does not parse, say) the fixes are tried one at a time, keeping those that pass.

The source is handled as bytes: libcst keeps the encoding (cookie or BOM), line endings and
indentation, and `Module.bytes` writes them back as they were.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path

import libcst as cst

from taskleak.analysis.analyse import ModuleAnalysis, analyse
from taskleak.analysis.facts import ModuleFacts
from taskleak.analysis.positions import positions
from taskleak.analysis.spawns import Spawn
from taskleak.files.atomic import FileChangedError, replace_file
from taskleak.files.source import SourceError, decode, read_source
from taskleak.fixes.advice import advise_module, choose, needs_fix, not_applied_reason, offers
from taskleak.fixes.context import FixContext, FixStyle
from taskleak.fixes.edits import Conflict, apply_edits
from taskleak.fixes.imports import place_pending
from taskleak.fixes.keeper import render_helpers
from taskleak.fixes.plan import Offer
from taskleak.fixes.sets import render_sets
from taskleak.fixes.style import line_length_for
from taskleak.model import FixKind, Risk
from taskleak.rules import Verdict, judge

TargetKey = tuple[int, int, str]  # (line, column, rule) of a finding


@dataclass(frozen=True)
class AppliedFix:
    line: int
    column: int
    rule: str
    kind: FixKind
    safe: bool
    description: str


@dataclass(frozen=True)
class NotFixed:
    line: int
    column: int
    rule: str
    reason: str


@dataclass
class SourceFix:
    """The outcome of fixing one module's source."""

    original: bytes
    fixed: bytes
    applied: list[AppliedFix] = field(default_factory=list)
    not_fixed: list[NotFixed] = field(default_factory=list)
    error: str | None = None  # the module could not be fixed at all (it does not parse ...)
    facts: ModuleFacts | None = None  # of `fixed`, from the re-check (when it changed)

    @property
    def changed(self) -> bool:
        return self.fixed != self.original


@dataclass(eq=False)
class _Planned:
    spawn: Spawn
    verdict: Verdict
    offer: Offer
    line: int
    column: int

    def applied(self) -> AppliedFix:
        o = self.offer
        return AppliedFix(self.line, self.column, self.verdict.code, o.kind, o.safe,
                          o.description)

    def not_fixed(self, reason: str) -> NotFixed:
        return NotFixed(self.line, self.column, self.verdict.code, reason)


def _never(rule: str) -> bool:
    return False


def fix_source(data: bytes, *, spawners: tuple[str, ...] = (),
               targets: Collection[TargetKey] | None = None,
               allow_unsafe: Callable[[str], bool] = _never,
               filename: str = "<string>", style: FixStyle | None = None) -> SourceFix:
    """Fix the findings of one module (all non-low ones, or only `targets`)."""
    result = SourceFix(original=data, fixed=data)
    try:
        module = cst.parse_module(data)
    except cst.ParserSyntaxError as exc:
        result.error = f"syntax error: {exc.message} (line {exc.raw_line})"
        return result
    except (RecursionError, MemoryError, UnicodeDecodeError, LookupError) as exc:
        result.error = f"cannot parse: {type(exc).__name__}"
        return result
    analysis = analyse(module, spawners)
    ctx = FixContext(analysis, style)
    items = [(sp, judge(f)) for sp, f in zip(analysis.spawns, analysis.fates, strict=True)]
    wanted = [(sp, v) for sp, v in items if needs_fix(v, sp)]
    if not wanted:
        return result
    where = positions(module, [sp.site.node for sp, _ in wanted])
    plans: list[_Planned] = []
    for sp, v in wanted:
        line, column = where[id(sp.site.node)][0], where[id(sp.site.node)][1] + 1
        if targets is not None and (line, column, v.code) not in targets:
            continue
        found, reasons = offers(ctx, sp, v)
        chosen = choose(found, allow_unsafe(v.code))
        if chosen is None:
            result.not_fixed.append(NotFixed(line, column, v.code,
                                             not_applied_reason(found, reasons)))
        else:
            plans.append(_Planned(sp, v, chosen, line, column))
    if not plans:
        return result
    checker = _Checker(module, items, spawners, filename, data)
    fixed, accepted, failures = _fix(module, ctx, plans, checker)
    result.fixed = fixed
    result.facts = checker.facts_of(fixed) if accepted else None
    result.applied = [p.applied() for p in accepted]
    result.not_fixed += [p.not_fixed(f"not applied: {why}") for p, why in failures.items()]
    result.not_fixed.sort(key=lambda n: (n.line, n.column))
    return result


def _attempt(module: cst.Module, ctx: FixContext, plans: list[_Planned]
             ) -> tuple[bytes, list[_Planned], dict[_Planned, str]]:
    edits = ctx.new_edits()
    built: list[_Planned] = []
    failed: dict[_Planned, str] = {}
    for p in plans:
        trial = edits.copy()
        try:
            p.offer.build(trial)
        except Conflict as exc:
            failed[p] = str(exc)
            continue
        edits = trial
        built.append(p)
    if not built:
        return module.bytes, built, failed
    render_sets(edits, ctx)
    render_helpers(edits)
    place_pending(edits)
    return apply_edits(edits).bytes, built, failed


def _fix(module: cst.Module, ctx: FixContext, plans: list[_Planned], checker: _Checker
         ) -> tuple[bytes, list[_Planned], dict[_Planned, str]]:
    failures: dict[_Planned, str] = {}
    accepted = list(plans)
    while accepted:
        fixed, built, build_failed = _attempt(module, ctx, accepted)
        failures.update(build_failed)
        if not built:
            break
        error, per_plan = checker.verify(fixed, built)
        if error is None and not per_plan:
            return fixed, built, failures
        if error is not None:
            return _one_by_one(module, ctx, built, checker, failures)
        failures.update(per_plan)
        accepted = [p for p in built if p not in per_plan]
    return module.bytes, [], failures


def _one_by_one(module: cst.Module, ctx: FixContext, plans: list[_Planned], checker: _Checker,
                failures: dict[_Planned, str]
                ) -> tuple[bytes, list[_Planned], dict[_Planned, str]]:
    ok: list[_Planned] = []
    fixed = module.bytes
    for p in plans:
        candidate, built, build_failed = _attempt(module, ctx, [*ok, p])
        if p in build_failed:
            failures[p] = build_failed[p]
            continue
        error, per_plan = checker.verify(candidate, built)
        if error is None and not per_plan:
            ok.append(p)
            fixed = candidate
        else:
            failures[p] = error or per_plan.get(p) or "the re-check got worse"
    return fixed, ok, failures


class _Comments(cst.CSTVisitor):
    def __init__(self) -> None:
        super().__init__()
        self.found: Counter[str] = Counter()

    def visit_Comment(self, node: cst.Comment) -> None:
        self.found[node.value] += 1


def _comments(module: cst.Module) -> Counter[str]:
    visitor = _Comments()
    module.visit(visitor)
    return visitor.found


SpawnKey = tuple[str, str]  # (enclosing scope's qualified name, the spawn call's code)


def _spawn_key(module: cst.Module, sp: Spawn) -> SpawnKey:
    return sp.site.scope.qualname, module.code_for_node(sp.site.node)


class _Checker:
    """Verifies a rewritten module against the original (see the module docstring)."""

    def __init__(self, module: cst.Module, items: list[tuple[Spawn, Verdict]],
                 spawners: tuple[str, ...], filename: str, data: bytes) -> None:
        self.module = module
        self.items = items
        self.spawners = spawners
        self.filename = filename
        self.comments = _comments(module)
        self._checked: tuple[bytes, ModuleAnalysis] | None = None  # the last re-check
        try:
            compile(data, filename, "exec", dont_inherit=True)
            self.compiles = True
        except (SyntaxError, ValueError):  # syntax newer than this Python, or NUL bytes
            self.compiles = False

    def facts_of(self, fixed: bytes) -> ModuleFacts | None:
        """The facts of the fixed module, from its re-check: the run reports them without
        analysing the file again."""
        if self._checked is None or self._checked[0] != fixed:
            return None
        analysis = self._checked[1]
        try:
            analysis.text = fixed.decode(decode(fixed)[1])
        except SourceError:
            analysis.text = None
        return advise_module(analysis, analysis.facts())

    def verify(self, fixed: bytes, built: list[_Planned]
               ) -> tuple[str | None, dict[_Planned, str]]:
        """(an error about the whole module, or None; failures of single fixes)."""
        try:
            new = cst.parse_module(fixed)
        except Exception as exc:  # any parser failure means: do not write this
            return f"the fixed code does not parse ({type(exc).__name__})", {}
        if self.compiles:
            try:
                compile(fixed, self.filename, "exec", dont_inherit=True)
            except (SyntaxError, ValueError) as exc:
                return f"the fixed code does not compile: {exc}", {}
        if self.comments - _comments(new):
            return "a comment would be lost", {}
        analysis = analyse(new, self.spawners)
        new_items = [(sp, judge(f)) for sp, f in zip(analysis.spawns, analysis.fates,
                                                     strict=True)]
        by_spawn = {id(p.spawn): p for p in built}
        old_groups: dict[SpawnKey, list[tuple[_Planned | None, Verdict]]] = {}
        for sp, v in self.items:
            old_groups.setdefault(_spawn_key(self.module, sp), []).append(
                (by_spawn.get(id(sp)), v))
        new_groups: dict[SpawnKey, list[Verdict]] = {}
        for sp, v in new_items:
            new_groups.setdefault(_spawn_key(new, sp), []).append(v)
        failures: dict[_Planned, str] = {}
        for key in set(old_groups) | set(new_groups):
            kept = [(p, v) for p, v in old_groups.get(key, [])
                    if p is None or not p.offer.removes_spawn]
            news = new_groups.get(key, [])
            if len(kept) != len(news):
                return (f"the re-check found {len(news)} spawns `{key[1]}` where "
                        f"{len(kept)} were expected"), {}
            for (p, old), now in zip(kept, news, strict=True):
                if p is not None and now.risk is not Risk.LOW:
                    failures[p] = (f"after the fix the re-check still reports {now.code} "
                                   f"({now.risk.value}): {now.message}")
                elif p is None and now.risk.rank > old.risk.rank:
                    return f"another spawn would be reported worse ({now.code})", {}
        if not failures:
            self._checked = (fixed, analysis)
        return None, failures


# -- files ---------------------------------------------------------------------------------------
@dataclass
class FileFix:
    """What fixing one file did."""

    path: Path
    display: str
    source: SourceFix | None = None
    written: bool = False
    error: str | None = None  # could not read, parse or write it (or it changed on disk)
    diff: str = ""


def fix_file(path: Path, display: str, *, spawners: tuple[str, ...] = (),
             targets: Collection[TargetKey] | None = None,
             allow_unsafe: Callable[[str], bool] = _never, write: bool = True,
             want_diff: bool = False, keep_helper: str = "") -> FileFix:
    out = FileFix(path, display)
    style = FixStyle(line_length_for(path.resolve().parent), keep_helper)
    try:
        data = read_source(path)
        _, encoding = decode(data)
    except SourceError as exc:
        out.error = exc.reason
        return out
    fixed = fix_source(data, spawners=spawners, targets=targets, allow_unsafe=allow_unsafe,
                       filename=str(path), style=style)
    out.source = fixed
    if fixed.error is not None:
        out.error = fixed.error
        return out
    if not fixed.changed:
        return out
    if want_diff:
        out.diff = unified_diff(display, data, fixed.fixed, encoding)
    if write:
        try:
            replace_file(path, fixed.fixed, expected=data)
        except FileChangedError:
            out.error = "changed on disk since it was read; not overwritten"
            return out
        except OSError as exc:
            out.error = f"cannot write: {exc.strerror or exc}"
            return out
        out.written = True
    return out


def unified_diff(display: str, before: bytes, after: bytes, encoding: str) -> str:
    old = before.decode(encoding).splitlines(keepends=True)
    new = after.decode(encoding).splitlines(keepends=True)
    lines = []
    for line in difflib.unified_diff(old, new, fromfile=display, tofile=display):
        if not line.endswith("\n"):
            line += "\n\\ No newline at end of file\n"
        lines.append(line)
    return "".join(lines)
