"""Fixing one module safely: parse -> choose fixes -> transform -> verify -> (write atomically).

A fix is kept only when the rewritten module passes `verify` (it parses, compiles, keeps every
comment, and re-checks with the fixed spawn low and no other spawn worse). When a fix fails that
check it is dropped and the others are tried again; when the whole module fails (it does not
parse, say) the fixes are tried one at a time, keeping those that pass.

The source is handled as bytes: libcst keeps the encoding (cookie or BOM), line endings and
indentation, and `Module.bytes` writes them back as they were (the comment-only lines it drops
are put back by `fixes.splice`; a file it reads back otherwise differently is not fixed).
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Collection, Sequence
from dataclasses import field, replace
from pathlib import Path

import libcst as cst

from taskleak.advice.offers import TOO_DEEP_TO_FIX, choose, not_applied_reason
from taskleak.analysis.analyse import analyse
from taskleak.analysis.facts.module import ModuleFacts
from taskleak.analysis.obligations.spawners import Spawner
from taskleak.analysis.tree.parse import gc_paused
from taskleak.files.atomic import FileChangedError, NotWritableError, replace_file
from taskleak.files.lines import byte_position, lines_with_ends, strip_break
from taskleak.files.source import SourceError, decode, read_source, syntax_error
from taskleak.fixer import prepared
from taskleak.fixer.verify import AppliedFix, Checker, NotFixed, Planned, Recheck
from taskleak.fixes.comments import CommentEdit, apply_comment_edits
from taskleak.fixes.context import FixContext
from taskleak.fixes.edits import Conflict, Edits, apply_edits
from taskleak.fixes.imports import place_pending
from taskleak.fixes.keeper import render_helpers
from taskleak.fixes.policy import FixStyle
from taskleak.fixes.project_style import line_length_for
from taskleak.fixes.python_floor import target_for
from taskleak.fixes.returned import returned_task_spawns
from taskleak.fixes.sets import render_sets
from taskleak.fixes.splice import put_back
from taskleak.model import FindingKey
from taskleak.records import record

__all__ = ["AppliedFix", "FileFix", "NotFixed", "SourceFix", "TargetKey", "fix_file",
           "fix_source", "plan_source", "unified_diff", "write_fix"]

TargetKey = FindingKey  # kept for callers of the fixer's API


@record
class SourceFix:
    """The outcome of fixing one module's source."""

    original: bytes
    fixed: bytes
    applied: list[AppliedFix] = field(default_factory=list)
    not_fixed: list[NotFixed] = field(default_factory=list)
    error: str | None = None  # the module could not be fixed at all (it does not parse ...)
    package_helper: bool = False  # a fix applied calls the package's keep-helper
    recheck: Recheck | None = field(default=None, repr=False, compare=False)  # see `facts`

    @property
    def changed(self) -> bool:
        return self.fixed != self.original

    @property
    def facts(self) -> ModuleFacts | None:
        """Of `fixed`, from the re-check (when it changed); made when first read: a fix in
        memory for an editor never reads them (bench/server_latency.py's 1,000-line buffer,
        load ~3: 90-100 ms a fix not spent)."""
        return self.recheck.facts() if self.recheck is not None else None



def _never(rule: str) -> bool:
    return False


def _syntax_error(data: bytes, parser_message: str) -> str:
    """Where the module goes wrong as `check` says it (Python's compiler: libcst's raw line is
    often the next token's)."""
    try:
        error = syntax_error(decode(data)[0], parser_message)
    except SourceError as exc:
        error = exc
    return f"{error.reason} (line {error.line})" if error.line else error.reason


def _text(data: bytes) -> str | None:
    try:
        return decode(data)[0]
    except SourceError:
        return None


def fix_source(data: bytes, *, spawners: tuple[Spawner, ...] = (),
               targets: Collection[TargetKey] | None = None,
               allow_unsafe: Callable[[str], bool] = _never,
               filename: str = "<string>", style: FixStyle | None = None,
               comments: Sequence[CommentEdit] = ()) -> SourceFix:
    """Fix the findings of one module (all non-low ones, or only `targets`), after the
    `comments` edits (an unused `# noqa`'s fix: the session knows which). A module nested
    deeper than libcst's recursive steps can follow is left as it was, with the reason."""
    if comments:
        return _with_comments(data, comments, targets, lambda edited, wanted: fix_source(
            edited, spawners=spawners, targets=wanted, allow_unsafe=allow_unsafe,
            filename=filename, style=style))
    try:
        return _fix_source(data, spawners, targets, allow_unsafe, filename, style)
    except RecursionError:
        return SourceFix(original=data, fixed=data, error=TOO_DEEP_TO_FIX)
    except cst.CSTValidationError as exc:  # rebuilding a node the parser accepted (`in.9`)
        return SourceFix(original=data, fixed=data, error=f"libcst cannot rewrite it: {exc}")


