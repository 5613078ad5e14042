"""What one module can tell the others, as plain data (its "interface" to the project join).

- `Effect`: a dotted name it awaits, gathers, cancels or prunes (`entry.runtime_data.x.cancel()`);
- `ClassFacts`: a class, its bases, the attributes its methods store on `self`, what it ends;
- `FunctionFacts`: a function that returns a task it spawned, and what it does with it otherwise
  (a spawn helper: `Promise`);
- the calls it makes that the join reads (`calls.py`: `CallArg`, `DroppedCall`,
  `RepeatedCall`, `RunnerCall`);
- `ParamUse`: what a function does with a task its parameter receives (ends it, or nothing);
- `Getter`, `CallValueEffect`: a function returning a kept task, what callers do with what
  another module's function returns (`getters.py`);
- `imports`: local name -> what it names (`".handler.trigger"`: relative imports keep their dots);
  `from .client import *` is `(STAR, ".client")`.

No libcst: facts are cached and joined without the parser. Computed by `exports.py`.
"""

from __future__ import annotations

from dataclasses import field
from enum import Enum
from typing import Any

from taskleak.analysis.facts.calls import (
    CallArg,
    CallPosition,
    DroppedCall,
    OwnedField,
    ParamUse,
    RepeatedCall,
    RunnerCall,
)
from taskleak.analysis.facts.getters import CallValueEffect, Getter
from taskleak.records import record

STAR = "*"  # the local name of a star import in `Exports.imports`: no identifier is spelled so
# `Exports.typed`: what an instance of a class the module imports is entered as ("ext:" and the
# import), which the join follows into the module that defines the class
EXTERNAL = "ext:"


class End(Enum):
    """How a holder's task is ended (a discharge of its obligation), as a fact: the words
    (`Fate.cleanup`, "awaited in stop(), pruned in spawn()") are generated beside it."""

    AWAITED = "awaited"
    GATHERED = "gathered"
    CANCELLED = "cancelled"
    PRUNED = "pruned"  # forgotten once it is done: a done-callback's `discard`, or a reset
    RESULT_READ = "result_read"  # its `.result()` read where it is done
    OTHER = "other"  # an end the words name otherwise (joined or closed by its owner, ...)


Ends = frozenset[End]
NO_ENDS: Ends = frozenset()
BY_ITS_OWNER: Ends = frozenset({End.OTHER})  # joined, stopped or closed by its owner's ends
LET_GO: Ends = frozenset({End.PRUNED})  # a done-callback lets go of it once it is done


def ends_to_json(ends: Ends) -> list[str]:
    return sorted(e.value for e in ends)


def ends_from_json(data: Any) -> Ends:
    return frozenset(End(v) for v in data) if isinstance(data, list) else NO_ENDS


class EffectKind(Enum):
    AWAIT = "await"
    GATHER = "gather"
    CANCEL = "cancel"
    PRUNE = "prune"
    OUTCOME = "outcome"  # a done-callback that reads its outcome: an end only of a task that
    # ends by itself (`answers.answer_attribute`)
    # `.result()` read unconditionally: an asyncio Task is done there (or the read raises), a
    # concurrent Future is waited for (`Effects.without_result_reads`, as in one module)
    RESULT = "result"
    # `.result()` read only under a `done()` check: a wait only for a concurrent Future
    RESULT_IF_DONE = "result-if-done"


class Promise(Enum):
    """What a spawn helper does with the task it spawns."""

    RETURNS = "returns"  # like asyncio.create_task: the caller's handling decides
    KEEPS_AND_CLEANS = "keeps-and-cleans"  # kept, and pruned or ended on shutdown
    KEEPS = "keeps-never-ends"  # kept, but nothing ends it
    DROPS = "drops"  # neither kept nor returned: each call loses the task it spawns


