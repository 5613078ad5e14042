"""The calls one module makes that the project join reads, as plain data (part of its
`Exports`):

- `CallArg`: a holder of this module passed to a call (`trigger(uid, self._tasks)`), with what
  this module does to end what it holds;
- `DroppedCall`: a call whose result is dropped (`self._schedule_event(...)` as a statement);
- `RepeatedCall`: a call of another module's function made where it runs again and again;
- `CallPosition`: where a dropped call is, found when a finding needs it.

No libcst: facts are cached and joined without the parser.
"""

from __future__ import annotations

from typing import Any

from taskleak.records import record

# the end of a `DroppedCall.receiver` that names an element of a collection attribute of the
# caller's object, not a class (`self.connections[]`: `ProjectIndex.element_class`)
ELEMENT = "[]"


@record(frozen=True)
class CallArg:
    """A holder of this module passed to a call, and what this module does to end it."""

    callee: str  # dotted: "trigger", "self._helper", "handler.trigger"
    index: int  # positional index, -1 when passed by keyword
    keyword: str
    key: str  # what is passed: "self.current_tasks", "TASKS"
    owner: str  # the class of a `self.` attribute, else ""
    cleanup: str  # "cancelled in handle_disconnect()", "" when nothing ends it
    caller: str  # qualified name of the function making the call, "<module>"
    caller_ends_it: bool  # the calling function itself cancels, awaits or prunes it
    # the call runs on every call of a function, and how we know: "called by on_text(),
    # registered with bus.subscribe() in __init__()"; "" when that is not known
    often: str = ""
    per_item: bool = False  # ... once per item a loop receives (`frequency/per_item.py`)
    # the other calls the same collection is handed to whole: (callee as written, positional
    # index or -1, keyword, the calling function's qualified name); `_stop(bg_tasks)` of
    # another module may be what ends it (`summaries/call_args.py`)
    also: tuple[tuple[str, int, str, str], ...] = ()

    def to_json(self) -> list[Any]:
        return [self.callee, self.index, self.keyword, self.key, self.owner, self.cleanup,
                self.caller, self.caller_ends_it, self.often, self.per_item,
                [list(a) for a in self.also]]

    @classmethod
    def from_json(cls, data: list[Any]) -> CallArg:
        callee, index, keyword, key, owner, cleanup, caller, ends_it, often, per_item, also = data
        return cls(callee, index, keyword, key, owner, cleanup, caller, ends_it, often, per_item,
                   tuple((str(c), int(i), str(k), str(f)) for c, i, k, f in also))


@record(frozen=True)
class DroppedCall:
    """A call whose result is dropped (an expression statement), in text order."""

    callee: str  # dotted: "self._schedule_event", "helpers.spawn"
    ordinal: int  # its place among the module's dropped calls (to find it again)
    caller: str  # qualified name of the enclosing function, "<module>"
    in_loop: bool = False
    repeating: str = ""  # the enclosing function when it runs once per event
    evidence: str = ""  # how we know it does: "registered with @client.event"
    awaited: bool = False  # `await f()` as a statement: what a coroutine function gives
    # the call that calls `callee` back and drops what it returns: "loop.call_soon()"
    called_back: str = ""
    # the declared type of the local or parameter `callee` is called through, as written in
    # this module (`pool.release()` with `pool: Pool`): `attribute_types.local_type`; or the
    # class of the module global it is called on (`cmdmgr = CommandManager()`: `global_type`),
    # or an element of a collection attribute of `self` it is called on (`for conn in
    # self.connections:`: "self.connections[]", `ELEMENT`)
    receiver: str = ""
    # the loop around it calls it again: on every turn (`per_turn`: not left right after it),
    # or when a step after it fails (`retried`: `frequency/reentry.py`)
    per_turn: bool = False
    retried: bool = False
    # ... and the attributes of `self` its function ends or tests on the way (`reentry_calls`)
    touched: tuple[str, ...] = ()
    bound: bool = False  # `_ = f(...)`: bound to the name that is never read
    per_item: bool = False  # `per_turn`, with an item its loop waited for (a message)
    # ... and the positions of its arguments that are new on each turn (`reentry_calls`)
    fresh: tuple[int, ...] = ()

    def to_json(self) -> list[Any]:
        out = [self.callee, self.ordinal, self.caller, self.in_loop, self.repeating,
               self.evidence, self.awaited, self.called_back]
        if self.per_turn or self.retried or self.bound:
            more = [self.receiver, self.per_turn, self.retried, list(self.touched), self.bound]
            if self.fresh:
                return [*out, *more, self.per_item, list(self.fresh)]
            return [*out, *more, self.per_item] if self.per_item else [*out, *more]
        return [*out, self.receiver] if self.receiver else out

    @classmethod
    def from_json(cls, data: list[Any]) -> DroppedCall:
        if len(data) > 9:  # a call that runs its method again: `touched` is a tuple
            return cls(data[0], data[1], data[2], data[3], data[4], data[5], data[6], data[7],
                       data[8], data[9], data[10], tuple(data[11]), bool(data[12]),
                       bool(data[13]) if len(data) > 13 else False,
                       tuple(data[14]) if len(data) > 14 else ())
        return cls(*data)