def _with_comments(data: bytes, comments: Sequence[CommentEdit],
                   targets: Collection[TargetKey] | None,
                   spawns: Callable[[bytes, Collection[TargetKey] | None], SourceFix]
                   ) -> SourceFix:
    """The comment edits first (they move no column; a deleted line moves the lines below it
    up), then the spawn fixes on the edited source; every line number the old one."""
    edited = apply_comment_edits(data, comments)
    made = {(e.line, e.column, e.rule) for e in comments}
    wanted = None if targets is None else {(edited.new_line(line), column, rule)
                                           for line, column, rule in targets
                                           if (line, column, rule) not in made}
    result = spawns(edited.data, wanted) if wanted is None or wanted else \
        SourceFix(original=edited.data, fixed=edited.data)
    if result.error is not None:  # nothing is written: the comments neither
        return SourceFix(original=data, fixed=data, error=result.error,
                         not_fixed=[NotFixed(e.line, e.column, e.rule,
                                             f"not applied: {result.error}") for e in comments])
    back = edited.old_line
    result.original = data
    result.applied = [AppliedFix(e.line, e.column, e.rule, e.kind, True, e.description)
                      for e in edited.done] + [replace(a, line=back(a.line))
                                               for a in result.applied]
    result.not_fixed = sorted([NotFixed(e.line, e.column, e.rule, f"not applied: {why}")
                               for e, why in edited.refused]
                              + [replace(n, line=back(n.line)) for n in result.not_fixed],
                              key=lambda n: (n.line, n.column))
    return result


def _prepared(data: bytes, spawners: tuple[Spawner, ...], filename: str,
              style: FixStyle | None) -> prepared.Prepared | str:
    """The text parsed and analysed (made once per text: `fixer.prepared`), or why it cannot
    be."""
    key: prepared.Key = (data, spawners, filename, style)
    found = prepared.find(key)
    if found is not None:
        return found
    with gc_paused():  # a tree is built and walked: no cycles to find (see analysis.parse)
        try:
            module = cst.parse_module(data)
        except cst.ParserSyntaxError as exc:
            return _syntax_error(data, exc.message)
        except (RecursionError, MemoryError, UnicodeDecodeError, LookupError) as exc:
            return f"cannot parse: {type(exc).__name__}"
        # the text numbers lines as check does, where libcst's code lacks some (positions.py)
        return prepared.prepare(key, module, analyse(module, spawners, _text(data)))


def _plans(prep: prepared.Prepared, targets: Collection[TargetKey] | None,
           allow_unsafe: Callable[[str], bool]) -> tuple[list[Planned], list[NotFixed]]:
    """The fix chosen for each spawn to fix (all, or `targets`), and those with none."""
    spots = prep.spots(targets is not None)
    if targets is not None:
        spots = [s for s in spots if (s[2], s[3], s[1].code) in targets]
        spots += returned_task_spawns(prep.ctx, set(targets) - {(s[2], s[3], s[1].code)
                                                                for s in spots})
    plans: list[Planned] = []
    not_fixed: list[NotFixed] = []
    for sp, v, line, column in spots:
        found, reasons = prep.offers(sp, v)
        chosen = choose(found, allow_unsafe(v.code))
        if chosen is None:
            not_fixed.append(NotFixed(line, column, v.code, not_applied_reason(found, reasons)))
        else:
            plans.append(Planned(sp, v, chosen, line, column))
    return plans, not_fixed


def plan_source(data: bytes, *, spawners: tuple[Spawner, ...] = (),
                targets: Collection[TargetKey], allow_unsafe: Callable[[str], bool] = _never,
                filename: str = "<string>", style: FixStyle | None = None
                ) -> list[AppliedFix]:
    """The fixes `fix_source` would try for `targets` with the same arguments, before it
    rewrites and verifies them (which may still refuse one): what an editor's menu names
    before one is picked. Nothing is rewritten; the text is kept for that fix
    (`fixer.prepared`)."""
    try:
        prep = _prepared(data, spawners, filename, style)
        if isinstance(prep, str):
            return []
        return [p.applied() for p in _plans(prep, targets, allow_unsafe)[0]]
    except (RecursionError, cst.CSTValidationError):  # `fix_source` would refuse it too
        return []


def _fix_source(data: bytes, spawners: tuple[Spawner, ...],
                targets: Collection[TargetKey] | None, allow_unsafe: Callable[[str], bool],
                filename: str, style: FixStyle | None) -> SourceFix:
    result = SourceFix(original=data, fixed=data)
    prep = _prepared(data, spawners, filename, style)
    if isinstance(prep, str):
        result.error = prep
        return result
    plans, result.not_fixed = _plans(prep, targets, allow_unsafe)
    if not plans:
        return result
    # every fix writes the tree: what libcst's round trip loses is put back, or nothing is fixed
    written, lost = prep.written()
    if lost is None:
        line = _first_difference(data, written)
        result.error = f"libcst does not write it back as it was (line {line})"
        return result
    checker = prep.checker(lost)
    # as the text's parse and analysis (`_prepared`): trees are built and walked, with no
    # cycles to find (`analysis.parse`). Measured on bench/server_latency.py's buffer, in
    # process, load ~3: a menu's fixes named in 115-121 ms (p50) instead of 143-193, the one
    # picked made in 275-280 ms instead of 414-430
    with gc_paused():
        fixed, accepted, failures = _fix(prep.module, prep.ctx, plans, checker)
    result.fixed = fixed
    result.recheck = Recheck(checker, fixed) if accepted else None
    result.applied = [p.applied() for p in accepted]
    result.package_helper = any(p.offer.package_helper for p in accepted)
    result.not_fixed += [p.not_fixed(f"not applied: {why}") for p, why in failures.items()]
    result.not_fixed.sort(key=lambda n: (n.line, n.column))
    return result