@record(frozen=True)
class Effect:
    """A dotted name this module awaits, gathers, cancels or prunes: `self._task.cancel()`."""

    kind: EffectKind
    key: str  # as written: "self._task", "entry.runtime_data.listener"
    where: str  # the function it happens in: "close()"
    owner: str = ""  # the class, when the key is an attribute of `self`
    method: str = ""  # the name of the method of `owner` it happens in (the fact `where` words)

    @property
    def attribute(self) -> str:
        return self.key.rsplit(".", 1)[-1]

    def to_json(self) -> list[str]:
        return [self.kind.value, self.key, self.where, self.owner, self.method]

    @classmethod
    def from_json(cls, data: list[str]) -> Effect:
        return cls(EffectKind(data[0]), data[1], data[2], data[3], data[4])


# (method, attributes of `self` it ends, attributes it stores into, methods it calls on `self`)
MethodEffects = tuple[str, tuple[str, ...], tuple[str, ...], tuple[str, ...]]


@record(frozen=True)
class ClassFacts:
    qualname: str
    bases: tuple[str, ...] = ()  # as written: "Base", "mod.Base"
    attrs: tuple[str, ...] = ()  # names stored on `self` by its methods
    methods: tuple[str, ...] = ()
    attr_types: tuple[tuple[str, str], ...] = ()  # (attribute, declared type): attribute_types
    # (attribute, position) of what `__init__` stores from a parameter with no annotation
    # (`self.server = server`): typed by the constructor calls (`Socket(self, sid)`)
    init_params: tuple[tuple[str, int], ...] = ()
    # methods that only declare an interface (a Protocol's, an ABC's): see analysis/names/stubs.py
    stubs: tuple[str, ...] = ()
    extends: tuple[str, ...] = ()  # methods calling `super()`: the base's method runs too
    # each of its own close-like methods, and what it calls on `self` (or through `super()`),
    # through the class's own methods in turn: ("close", ("stop_heartbeat",)) (`owner_paths`)
    close_calls: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # each method, with the attributes of `self` it ends (cancels, awaits, gathers), those it
    # stores into, and the methods it calls on `self`: itself only, the join follows the calls
    # (`summaries/method_ends.py`, read by `project/replaced_restarts.py`)
    effects: tuple[MethodEffects, ...] = ()
    # (method, flag of `self`, role): the flags its endless loops test and the methods that flip
    # them (`summaries/flag_stops.py`, read by `project/flag_stops.py`)
    flags: tuple[tuple[str, str, str], ...] = ()
    spawners: tuple[str, ...] = ()  # attributes holding a spawn function: spawner_attributes
    # what its constructor keeps from its parameters: (attribute, position or -1, parameter)
    holds: tuple[tuple[str, int, str], ...] = ()  # (`summaries/constructor_fields.py`)
    # (attribute, element type as written) of its attributes declared as a collection of one
    # class (`connections: set[Connection]`): what a loop over one takes out
    element_types: tuple[tuple[str, str], ...] = ()
    # names its class body binds to a value (`_tasks = []`): class attributes, beside `attrs`
    class_names: tuple[str, ...] = ()

    def to_json(self) -> list[Any]:
        out = [self.qualname, list(self.bases), list(self.attrs), list(self.methods),
               [list(t) for t in self.attr_types], [list(p) for p in self.init_params]]
        tail = [list(self.stubs), list(self.extends),
                [[c, list(calls)] for c, calls in self.close_calls],
                [[m, list(e), list(st), list(c)] for m, e, st, c in self.effects],
                [list(f) for f in self.flags], list(self.spawners), [list(h) for h in self.holds],
                [list(t) for t in self.element_types], list(self.class_names)]
        while tail and not tail[-1]:
            tail.pop()
        return [*out, *tail]

    @classmethod
    def from_json(cls, data: list[Any]) -> ClassFacts:
        more = [*data[6:15], *[[]] * (15 - max(len(data), 6))]
        return cls(data[0], tuple(data[1]), tuple(data[2]), tuple(data[3]),
                   tuple((t[0], t[1]) for t in data[4]), tuple((p[0], p[1]) for p in data[5]),
                   tuple(more[0]), tuple(more[1]),
                   tuple((c, tuple(calls)) for c, calls in more[2]),
                   tuple((m, tuple(e), tuple(st), tuple(c)) for m, e, st, c in more[3]),
                   tuple((f[0], f[1], f[2]) for f in more[4]), tuple(more[5]),
                   tuple((h[0], h[1], h[2]) for h in more[6]),
                   tuple((t[0], t[1]) for t in more[7]), tuple(more[8]))


