"""Join the facts of every module of a run into its findings.

Each spawn's fates are first completed with what other modules tell (`answers.py`: a task kept
here and ended there, a collection received as a parameter, a returned task that callers drop),
then judged by the rules (`taskleak.rules.judge`): which rule, what risk, in which words. A call
that drops a returned task becomes a finding of its own, at the call. Runs on every check, cached
facts or not, without the parser: it must stay cheap.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Protocol

from taskleak.advice.returned import ADVICE as RETURNED_TASK_FIX
from taskleak.advice.returned import (
    AWAITED_HELPER_NO_FIX,
    CALLED_BACK_NO_FIX,
    HELPER_DROPS_NO_FIX,
    NO_FIX_FOR_A_COLLECTION,
)
from taskleak.analysis.facts.calls import DroppedCall
from taskleak.analysis.facts.fates import RETURNED_TASKS, Fate, FateKind
from taskleak.analysis.facts.interface import Promise
from taskleak.analysis.facts.module import (
    TASK_GROUP,
    UNTYPED,
    FileFacts,
    Question,
    QuestionKind,
    SpawnFacts,
)
from taskleak.analysis.obligations.paths import obligation_of
from taskleak.model import Finding, Risk, RunResult, Skipped
from taskleak.project.answers import dropped_returns, promised
from taskleak.project.callees import (
    gives_no_coroutine,
    helper_place,
    is_coroutine,
    runs_no_helper,
)
from taskleak.project.completed_fates import answer
from taskleak.project.index import ProjectIndex, Where
from taskleak.project.receivers import is_loop
from taskleak.project.reexports import names_stdlib
from taskleak.rules import judge, judged
from taskleak.rules.task_end_unknown import RULE as UNFOLLOWED


class RuleEnabled(Protocol):
    """`Settings.rule_enabled`: whether a rule runs (`by_default`: for one not selected by
    name, whether it is on by default)."""

    def __call__(self, code: str, *, by_default: bool = True) -> bool: ...


def rules_by_default(code: str, *, by_default: bool = True) -> bool:
    """Every rule that is on by default, and only those (no configuration)."""
    return by_default


def finding(path: str, sf: SpawnFacts, fates: tuple[Fate, ...] | None = None,
            strict: bool = False) -> Finding:
    """The finding on one spawn of the file shown as `path` (with `fates` when the project
    completed them; `strict`: see `rules.judge`)."""
    verdict, fate = judged(fates or sf.fates, strict=strict)
    # the module's advice took the call to give a task; a helper whose body the join read
    # drops it (a spawner with no promise): there is none to keep, the fix belongs in it
    first = fates[0] if fates else None
    drops = first is not None and first.kind is FateKind.HELPER_DROPS \
        and sf.fates[0].kind is not FateKind.HELPER_DROPS
    advised = sf.advised_rule == verdict.code and not drops
    return Finding(
        path=path, line=sf.line, column=sf.column, end_line=sf.end_line,
        end_column=sf.end_column, rule=verdict.code, risk=verdict.risk, spawner=sf.spawner,
        coroutine=fates[0].coroutine if fates else sf.coroutine, tracked=verdict.tracked,
        cleaned=verdict.cleaned,
        message=verdict.message, because=verdict.because, evidence=verdict.evidence,
        fix=sf.fix if advised else None,
        no_fix_reason=HELPER_DROPS_NO_FIX if drops
        else sf.no_fix_reason if advised else None, context=sf.context,
        snippet=sf.snippet, statement_line=sf.statement_line, structured=sf.structured,
        obligation=obligation_of(fate, verdict.risk, f"{sf.spawner}({fate.coroutine})",
                                 sf.steps),
    )


def _call_site(index: ProjectIndex, path: str, call: DroppedCall, function: str,
               spawned_in: str) -> Finding | None:
    """The finding at a call that drops the task `function` returns; None for a call of a
    helper that makes its task inside (its spawn is the row), or until the call's position is
    known (see `positions_needed`)."""
    where = index.modules[path].exports.positions.get(call.ordinal)
    if where is None:
        return None
    name = function.rsplit(".", 1)[-1]
    shown = f"the task {name}() gives" if call.bound else f"{name}()"  # (as in one module)
    fate = Fate(FateKind.NEVER_READ if call.bound else FateKind.DROPPED_RETURN, shown,
                callee=name, in_loop=call.in_loop, repeating=call.repeating,
                evidence=call.evidence, function=call.caller.rsplit(".", 1)[-1],
                handed=call.called_back, holder="_" if call.bound else "")
    helper = index.functions.get((spawned_in, function))
    if helper is not None and helper.promise in _MADE_INSIDE:
        return None  # the task is made, and kept or lost, in the helper: its spawn is the row
    many = helper is not None and helper.many
    if many:
        fate = replace(fate, holder=RETURNED_TASKS)
    verdict = judge((fate,))
    return Finding(
        path=path, line=where.line, column=where.column, end_line=where.end_line,
        end_column=where.end_column, rule=verdict.code, risk=verdict.risk, spawner=function,
        coroutine=f"{name}()", tracked=verdict.tracked, cleaned=verdict.cleaned,
        message=verdict.message, because=verdict.because, evidence=verdict.evidence,
        context=call.caller,
        snippet=where.snippet,
        statement_line=where.statement_line,
        fix=RETURNED_TASK_FIX if not many and not call.awaited and not call.called_back
        else None,
        no_fix_reason=_no_fix_reason(call, many),
        obligation=obligation_of(fate, verdict.risk, f"{function}(), which returns it"),
    )


def _kept_by_a_helper(index: ProjectIndex, path: str, sf: SpawnFacts,
                      fates: tuple[Fate, ...] | None, found: Finding,
                      first: dict[Where, tuple[Finding, Fate]], strict: bool) -> Finding:
    """A call of a spawn helper that keeps the task (`self.start(coro)`, `spawn(coro)` of
    another module), `found` as its module's promise judged it: kept forever, unless the
    project found what ends the helper's task (`first`: the finding at each function's first
    spawn, the helper's among them); the words name where it keeps it. Any other spawn:
    `found`."""
    judged = fates or sf.fates
    if not judged or judged[0].kind is not FateKind.HELPER_NEVER_ENDS:
        return found
    # a helper of this module is the spawner; one of another module, configured, the call's
    # callee, or else the place its qualified name (`app.background.spawn`) gives
    places = [(path, sf.spawner), index.resolve_callee(path, sf.helper, sf.context)
              if sf.helper else None, index.qualified(path, sf.spawner)]
    inside = next((first[w] for w in places if w is not None and w in first), None)
    if inside is None:
        return found
    return finding(path, sf, (_as_the_helper_keeps(judged[0], *inside),), strict)


def _promised_since(index: ProjectIndex, path: str, sf: SpawnFacts,
                    fates: tuple[Fate, ...] | None) -> tuple[Fate, ...] | None:
    """A call of a helper whose promise the project changed (`ProjectIndex.promised_since`):
    its own module's helper that returns what another module's helper gives (`def
    start(coro): return util.spawn(coro)`), or a helper, of any module, whose task another
    module ends: the module judged the call with the promise its helper's module saw alone."""
    if sf.helper:
        return fates
    where: Where | None = (path, sf.spawner)
    if where not in index.promised_since and sf.project_helper:
        where = index.qualified(path, sf.spawner)  # another module's: `pkg.util.spawn`
    if where is None or where not in index.promised_since:
        return fates
    fn = index.functions[where]
    return promised(fn, replace(sf, helper=sf.spawner), fates or sf.fates) or fates


