"""Answer `PARAMETER_COLLECTION`: a task put in a collection the function received as a
parameter is ended where its owners, the callers that pass their own collection there, end it:
themselves (`CallArg.cleanup`), or by a function they hand the same collection to as well
(`CallArg.also`: `_stop(bg_tasks)` of another module, what its `ParamUse` says it does). A
caller that runs the function again for the same key leaves the entry's running task behind."""

from __future__ import annotations

from dataclasses import replace

from taskleak.analysis.facts.calls import CallArg
from taskleak.analysis.facts.fates import Fate, FateKind, Hand, Keeper
from taskleak.analysis.facts.module import Question
from taskleak.project.answers import handed_to
from taskleak.project.effect_words import short
from taskleak.project.index import ProjectIndex, Where
from taskleak.project.outside_bases import left_to, outside_bases


def _callers(index: ProjectIndex, path: str, question: Question) -> list[tuple[str, CallArg]]:
    """The calls of `question.owner` that pass a collection as its parameter `question.name`."""
    # a constructor's (`keys.lent_to_the_constructor`): the calls of its class
    owner = question.owner.removesuffix(".__init__")
    target: Where = (path, owner)
    name = owner.rsplit(".", 1)[-1]
    out = []
    for caller_path, arg in index.call_args.get(name, []):
        if index.resolve_callee(caller_path, arg.callee, arg.caller) != target:
            continue
        if arg.keyword == question.name or (arg.index >= 0 and arg.index == question.index):
            out.append((caller_path, arg))
    return out


def answer_parameter(index: ProjectIndex, path: str, fate: Fate, question: Question) -> Fate:
    """A collection received as a parameter: its owners (the callers) say what ends it."""
    if fate.keeper is not Keeper.PARAMETER or (fate.kind not in (
            FateKind.LOCAL_COLLECTION_DROPPED, FateKind.KEY_OVERWRITTEN,
            FateKind.COLLECTION_GROWS) and not fate.overwrites):
        return fate
    callers = _callers(index, path, question)
    if not callers:
        return _no_caller(_registered(index, path, fate, question)
                          or _left_to_a_base(index, path, fate, question))
    received = fate
    caller_path, first = callers[0]
    owner = f" of {first.owner}" if first.owner else ""
    # its owner found: the callers' collection, named with the first of them
    fate = replace(fate, holder=f"collection {first.key}{owner} (passed in, "
                                f"{short(caller_path)})", caller_unknown=False)
    cleaned = [(p, a) for p, a in callers if a.cleanup]
    cleanup = f"{cleaned[0][1].cleanup}, in {short(cleaned[0][0])}" if cleaned else \
        _ended_where_handed(index, callers)
    again = [(p, a) for p, a in callers if a.often and not a.caller_ends_it]
    if fate.overwrites and again:
        # a caller runs it again for the same key: whoever owns the dict, the entry's running
        # task is orphaned
        p, a = again[0]
        # (a fate ended by the module's own functions keeps their words when no caller ends it)
        own = fate.cleanup if fate.kind is FateKind.COLLECTION_CLEANED else ""
        return replace(fate, kind=FateKind.KEY_OVERWRITTEN, cleanup=cleanup or own,
                       repeating=question.owner.rsplit(".", 1)[-1],
                       per_item=a.per_item and not fate.some_items,
                       evidence=f"{a.often}, in {short(p)}")
    if fate.kind is FateKind.COLLECTION_CLEANED:
        return received  # ended by the module's own functions, and no caller runs it again
    if not cleanup:
        return replace(fate, kind=FateKind.COLLECTION_GROWS)
    if fate.kind is FateKind.KEY_OVERWRITTEN and not all(a.caller_ends_it for _, a in callers):
        return replace(fate, cleanup=cleanup)  # still overwritten while running
    return replace(fate, kind=FateKind.COLLECTION_CLEANED, cleanup=cleanup)


def _ended_where_handed(index: ProjectIndex, callers: list[tuple[str, CallArg]]) -> str:
    """The words of an end made by a function a caller hands the same collection to
    (`CallArg.also`: `_stop(bg_tasks)`, its `ParamUse.ends`); "" when none is known."""
    for caller_path, arg in callers:
        for callee, position, keyword, caller in arg.also:
            found = handed_to(index, caller_path, callee, caller, position, False, keyword)
            if found is not None and found[1].ends:
                where, use = found
                return f"{use.ends}, in {short(where)}" if where else use.ends
    return ""


def _left_to_a_base(index: ProjectIndex, path: str, fate: Fate, question: Question) -> Fate:
    """A method no code of the project calls, of a class with bases outside the checked code
    (`start_stream(self, session_info)` of a `pyhap` camera): its caller, with the collection
    it passes, is that base's code, which is not read: not followed (a low row)."""
    owner: Where = (path, question.owner.rpartition(".")[0])
    outside: list[str] = []
    # (its object may be of a subclass: the method a base of the project defines, the library
    # base the concrete class adds)
    for cls in (owner, *sorted(index.tree.subclasses(owner))) if owner in index.classes else ():
        outside += [o for o in outside_bases(index, cls) if o not in outside]
    if not outside:
        return fate
    return replace(fate, kind=FateKind.COLLECTION_HANDED, hand=Hand.PASSED, caller_unknown=False,
                   handed=f"passed in by a caller {left_to(outside)}")


def _no_caller(fate: Fate) -> Fate:
    """A collection passed in by callers none of which the checked code holds (a library's
    public function, its user's list; a call not resolved): who owns it, and whether it ends
    its tasks, is not followed (a low row that says so), never a claim that it only grows."""
    if not fate.caller_unknown:
        return fate
    return replace(fate, kind=FateKind.COLLECTION_HANDED, hand=Hand.PASSED, caller_unknown=False,
                   handed="passed in by a caller not found in the checked code")


def _registered(index: ProjectIndex, path: str, fate: Fate, question: Question) -> Fate | None:
    """A function no code of the project calls, handed to a call or put in a collection of
    callbacks in some module (`web_app.on_startup.append(self.start)`, `Exports.
    handed_functions`): whoever it is handed to calls it, with a collection not followed."""
    target: Where = (path, question.owner)
    for where, module in index.modules.items():
        for key, caller, how in module.exports.handed_functions:
            if index.resolve_callee(where, key, caller) == target:
                name = question.owner.rsplit(".", 1)[-1]
                return replace(fate, kind=FateKind.COLLECTION_HANDED, hand=Hand.PASSED,
                               caller_unknown=False,
                               handed=f"{name}() is {how}, whose calls pass the collection in")
    return None