@record(frozen=True)
class FunctionFacts:
    """A function that returns a task it spawns (a spawn helper of the project)."""

    qualname: str
    params: tuple[str, ...]  # positional parameters, `self` included for methods
    promise: Promise  # what it does with the task besides returning it
    cleanup: str = ""  # KEEPS_AND_CLEANS: how ("pruned in create_task()")
    method: bool = False
    coroutine: int = -1  # the parameter (self included) whose coroutine it spawns; -1: unknown
    many: bool = False  # RETURNS: a collection of the tasks it spawns (`dispatch()`'s list)
    # its call gives the task: not a coroutine function (its call gives a coroutine, the task
    # comes when that is awaited), and its spawn is no threadsafe one (a concurrent Future)
    gives_task: bool = True
    # it spawns nothing itself but returns what another helper of its module returns
    # (`return self.dispatch_manual_event(...)`): that helper's qualified name
    via: str = ""
    # a coroutine function whose own task (not a threadsafe spawner's Future) `await f()` gives
    awaited: bool = False
    # its spawn's receiver, typed in another module (`core.loop.create_task`): a helper only
    # where the project join finds an event loop there (`project/receivers.py`)
    loop: str = ""
    # KEEPS_AND_CLEANS: it spawns work of its own, which a call does not hand it
    # (`def start(self): self._task = spawn(self._run())`); each call is a row of its own
    own: bool = False
    # KEEPS_AND_CLEANS: how it ends the task it keeps, the fact behind `cleanup`'s words
    ends: Ends = NO_ENDS
    # a static or class method: its class's call (`Jobs.spawn(coro)`) runs it as a function's
    # call would (`method` says whether a `cls` comes first)
    through_class: bool = False
    # the call's value is the task: False for a helper that keeps it and returns something
    # else (pulumi's `Output._from_data` returns the Output holding it), whose caller's
    # `return` hands on no task
    returns_task: bool = True

    @property
    def on_instance(self) -> bool:
        """A method, called on an object of its class (not through the class)."""
        return self.method and not self.through_class

    def to_json(self) -> list[Any]:
        return [self.qualname, list(self.params), self.promise.value, self.cleanup, self.method,
                self.coroutine, self.many, self.gives_task, self.via, self.awaited, self.loop,
                self.own, ends_to_json(self.ends), self.through_class, self.returns_task]

    @classmethod
    def from_json(cls, data: list[Any]) -> FunctionFacts:
        return cls(data[0], tuple(data[1]), Promise(data[2]), data[3], data[4], data[5],
                   bool(data[6]), bool(data[7]), data[8], bool(data[9]),
                   data[10] if len(data) > 10 else "", len(data) > 11 and bool(data[11]),
                   ends_from_json(data[12]) if len(data) > 12 else NO_ENDS,
                   len(data) > 13 and bool(data[13]), len(data) <= 14 or bool(data[14]))


def through_an_attribute(callee: str) -> bool:
    """`self.client.dispatch`: a method called on an attribute of `self`, resolved through the
    attribute's declared type (`ProjectIndex.attribute_class`)."""
    head, _, tail = callee.partition(".")
    return head == "self" and tail.count(".") == 1