def _as_the_helper_keeps(fate: Fate, inside: Finding, verdict: Fate) -> Fate:
    """A call's fate when the helper it hands work to keeps the task: kept where the helper's
    spawn (`inside`, as the project judged it, `verdict` its verdict's fate) keeps it, and
    ended by what ends that, or never ended when nothing does. Where that spawn is itself a
    call of a helper that keeps its task, the task goes on to that one (`through`)."""
    through = verdict.holder if verdict.kind in _HELPERS_KEEP else ""
    if inside.risk is Risk.LOW:
        return replace(fate, kind=FateKind.HELPER_KEEPS, stored_in=inside.tracked,
                       through=through, cleanup=inside.cleaned, ends=verdict.ends)
    return replace(fate, kind=FateKind.HELPER_NEVER_ENDS, stored_in=inside.tracked,
                   through=through, cleanup="")


_HELPERS_KEEP = frozenset({FateKind.HELPER_KEEPS, FateKind.HELPER_NEVER_ENDS})


def _no_fix_reason(call: DroppedCall, many: bool) -> str | None:
    """Why a call that drops a returned task gets no fix (None where it gets one)."""
    if many:
        return NO_FIX_FOR_A_COLLECTION
    if call.awaited:
        return AWAITED_HELPER_NO_FIX
    if call.called_back:
        return CALLED_BACK_NO_FIX
    return None


