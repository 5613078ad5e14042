"""A method that stores a task over a live one, entered again from another module (issue 69).

Its module exports the store (`Fate.overwrites`: an attribute stored with the task it held not
ended first, no guard) when it cannot tell alone that the store is reached again while that
task runs: its callers are in other modules (a base class's retry loop calls `self._start()`,
a subclass's heartbeat calls `self.connect()`), or what ends the attribute is. The join
completes it:

- the method runs again when a call of it on `self` in another module repeats: made in a loop
  that goes on after it (`DroppedCall.per_turn`), or in a loop that goes round when a step
  after it fails (`retried`), whose function neither ends nor tests the holder on the way
  (`touched`); or its own module already knew it repeats (`Fate.repeats_here`) and only its
  end was elsewhere; or a call of it on an attribute's object (`self._link.connect()`) in code
  its module knows runs again (per event, from a reconnect's task: `Exports.repeated_calls`),
  unless that object was made just before in place of one ended by a method that ends the
  attribute (`fresh_objects.py`). (A call on `self` from a function that runs per event is
  not followed: its excuses, a started flag of the caller's, are its module's);
- the store is then a re-spawn over a running task (RESPAWNED), as in one module, once an end
  of the attribute is known (ended here, or found elsewhere by `answer_attribute`);
- or a method replaces one that ended the holder before storing into it again, and reaches the
  store with no end (`replaced_restarts.py`).

Calls of the same module were judged where the module was analysed (its excuses: a caller that
ends the old task first), so only other modules' calls count here. The modules the run
analyses anyway (their spawns, the attribute's ends asked for) are asked, and the modules of
the class's imported bases (QuestionKind.REENTRY, read by their import paths: a base class's
retry loop calling `self._start()`). Reading every file that names the class cost zigpy 23
more files and twice its cold time for no row.
"""

from __future__ import annotations

from dataclasses import replace

from taskleak.analysis.facts.calls import DroppedCall, RepeatedCall
from taskleak.analysis.facts.fates import Fate, FateKind, Keeper
from taskleak.analysis.facts.interface import NO_ENDS
from taskleak.project.effect_words import short
from taskleak.project.index import ProjectIndex, Where
from taskleak.project.lineage import ancestors, defining, reached
from taskleak.project.replaced_restarts import replaced_restart

# the fates of a store into a dict of `self` keyed by the call's input, the entry's task not
# ended first (`classify.collection_fate`)
_KEYED = frozenset({FateKind.COLLECTION_CLEANED, FateKind.COLLECTION_GROWS})


def respawned_elsewhere(index: ProjectIndex, path: str, function: str, fate: Fate) -> Fate:
    """`fate` of a spawn in `function` (qualified name in `path`) once other modules are read:
    a re-spawn over a live task when the method runs again, else as it was."""
    if fate.overwrites and fate.keeper is Keeper.ATTRIBUTE and fate.kind in _KEYED:
        return _key_overwritten(index, path, function, fate)
    if fate.grows_if_repeated:
        return _grows_if_repeated(index, path, function, fate)
    if not fate.overwrites or fate.keeper not in (Keeper.ATTRIBUTE, Keeper.DOTTED) \
            or fate.kind is not FateKind.KEPT_CLEANED:
        return fate
    if fate.keeper is Keeper.DOTTED and index.resolve_name(path, fate.owner) not in index.classes:
        return fate  # an end found by the attribute's name only: no claim built on it
    if fate.repeats_here:  # it repeats in its own module: only the end was elsewhere
        return replace(fate, kind=FateKind.RESPAWNED, overwrites=False, repeats_here=False)
    found = _repeating_call(index, path, function, fate.attribute, fate.stored_on_argument)
    repeated = _repeated_method_call(index, path, function, fate.attribute) \
        if found is None and fate.keeper is Keeper.ATTRIBUTE else None
    if repeated is not None:
        caller_path, again = repeated
        return replace(fate, kind=FateKind.RESPAWNED, overwrites=False,
                       repeating=function.rsplit(".", 1)[-1],
                       evidence=f"{again.often}, in {short(caller_path)}")
    if found is None:
        replaced = replaced_restart(index, path, function, fate.attribute) \
            if fate.keeper is Keeper.ATTRIBUTE else ""
        return replace(fate, kind=FateKind.RESPAWNED, overwrites=False,
                       repeating=function.rsplit(".", 1)[-1],
                       evidence=replaced) if replaced else fate
    caller_path, call = found
    return replace(fate, kind=FateKind.RESPAWNED, overwrites=False,
                   repeating=function.rsplit(".", 1)[-1],
                   evidence=f"{_how(call)}, in {short(caller_path)}")


def _repeated_method_call(index: ProjectIndex, path: str, function: str, attribute: str
                          ) -> tuple[str, RepeatedCall] | None:
    """A call of method `function` in another module on an attribute's object
    (`self._link.connect()`), in code its module knows runs again and again
    (`Exports.repeated_calls`: per event, a reconnect's task), unless the object was made anew
    in place of one ended by a method of its class that ends `self.<attribute>`
    (`fresh_objects.py`), or another method that ends it runs again and again too
    (`_ended_per_event`)."""
    target = (path, function)
    for caller_path, call in index.repeated.get(function.rsplit(".", 1)[-1], []):
        if caller_path == path or call.callee.count(".") != 2:
            continue  # (a call on `self`: its excuses, a flag, a wait for its task, are its
            # module's; `_repeating_call` weighs its loops)
        runs = index.resolve_callee(caller_path, call.callee, call.caller)
        if runs is None or not _reaches(index, runs, target):
            continue
        # (the object replaced ran this store: of the class the new one is made of, where the
        # project knows it, else of the storing method's: `self._runtime_class(...)`)
        made = index.resolve_name(caller_path, call.made_anew) if call.made_anew else None
        owner = made if made in index.classes else (path, function.rpartition(".")[0])
        if call.made_anew and any(attribute in _ends(index, owner, m) for m in call.ended_with):
            continue
        if _ended_per_event(index, target, attribute):
            return None
        return caller_path, call
    return None