@record(frozen=True)
class RepeatedCall:
    """A call of a function another module defines (an imported name, or an attribute of an
    imported module), or of a method on an attribute's object (`self._link.connect()`, its
    class maybe another module's), made where this module knows it runs again and again: in a
    function that runs per event, or on each turn of a loop (`frequency/lifecycle.py`). A store
    that function makes over a live task is reached again (`QuestionKind.CALLED_OFTEN`; a
    method's: `project/reentry.py`)."""

    callee: str  # as written: "spawn_deploy", "deploys.spawn_deploy", "self._link.connect"
    caller: str  # qualified name of the calling function
    often: str  # how we know: "called by start_deploy(), registered with @router.post"
    per_item: bool = False  # once per item a loop receives (`frequency/per_item.py`)
    # names tested before the call, each saying where the call runs that the holder is empty
    # (`if app in _in_flight: raise`): a store into that holder replaces no live task
    guards: tuple[str, ...] = ()
    # a call on an attribute's object the function made just before (the class called, as
    # written: "Connection"), and the methods it called on the one that object replaces
    # (`fresh_objects.replaced_object`)
    made_anew: str = ""
    ended_with: tuple[str, ...] = ()

    def to_json(self) -> list[Any]:
        out = [self.callee, self.caller, self.often, self.per_item, list(self.guards)]
        return [*out, self.made_anew, list(self.ended_with)] if self.made_anew else out

    @classmethod
    def from_json(cls, data: list[Any]) -> RepeatedCall:
        more: list[Any] = data[5:7] if len(data) > 5 else ["", []]
        return cls(data[0], data[1], data[2], data[3], tuple(data[4]), str(more[0]),
                   tuple(more[1]))


@record(frozen=True)
class RunnerCall:
    """`asyncio.run(main())` of a coroutine function another module defines (an imported name,
    or an attribute of an imported module): when it returns, the runner cancels every task it
    left running (`QuestionKind.RUN_BY_A_RUNNER`, `project/runner_ends.py`)."""

    callee: str  # as written: "main", "app.main"
    caller: str  # qualified name of the calling function ("<module>" at module level)
    runner: str  # "asyncio.run()"

    def to_json(self) -> list[Any]:
        return [self.callee, self.caller, self.runner]

    @classmethod
    def from_json(cls, data: list[Any]) -> RunnerCall:
        return cls(data[0], data[1], data[2])