# What a helper of the project does with the task it makes when its calls are no rows: the task
# is created in it, and kept, ended or lost there (RUBRIC convention 1)
_MADE_INSIDE = frozenset({Promise.KEEPS_AND_CLEANS, Promise.KEEPS, Promise.DROPS})
_KEPT_OR_LOST_INSIDE = frozenset({FateKind.HELPER_KEEPS, FateKind.HELPER_NEVER_ENDS,
                                  FateKind.HELPER_DROPS})


# what the join finds of a helper's own store that its module alone took for keeping the task
_REPLACED_WHILE_RUNNING = frozenset({FateKind.RESPAWNED, FateKind.KEY_OVERWRITTEN})


def _replaces_its_task(index: ProjectIndex, path: str, sf: SpawnFacts,
                       first: dict[Where, tuple[Finding, Fate]]) -> bool:
    """A call of a spawn helper of the project whose own store the join found made over a task
    that still runs (its callers, in other modules, run it again): its module alone took it for
    a helper that keeps its task; read with those callers, as one module reads them, it is none,
    so the call is no spawn (its own spawn is the row)."""
    where = helper_place(index, path, sf)
    found = first.get(where) if where is not None else None
    return found is not None and found[1].kind in _REPLACED_WHILE_RUNNING


def _made_in_the_helper(sf: SpawnFacts, fates: tuple[Fate, ...] | None) -> bool:
    """A call of a helper of the project that keeps, ends or drops the task itself: the row is
    the helper's spawn, not the call."""
    judged = fates or sf.fates
    return sf.project_helper and bool(judged) and judged[0].kind in _KEPT_OR_LOST_INSIDE


def is_spawn(index: ProjectIndex, path: str, sf: SpawnFacts) -> bool:
    """A call is a spawn unless its receiver needed another module to type it and that module
    does not hold an event loop there (`receivers.py`), or what it is given is a call of a
    function of another module that gives no coroutine (`callees.py`). A `create_task` of a
    call of the project's `async def` on a receiver nobody typed is one too: the call asked of
    another module must be an `async def` (`callees.py`), and the receiver's chain, if it was
    asked, must lead to a loop or to what nothing types (`typed_names.UNTYPED`). A call of a
    method named like a helper method of the project must run one (`callees.runs_no_helper`).
    A spawn of asyncio's named through a module of the project must be asyncio's there
    (`reexports.py`)."""
    coroutine = all(is_coroutine(index, path, q.owner) for q in sf.questions
                    if q.kind is QuestionKind.CALL_IS_COROUTINE)
    receivers = [q for q in sf.questions if q.kind is QuestionKind.RECEIVER_LOOP]
    received = all(_receiver(index, path, q, coroutine) for q in receivers) if receivers \
        else coroutine
    if any(q.kind is QuestionKind.STDLIB_NAME for q in sf.questions):
        # asyncio's, named through the project's modules; or (asked both) a loop's method
        through = _through_asyncio(index, path, sf)
        received = received or through if receivers else received and through
    return received and not any(gives_no_coroutine(index, path, q.owner) for q in sf.questions
                                if q.kind is QuestionKind.CALL_MAKES) \
        and not runs_no_helper(index, path, sf)


def _through_asyncio(index: ProjectIndex, path: str, sf: SpawnFacts) -> bool:
    """The call, named through modules of the project, is asyncio's spawn (`reexports.py`)."""
    named = [q for q in sf.questions if q.kind is QuestionKind.STDLIB_NAME]
    return bool(named) and all(names_stdlib(index, path, q.owner, q.name) for q in named)


def _named_after_all(index: ProjectIndex, path: str, sf: SpawnFacts,
                     fates: tuple[Fate, ...] | None) -> tuple[SpawnFacts, tuple[Fate, ...] | None]:
    """A call asked both ways (`compat.create_task`) that is asyncio's function, not a loop's
    method: named as asyncio's, its receiver no longer said to be untyped."""
    if not any(q.kind is QuestionKind.RECEIVER_LOOP for q in sf.questions) \
            or not _through_asyncio(index, path, sf):
        return sf, fates
    spawner = next(q.name for q in sf.questions if q.kind is QuestionKind.STDLIB_NAME)
    return replace(sf, spawner=spawner), tuple(replace(f, untyped="") for f in (fates or sf.fates))


def _in_a_task_group(index: ProjectIndex, path: str, q: Question) -> bool:
    """`create_task` on a chain another module types as a task group (a property annotated
    `TaskGroup`): a spawn, kept by the group as in one module."""
    return q.kind is QuestionKind.RECEIVER_LOOP and q.name in ("", UNTYPED) \
        and is_loop(index, path, q.owner, kind=TASK_GROUP)


