"""Verifying a rewritten module before anything is written: it parses and compiles (when the
original compiled here), keeps every comment of the original, and re-checks through the same
analysis with every fixed spawn reported low (a tracked set: lower than before; or gone, for
the await fix; rewritten, for the task-group fix) and no other spawn reported worse than before.
"""

from __future__ import annotations

import copy
import io
import tokenize
import warnings
from collections import Counter

import libcst as cst

from taskleak.advice.offers import advise_module
from taskleak.analysis.analyse import ModuleAnalysis, analyse
from taskleak.analysis.facts.module import ModuleFacts
from taskleak.analysis.obligations.spawners import Spawner
from taskleak.analysis.obligations.spawns import Spawn
from taskleak.files.lines import with_newlines
from taskleak.files.source import SourceError, decode
from taskleak.fixes.plan import Offer
from taskleak.fixes.splice import Lost
from taskleak.model import FixKind, Risk
from taskleak.records import record
from taskleak.rules import Verdict, judge


@record(frozen=True)
class AppliedFix:
    line: int
    column: int
    rule: str
    kind: FixKind
    safe: bool
    description: str


@record(frozen=True)
class NotFixed:
    line: int
    column: int
    rule: str
    reason: str



@record(eq=False)
class Planned:
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



def comments_of(text: str) -> list[str] | None:
    """The comments of `text` in order, by Python's tokenizer: the original text's, not
    libcst's round trip of it (which can drop one: issue 15), and no recursion limit. None when
    the text does not tokenize (syntax newer than this Python)."""
    try:
        lines = io.StringIO(with_newlines(text)).readline  # StringIO breaks at \n only
        return [t.string.rstrip() for t in tokenize.generate_tokens(lines)
                if t.type == tokenize.COMMENT]
    except (tokenize.TokenError, SyntaxError):
        return None


def lost_comment(before: list[str], after: list[str]) -> str | None:
    """The first comment of `before` that `after` does not keep, in the same order."""
    rest = iter(after)
    for comment in before:
        if comment not in rest:  # consumes `rest` up to the match: a subsequence test
            return comment
    return None


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


class Recheck:
    """The facts of a fixed module from its verification's re-check, made when first asked
    for: an editor's fix never asks (it shows the text), `taskleak fix` does at once."""

    def __init__(self, checker: Checker, fixed: bytes) -> None:
        self._checker: Checker | None = checker
        self._fixed = fixed
        self._facts: ModuleFacts | None = None

    def facts(self) -> ModuleFacts | None:
        if self._checker is not None:
            self._facts = self._checker.facts_of(self._fixed)
            self._checker = None  # its trees go now
        return self._facts

    def drop(self) -> None:
        """The facts will not be asked for: free the re-check's tree now, by reference counting
        (its scopes point at each other: left as it is, only the cycle collector frees it, and
        its next full collection walks it first)."""
        checked = self._checker._checked if self._checker is not None else None
        if checked is not None:
            checked[1].root.release()
        self._checker = None


SpawnKey = tuple[str, str]  # (enclosing scope's qualified name, the spawn call's code)


def _spawn_key(module: cst.Module, sp: Spawn) -> SpawnKey:
    return sp.site.scope.qualname, code_key(module.code_for_node(sp.site.node))


def compile_error(data: bytes, filename: str) -> SyntaxError | ValueError | None:
    """Why the source does not compile, or None. Its warnings (`x is 1`) are the user's, which
    `check` does not print either: shown here they came twice (original and fixed), and under
    `-W error` they would stop every fix."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            compile(data, filename, "exec", dont_inherit=True)
        except (SyntaxError, ValueError) as exc:
            return exc
    return None


def code_key(code: str) -> str:
    """A call's code without its layout: a fix may wrap a line it made longer."""
    return "".join(code.split())


def _settled(planned: Planned, old: Verdict, now: Verdict) -> bool:
    """The fixed spawn's re-check is what the fix promises: low; for the tracked set, which
    only keeps a reference, lower than before (a task that runs forever, kept now, is still
    never ended: that finding stays, and is no longer a dropped task)."""
    if now.risk is Risk.LOW:
        return True
    return planned.offer.kind is FixKind.TRACKED_SET and now.risk.rank < old.risk.rank