def _first_difference(a: bytes, b: bytes) -> int:
    pairs = zip(a, b, strict=False)  # the shorter one's end is a difference too
    at = next((i for i, (x, y) in enumerate(pairs) if x != y), min(len(a), len(b)))
    return byte_position(a, at)[0]


def _attempt(module: cst.Module, ctx: FixContext, plans: list[Planned], checker: Checker
             ) -> tuple[bytes, list[Planned], dict[Planned, str]]:
    edits = ctx.new_edits()
    built: list[Planned] = []
    failed: dict[Planned, str] = {}
    for p in plans:
        # built into the edits themselves: a copy per plan (of every edit so far) made n
        # spawns quadratic; a plan that cannot be built is undone by building the others again
        try:
            p.offer.build(edits)
        except Conflict as exc:
            failed[p] = str(exc)
            edits = _built(ctx, built)
            continue
        built.append(p)
    if not built:
        return checker.original, built, failed
    render_sets(edits, ctx)
    render_helpers(edits, ctx)
    place_pending(edits)
    fixed = apply_edits(edits).bytes
    return (put_back(module.bytes, fixed, checker.lost) if checker.lost else fixed), built, failed


def _built(ctx: FixContext, plans: list[Planned]) -> Edits:
    """The edits of `plans`, each of which was built before in this order."""
    edits = ctx.new_edits()
    for p in plans:
        p.offer.build(edits)
    return edits


def _fix(module: cst.Module, ctx: FixContext, plans: list[Planned], checker: Checker
         ) -> tuple[bytes, list[Planned], dict[Planned, str]]:
    failures: dict[Planned, str] = {}
    accepted = list(plans)
    while accepted:
        fixed, built, build_failed = _attempt(module, ctx, accepted, checker)
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
    return checker.original, [], failures


def _one_by_one(module: cst.Module, ctx: FixContext, plans: list[Planned], checker: Checker,
                failures: dict[Planned, str]
                ) -> tuple[bytes, list[Planned], dict[Planned, str]]:
    ok: list[Planned] = []
    fixed = checker.original
    for p in plans:
        candidate, built, build_failed = _attempt(module, ctx, [*ok, p], checker)
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



# -- files ---------------------------------------------------------------------------------------
@record
class FileFix:
    """What fixing one file did."""

    path: Path
    display: str
    source: SourceFix | None = None
    written: bool = False
    error: str | None = None  # could not read, parse or write it (or it changed on disk)
    diff: str = ""


def fix_file(path: Path, display: str, *, spawners: tuple[Spawner, ...] = (),
             targets: Collection[TargetKey] | None = None,
             allow_unsafe: Callable[[str], bool] = _never, write: bool = True,
             want_diff: bool = False, style: FixStyle | None = None,
             comments: Sequence[CommentEdit] = ()) -> FileFix:
    out = FileFix(path, display)
    if style is None:  # the project's own style for this file: its line length, its Python
        folder = path.resolve().parent
        style = FixStyle(line_length=line_length_for(folder), target=target_for(folder))
    try:
        data = read_source(path)
        _, encoding = decode(data)
    except SourceError as exc:
        out.error = exc.reason
        return out
    fixed = fix_source(data, spawners=spawners, targets=targets, allow_unsafe=allow_unsafe,
                       filename=str(path), style=style, comments=comments)
    if fixed.recheck is not None:
        fixed.recheck.facts()  # now, as before: a run holds no file's trees
    out.source = fixed
    if fixed.error is not None:
        out.error = fixed.error
        return out
    if not fixed.changed:
        return out
    if want_diff:
        out.diff = unified_diff(display, data, fixed.fixed, encoding)
    if write:
        write_fix(out)
    return out


def write_fix(out: FileFix) -> None:
    """Write a file's fixed source over it, unless it changed on disk since it was read."""
    fixed = out.source
    assert fixed is not None
    try:
        replace_file(out.path, fixed.fixed, expected=fixed.original)
    except FileChangedError:
        out.error = "changed on disk since it was read; not overwritten"
    except NotWritableError as exc:  # read-only, hard-linked, another user's ...
        out.error = exc.reason
    except OSError as exc:
        out.error = f"cannot write: {exc.strerror or exc}"
    else:
        out.written = True


def unified_diff(display: str, before: bytes, after: bytes, encoding: str) -> str:
    old = lines_with_ends(before.decode(encoding))
    new = lines_with_ends(after.decode(encoding))
    lines = []
    for line in difflib.unified_diff(old, new, fromfile=display, tofile=display):
        if strip_break(line) == line:  # the last line, without a break
            line += "\n\\ No newline at end of file\n"
        lines.append(line)
    return "".join(lines)