def _typed_after_all(index: ProjectIndex, path: str, sf: SpawnFacts,
                     fates: tuple[Fate, ...] | None) -> tuple[Fate, ...] | None:
    """The fates without the words "untyped" when the receiver's chain, asked of another
    module, leads to a loop there; a task group's fate when it leads to one."""
    group = next((q.owner for q in sf.questions if _in_a_task_group(index, path, q)), None)
    if group is not None:  # (named by the chain's last step, as one module names it)
        name = group.rsplit(".", 1)[-1].removesuffix("()")
        return (Fate(FateKind.STRUCTURED, sf.fates[0].coroutine if sf.fates else "",
                     group=name),)
    if not any(q.kind is QuestionKind.RECEIVER_LOOP and q.name == UNTYPED
               and is_loop(index, path, q.owner) for q in sf.questions):
        return fates
    return tuple(replace(f, untyped="") for f in (fates or sf.fates))


def _receiver(index: ProjectIndex, path: str, q: Question, coroutine: bool) -> bool:
    """The receiver question `q` is answered so that the call is a spawn."""
    if _in_a_task_group(index, path, q):
        return True
    if q.name != UNTYPED:
        return is_loop(index, path, q.owner, kind=q.name)
    return is_loop(index, path, q.owner) or (coroutine and is_loop(index, path, q.owner,
                                                                    kind=UNTYPED))


def positions_needed(files: Sequence[FileFacts]) -> dict[str, set[int]]:
    """Dropped calls (file -> ordinals) that will be findings but whose position is not known
    yet: the run finds them by parsing those files again."""
    index = ProjectIndex(files)
    needed: dict[str, set[int]] = {}
    for path, module in index.modules.items():
        for sf in module.spawns:
            if not is_spawn(index, path, sf):
                continue
            for caller_path, call, _ in dropped_returns(index, path, sf):
                if call.ordinal not in index.modules[caller_path].exports.positions:
                    needed.setdefault(caller_path, set()).add(call.ordinal)
    return needed


def join(files: Sequence[FileFacts], scanned: int,
         rule_enabled: RuleEnabled = rules_by_default) -> RunResult:
    """The run's findings (of enabled rules) and skipped files, sorted."""
    index = ProjectIndex(files)
    strict = rule_enabled(UNFOLLOWED.code, by_default=UNFOLLOWED.default_enabled)
    findings: list[Finding] = []
    skipped: list[Skipped] = []
    parsed = 0
    call_sites: set[tuple[str, int]] = set()
    judgements = []
    for f in files:
        for sf in f.module.spawns if f.module is not None else ():
            if is_spawn(index, f.path, sf):
                fates = answer(index, f.path, sf) if sf.questions or sf.helper else None
                fates = _typed_after_all(index, f.path, sf, fates)
                sf, fates = _named_after_all(index, f.path, sf, fates)
                fates = _promised_since(index, f.path, sf, fates)
                judgements.append((f.path, sf, fates, finding(f.path, sf, fates, strict)))
    # the finding at each function's first spawn: what a spawn helper does with its task is
    # what its first spawn's finding says (`exports._functions` reads the first one too)
    first: dict[Where, tuple[Finding, Fate]] = {}
    for path, sf, fates, judgement in judgements:
        if (path, sf.context) not in first:
            first[(path, sf.context)] = (judgement,
                                         judged(fates or sf.fates, strict=strict)[1])
    for path, sf, fates, inside in judgements:
        if sf.project_helper and _replaces_its_task(index, path, sf, first):
            continue
        judgement = _kept_by_a_helper(index, path, sf, fates, inside, first, strict)
        if not _made_in_the_helper(sf, fates):
            findings.append(judgement)
        for caller_path, call, function in dropped_returns(index, path, sf):
            found = _call_site(index, caller_path, call, function, path)
            if found is not None and (caller_path, call.ordinal) not in call_sites:
                call_sites.add((caller_path, call.ordinal))
                findings.append(found)
    for f in files:
        if f.skipped is not None:
            skipped.append(f.skipped)
        parsed += f.parsed and not f.answers_only
    findings = [f for f in findings if rule_enabled(f.rule)]
    findings.sort(key=Finding.sort_key)
    skipped.sort(key=lambda s: s.path)
    return RunResult(findings=findings, skipped=skipped, files_scanned=scanned,
                     files_parsed=parsed)