def _ended_per_event(index: ProjectIndex, target: Where, attribute: str) -> bool:
    """Another method that ends `self.<attribute>`, of the storing method's class or of a
    project subclass of it, is called in code its module knows runs again and again too
    (`self._gateway.disconnect()` per event): it may come before each re-entry, so nothing
    proves a running task is left behind, as one module reads it
    (`frequency/caller_waits.ended_per_event`)."""
    path, function = target
    owner = (path, function.rpartition(".")[0])
    stores = function.rsplit(".", 1)[-1]
    for cls in (owner, *index.tree.subclasses(owner)):  # (an object of any of them runs it)
        lineage = ancestors(index, cls, itself=True)
        for method in {m for c in lineage for m in index.classes[c].methods} - {stores}:
            here = defining(index, lineage, method)
            if here is None or attribute not in reached(index, lineage, method, here)[0]:
                continue
            found = index.method_of(here[0], here[1], method)
            if any(index.resolve_callee(p, c.callee, c.caller) == found
                   for p, c in index.repeated.get(method, [])):
                return True
    return False


def _ends(index: ProjectIndex, owner: Where, method: str) -> set[str]:
    """The attributes of `self` that `method` of class `owner` ends, through its calls on
    `self`, as an object of `owner` runs them."""
    lineage = ancestors(index, owner, itself=True)
    here = defining(index, lineage, method) if owner in index.classes else None
    return reached(index, lineage, method, here)[0] if here is not None else set()


def _key_overwritten(index: ProjectIndex, path: str, function: str, fate: Fate) -> Fate:
    """A store into `self._timers[user]` (the entry's task not ended first) made by a method
    another module calls again in a loop (`self._typing.on_typing(event["user"])` per line
    read): the same key comes again, and the entry's running task is orphaned
    (KEY_OVERWRITTEN, as in one module), unless the caller ends or tests that dict of its own
    object first (`if name in self._pending: continue`, a base class's loop)."""
    found = _repeating_call(index, path, function, fate.attribute)
    if found is None:
        return fate
    caller_path, call = found
    return replace(fate, kind=FateKind.KEY_OVERWRITTEN, overwrites=False,
                   repeating=function.rsplit(".", 1)[-1], per_item=call.per_item
                   and not fate.some_items, evidence=f"{_how(call)}, in {short(caller_path)}")


def _grows_if_repeated(index: ProjectIndex, path: str, function: str, fate: Fate) -> Fate:
    """A collection attribute its owner stops the tasks of, filled once per run of `function`
    as far as its module sees (`filled_once.once_stopped_by_its_owner`), called in a loop of
    another module: a task per turn that lives until the owner stops, and nothing prunes the
    finished ones (COLLECTION_GROWS, as in one module); else as it was."""
    found = _repeating_call(index, path, function, fate.attribute)
    if found is None:
        return replace(fate, grows_if_repeated=False)
    caller_path, call = found
    return replace(fate, kind=FateKind.COLLECTION_GROWS, grows_if_repeated=False, cleanup="",
                   ends=NO_ENDS, repeating=function.rsplit(".", 1)[-1],
                   per_item=call.per_item and not fate.some_items,
                   evidence=f"{_how(call)}, in {short(caller_path)}")


def _repeating_call(index: ProjectIndex, path: str, function: str, attribute: str,
                    stored_on: int = 0) -> tuple[str, DroppedCall] | None:
    """A call of `function` in another module that runs it again with the task it stored in
    `attribute` not ended or tested first, with that module's path. `stored_on`: the 1-based
    place of the argument whose object the attribute is of (`job.task`), if any: a call giving
    a new object there on each turn stores into another object each time."""
    target = (path, function)
    for caller_path, call in index.dropped.get(function.rsplit(".", 1)[-1], []):
        # (the same object's method, `self.start()`: a loop over new objects repeats nothing
        # for one; `touched`: its caller may end or test the holder first)
        if caller_path == path or not (call.per_turn or call.retried) \
                or attribute in call.touched or stored_on - 1 in call.fresh:
            continue
        runs = index.resolve_callee(caller_path, call.callee, call.caller, call.receiver)
        if runs is not None and _reaches(index, runs, target):
            return caller_path, call
    return None


def _reaches(index: ProjectIndex, runs: Where, target: Where) -> bool:
    """A call that resolves to `runs` may run `target` on an object of `target`'s class: it is
    `target`, or a method of that name of a base of that class, or of a class that a subclass
    of it also derives from (a base's `self._start()`, a stub the subclass overrides)."""
    if runs == target:
        return True
    cls, _, name = target[1].rpartition(".")
    base, _, called = runs[1].rpartition(".")
    if called != name or not cls or not base:
        return False
    owner, caller = (target[0], cls), (runs[0], base)
    return index.is_subclass(owner, caller) or any(
        index.is_subclass(concrete, caller) for concrete in index.tree.subclasses(owner))


def _how(call: DroppedCall) -> str:
    """How the call repeats, in the words `lifecycle.py` gives a call of its own module."""
    caller = call.caller.rsplit(".", 1)[-1]
    if call.per_turn:
        return f"called in a loop in {caller}()"
    return f"called in a loop in {caller}() that goes round again when a step after it fails"