@record(frozen=True)
class OwnedField:
    """An object a class makes and keeps in an attribute (`self.redo_service =
    RedoService(self)`), and what the class calls on it: the object is the class's to close
    (`analysis/obligations/owner_paths.py`, `project/owner_paths.py`)."""

    owner: str  # the keeping class's qualified name
    attr: str  # "redo_service"
    made: str  # the class called, as written here: "RedoService", "redo.RedoService"
    closers: tuple[str, ...]  # the owner's close-like methods: "close_client"
    # the methods the class calls on the attribute, in any of its methods: "close_client"
    ends: tuple[str, ...] = ()
    # those of `ends` every call of which the same function follows with other calls on the
    # attribute, and those calls: ("stop", ("start",)) for `stop(); ...; start()`, a restart
    restarted: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # the class also puts the object where its calls are not followed (a collection, a list
    # it builds, another attribute): a call there (`for p in self._chain: await p.cleanup()`)
    # may end it, so no claim rests on what the class calls on the attribute
    shared: bool = False
    # (end, start, function, step) of the `ends` each call of which the class makes only after
    # a call of `start` in the same function, past a step that can leave it before the end
    # (`owned_fields._ends_past_a_step`): an error there leaves the object's task running
    past_a_step: tuple[tuple[str, str, str, str], ...] = ()

    def to_json(self) -> list[Any]:
        out: list[Any] = [self.owner, self.attr, self.made, list(self.closers), list(self.ends)]
        if self.restarted or self.shared or self.past_a_step:
            out.append([[e, list(later)] for e, later in self.restarted])
        if self.shared or self.past_a_step:
            out.append(self.shared)
        return [*out, [list(p) for p in self.past_a_step]] if self.past_a_step else out

    @classmethod
    def from_json(cls, data: list[Any]) -> OwnedField:
        return cls(data[0], data[1], data[2], tuple(data[3]), tuple(data[4]),
                   tuple((e, tuple(later)) for e, later in data[5]) if len(data) > 5 else (),
                   len(data) > 6 and bool(data[6]),
                   tuple((e, s, f, p) for e, s, f, p in data[7]) if len(data) > 7 else ())


@record(frozen=True)
class CallPosition:
    """Where a dropped call is: found again by parsing its module when a finding needs it."""

    line: int
    column: int
    end_line: int
    end_column: int
    statement_line: int
    snippet: str

    def to_json(self) -> list[Any]:
        return [self.line, self.column, self.end_line, self.end_column, self.statement_line,
                self.snippet]

    @classmethod
    def from_json(cls, data: list[Any]) -> CallPosition:
        return cls(*data)


@record(frozen=True)
class ParamUse:
    """What a function does with a Task its parameter receives, when its body shows it (it
    cancels, awaits, gathers it or adds a done-callback to it): ends it (`ends`, how), or ends,
    keeps and hands on nothing (`ends` empty): a caller in another module that hands it a task
    learns from this what the hand-off does (`parameter_uses.py`)."""

    function: str  # qualified name in its module
    index: int  # the parameter's position, `self` included; -1: `**kwargs` (with `star`)
    name: str
    method: bool  # a method: a call through an object (`obj.f(t)`) passes no `self`
    ends: str = ""  # "awaited in drain(), cancelled in drain()"; "": it ends nothing
    # `*futures`: it receives every positional argument from `index` on (`**tasks`: every
    # keyword argument no other parameter takes)
    star: bool = False
    # a wait in the function that returns with the task still running and nothing ending it
    # then (`asyncio.wait(ensured, timeout=t)` of `ensure_future(fut) for fut in futures`):
    # the wait, and why it leaves the task running; "" when no such wait is known
    left_by: str = ""
    left: str = ""
    # a timeout that cancels what the parameter holds while the function waits for it ("the
    # timeout of asyncio.timeout()"): a task ends there, but the cancel of a `shield()`'s
    # future reaches only the shield, and the task it protects goes on; "" when none is known
    cut_by: str = ""

    def to_json(self) -> list[Any]:
        out = [self.function, self.index, self.name, self.method, self.ends, self.star]
        if self.cut_by:
            return [*out, self.left_by, self.left, self.cut_by]
        return [*out, self.left_by, self.left] if self.left_by else out

    @classmethod
    def from_json(cls, data: list[Any]) -> ParamUse:
        return cls(*data)