@record(frozen=True)
class Exports:
    """What one module can tell the others."""

    effects: tuple[Effect, ...] = ()
    classes: tuple[ClassFacts, ...] = ()
    functions: tuple[FunctionFacts, ...] = ()
    call_args: tuple[CallArg, ...] = ()
    dropped_calls: tuple[DroppedCall, ...] = ()
    # (local name, what it names); (STAR, module) for `from module import *`
    imports: tuple[tuple[str, str], ...] = ()
    # (name, what it holds) of globals and class attributes that lead to an event loop
    # (`typed_names.py`): "loop", "Context.loop", "current" -> "loop", "loop", "var:obj:Context"
    typed: tuple[tuple[str, str], ...] = ()
    # positions of dropped calls, by ordinal: filled in when a finding needs them
    positions: dict[int, CallPosition] = field(default_factory=dict, compare=False)
    # (callee as written, argument position, class) of the calls a method gives its own
    # `self`: a constructor's call types what `__init__` stores (`ClassFacts.init_params`)
    self_passed: tuple[tuple[str, int, str], ...] = ()
    param_uses: tuple[ParamUse, ...] = ()
    # qualified names of the functions and methods whose call gives no coroutine (a
    # `@gen.coroutine`, a plain `def` annotated `-> Future`/`Awaitable`): `ensure_future` of
    # such a call made in another module makes no task (`creation.gives_no_coroutine`)
    no_coroutine: tuple[str, ...] = ()
    # (qualified name, chain) of the plain `def`s annotated to give an `Awaitable` that return
    # the call of a function this module does not hold (tornado's `Lock.acquire()` returns
    # `self._block.acquire()`, a base's method): no coroutine exactly when the chain's call,
    # read in this module, gives none (`project/callees.py`)
    no_coroutine_if: tuple[tuple[str, str], ...] = ()
    # what this module does to end the tasks in module-level names it reads (its own globals
    # and the names it imports: `from pkg.main import _tracked`), keyed as bound here: another
    # module keeping tasks there is ended by these too (`QuestionKind.GLOBAL_CLEANUP`)
    global_effects: tuple[Effect, ...] = ()
    # (qualified name, what its loop does) of the coroutine functions that never end by
    # themselves (`module_level.what_calls_give`): a task another module spawns of one is ended
    # by no end that waits for it to finish (`project/coroutine_bodies.py`)
    endless: tuple[tuple[str, str], ...] = ()
    # qualified names of the `async def`s: a `create_task` on a receiver nobody typed, of a
    # call of one of them made in another module, is a spawn (`project/callees.py`)
    coroutines: tuple[str, ...] = ()
    # calls of other modules' functions made where they run again and again: a store those
    # functions make over a live task is reached again (`QuestionKind.CALLED_OFTEN`)
    repeated_calls: tuple[RepeatedCall, ...] = ()
    # `asyncio.run(f())` of other modules' coroutine functions: what `f` leaves running when it
    # returns is cancelled (`QuestionKind.RUN_BY_A_RUNNER`)
    runner_calls: tuple[RunnerCall, ...] = ()
    # module-level names bound only to weak collections, and what they hold weakly: "values" (a
    # `WeakSet`'s elements, a `WeakValueDictionary`'s values) or "keys" (a `WeakKeyDictionary`):
    # a task another module keeps there that way is held by nothing (`answers.answer_global`)
    weak_globals: tuple[tuple[str, str], ...] = ()
    # qualified names of the functions and methods that, called back with a task (a method
    # bound, given it after `self`), read its outcome: another module's task held while its
    # function runs, given one as a done-callback, has its errors seen (`CALLBACK_READS`)
    outcome_readers: tuple[str, ...] = ()
    # the objects its classes make and keep, and what their close-like methods call on them:
    # an end of such an object's task in a method they never call is not reached on the
    # owner's way out (`QuestionKind.OWNER_CLOSES`)
    owned_fields: tuple[OwnedField, ...] = ()
    # the top-level classes handing a call that calls back a method of `self` they do not
    # define (`io_loop.add_callback(self.run)`): the class read whole with what it inherits or
    # its subclass defines tells whether the call runs a coroutine function
    calling_back_classes: tuple[str, ...] = ()
    # the last names of the attributes it calls or hands on as values, but directly on `self`
    # (`client.unwatch_all()`, `push.async_stop` given to a call): an end method a task's
    # module never calls may be called here (`project/owner_paths.user_ends`)
    methods_used: tuple[str, ...] = ()
    # (global, class as written) of its globals holding an instance of one class (`cmdmgr =
    # CommandManager(...)`): a call on one, here or where it is imported, runs that class's
    # method (`attribute_types.global_types`, `ProjectIndex.resolve_callee`)
    instances: tuple[tuple[str, str], ...] = ()
    getters: tuple[Getter, ...] = ()
    # its functions it hands to a call or puts in a collection, whose calls this module does not
    # make (`web_app.on_startup.append(self.start)`): (the name as written, the function that
    # hands it, how: "put in web_app.on_startup"), `summaries/call_args.handed_functions`
    handed_functions: tuple[tuple[str, str, str], ...] = ()
    call_value_effects: tuple[CallValueEffect, ...] = ()

    @property
    def task_functions(self) -> tuple[str, ...]:
        return tuple(f.qualname for f in self.functions)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, items in (("effects", self.effects), ("classes", self.classes),
                            ("functions", self.functions), ("call_args", self.call_args),
                            ("dropped_calls", self.dropped_calls)):
            if items:
                out[name] = [i.to_json() for i in items]
        for name, rows in (("imports", self.imports), ("typed", self.typed),
                           ("self_passed", self.self_passed),
                           ("no_coroutine_if", self.no_coroutine_if), ("endless", self.endless),
                           ("weak_globals", self.weak_globals), ("instances", self.instances),
                           ("handed_functions", self.handed_functions)):
            if rows:
                out[name] = [list(r) for r in rows]
        for name, names in (("no_coroutine", self.no_coroutine), ("coroutines", self.coroutines),
                            ("outcome_readers", self.outcome_readers),
                            ("calling_back_classes", self.calling_back_classes),
                            ("methods_used", self.methods_used)):
            if names:
                out[name] = list(names)
        if self.positions:
            out["positions"] = {str(k): p.to_json() for k, p in self.positions.items()}
        if self.param_uses:
            out["param_uses"] = [u.to_json() for u in self.param_uses]
        for name, records in (("global_effects", self.global_effects),
                              ("repeated_calls", self.repeated_calls),
                              ("runner_calls", self.runner_calls),
                              ("owned_fields", self.owned_fields), ("getters", self.getters),
                              ("call_value_effects", self.call_value_effects)):
            if records:
                out[name] = [r.to_json() for r in records]
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Exports:
        return cls(
            tuple(Effect.from_json(e) for e in data.get("effects", ())),
            tuple(ClassFacts.from_json(c) for c in data.get("classes", ())),
            tuple(FunctionFacts.from_json(f) for f in data.get("functions", ())),
            tuple(CallArg.from_json(a) for a in data.get("call_args", ())),
            tuple(DroppedCall.from_json(d) for d in data.get("dropped_calls", ())),
            tuple((i[0], i[1]) for i in data.get("imports", ())),
            tuple((t[0], t[1]) for t in data.get("typed", ())),
            {int(k): CallPosition.from_json(p) for k, p in data.get("positions", {}).items()},
            tuple((s[0], s[1], s[2]) for s in data.get("self_passed", ())),
            tuple(ParamUse.from_json(u) for u in data.get("param_uses", ())),
            tuple(data.get("no_coroutine", ())),
            tuple((n[0], n[1]) for n in data.get("no_coroutine_if", ())),
            tuple(Effect.from_json(e) for e in data.get("global_effects", ())),
            tuple((e[0], e[1]) for e in data.get("endless", ())),
            tuple(data.get("coroutines", ())),
            tuple(RepeatedCall.from_json(c) for c in data.get("repeated_calls", ())),
            tuple(RunnerCall.from_json(c) for c in data.get("runner_calls", ())),
            tuple((w[0], w[1]) for w in data.get("weak_globals", ())),
            tuple(data.get("outcome_readers", ())),
            tuple(OwnedField.from_json(o) for o in data.get("owned_fields", ())),
            tuple(data.get("calling_back_classes", ())),
            tuple(data.get("methods_used", ())),
            tuple((i[0], i[1]) for i in data.get("instances", ())),
            tuple(Getter.from_json(g) for g in data.get("getters", ())),
            tuple((h[0], h[1], h[2]) for h in data.get("handed_functions", ())),
            tuple(CallValueEffect.from_json(c) for c in data.get("call_value_effects", ())),
        )