class Checker:
    """Verifies a rewritten module against the original (see the module docstring)."""

    def __init__(self, module: cst.Module, items: list[tuple[Spawn, Verdict]],
                 spawners: tuple[Spawner, ...], filename: str, data: bytes,
                 lost: Lost | None = None) -> None:
        self.module = module
        self.original = data  # the file as it is: what "unchanged" writes
        self.lost = lost or Lost()  # the lines libcst's round trip of it loses (fixes.splice)
        self.items = items
        self.spawners = spawners
        self.filename = filename
        self.encoding = module.encoding
        self.comments = comments_of(data.decode(module.encoding).removeprefix("\ufeff"))
        self.comment_count = _comments(module) if self.comments is None else Counter[str]()
        self._checked: tuple[bytes, ModuleAnalysis] | None = None  # the last re-check
        # not compiled: syntax newer than this Python, or NUL bytes
        self.compiles = compile_error(data, filename) is None

    def again(self) -> Checker:
        """A verifier of the same original with no re-check made yet (the original's comments
        and compilation are not read again)."""
        fresh = copy.copy(self)
        fresh._checked = None
        return fresh

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

    def verify(self, fixed: bytes, built: list[Planned]
               ) -> tuple[str | None, dict[Planned, str]]:
        """(an error about the whole module, or None; failures of single fixes)."""
        try:
            new = cst.parse_module(fixed)
        except Exception as exc:  # any parser failure means: do not write this
            return f"the fixed code does not parse ({type(exc).__name__})", {}
        if self.compiles:
            failed = compile_error(fixed, self.filename)
            if failed is not None:
                return f"the fixed code does not compile: {failed}", {}
        lost = self._lost_comment(new, fixed, [c for p in built for c in p.offer.comments])
        if lost is not None:
            return f"the fix would lose a comment: {lost}", {}
        analysis = analyse(new, self.spawners)
        new_groups: dict[SpawnKey, list[Verdict]] = {}
        before = {_spawn_key(self.module, sp) for sp, _ in self.items}
        for sp, fates in zip(analysis.spawns, analysis.fates, strict=True):
            key, verdict = _spawn_key(new, sp), judge(fates)
            if key not in before and verdict.risk is Risk.LOW and sp.helper is not None \
                    and (sp.helper.own_work or sp.method_call[0]):
                # the fix made a function keep and end its task: a call of it is a row; or it
                # kept what a helper method gives, a call the module no longer drops
                # (`obligations/helper_calls.py`): a spawn, low, where a call-site row was
                continue
            new_groups.setdefault(key, []).append(verdict)
        error, failures = self._compare(self._old_groups(built, new_groups), new_groups)
        if error is not None:
            return error, {}
        if not failures:
            self._checked = (fixed, analysis)
        return None, failures

    def _lost_comment(self, new: cst.Module, fixed: bytes,
                      rewritten: list[tuple[str, str]]) -> str | None:
        """The first comment of the original the fixed text lost, but for those a fix rewrote
        on purpose (`rewritten`: old, new; a new "" removes the comment)."""
        if self.comments is None:  # the original did not tokenize: libcst's comments, counted
            return next(iter(self.comment_count - _comments(new)), None)
        after = comments_of(fixed.decode(self.encoding).removeprefix("\ufeff"))
        if after is None:
            return "(does not tokenize)"
        changed = dict(rewritten)
        before = [changed.get(c, c) for c in self.comments]
        return lost_comment([c for c in before if c], after)

    def _old_groups(self, built: list[Planned], new_groups: dict[SpawnKey, list[Verdict]]
                    ) -> dict[SpawnKey, list[tuple[Planned | None, Verdict]]]:
        """The original spawns by key, as the fixed module should show them: without those a
        fix removed (await), under their new code when a fix rewrote the call (task-group;
        a project's spawn helper, which may be no spawn taskleak knows), and without the calls
        of a helper of the module that no longer spawn what they drop: a fix made the helper
        keep its task, so a call of it is no spawn any more (`self.spawn_now(work())` once
        `spawn_now` keeps what it spawns), which is better, not a re-check gone wrong."""
        by_spawn = {id(p.spawn): p for p in built}
        groups: dict[SpawnKey, list[tuple[Planned | None, Verdict]]] = {}
        for sp, v in self.items:
            p = by_spawn.get(id(sp))
            key = _spawn_key(self.module, sp)
            if p is not None and p.offer.new_call:
                key = (key[0], code_key(p.offer.new_call))
                if p.offer.removes_spawn and key not in new_groups:
                    continue  # a helper call that is not a configured spawner
            elif p is not None and p.offer.removes_spawn:
                continue
            elif p is None and sp.helper is not None and sp.helper.project \
                    and key not in new_groups:
                continue
            groups.setdefault(key, []).append((p, v))
        return groups

    @staticmethod
    def _compare(old_groups: dict[SpawnKey, list[tuple[Planned | None, Verdict]]],
                 new_groups: dict[SpawnKey, list[Verdict]]
                 ) -> tuple[str | None, dict[Planned, str]]:
        failures: dict[Planned, str] = {}
        for key in set(old_groups) | set(new_groups):
            kept = old_groups.get(key, [])
            news = new_groups.get(key, [])
            if len(kept) != len(news):
                return (f"the re-check found {len(news)} spawns `{key[1]}` where "
                        f"{len(kept)} were expected"), {}
            for (p, old), now in zip(kept, news, strict=True):
                if p is not None and not _settled(p, old, now):
                    failures[p] = (f"after the fix the re-check still reports {now.code} "
                                   f"({now.risk.value}): {now.message}")
                elif p is None and now.risk.rank > old.risk.rank:
                    return f"another spawn would be reported worse ({now.code})", {}
        return None, failures
