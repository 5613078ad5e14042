"""How often a function runs, judged from evidence in its module rather than from its name.

Per event (a message, a request, a packet), in this order of trust:
- a framework decorator: `@app.route`, `@router.get`, `@client.event`, `@bot.command`,
  `@commands.Cog.listener()`, `@tasks.loop(...)`;
- a protocol callback run for every chunk received (`data_received`, `datagram_received`);
- handed to a registration call in the module: `bus.add_listener(self._on_event)`,
  `add_handler`, `register_handler`, `signal.connect(...)`, Home Assistant's `async_track_*` and
  `async_dispatcher_connect`;
- read inside a loop elsewhere in the module (called, or registered, once per iteration; once
  per item when the loop hands it one it waited for: `per_item.py`), or in a loop whose later
  step may fail and go round to it again (a retry loop: `reentry.py`);
- a handler in a dispatch table whose entries are called where the function above repeats
  (`dispatch.py`);
- set on another object's event attribute: `ws.onclose = self._handle_close`;
- called from inside a coroutine it spawns itself (open() starts the listener, whose way out
  calls open() again): once per round; through a chain of callers none of which repeats by
  itself, asked by the store (`task_rounds.py`).
Once: `@app.on_event("startup")`-like decorators, `connection_made` (once per connection object),
`__init__`. Called by a function of the module that repeats: it repeats too. Where the evidence
is (`Frequency.origin`) tells a re-spawn asked for by the task it replaces. A name
(`handle_message`, `on_reconnect`) is never evidence: without evidence the frequency is not
known, and no message claims one.

The evidence is read from the decorators of the function's own node and from the reads of its
name the scan recorded (an index built once per module, when a spawn first asks): no new walk.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import field

import libcst as cst

from taskleak.analysis.frequency.dispatch import DispatchTables
from taskleak.analysis.frequency.per_item import received_item
from taskleak.analysis.frequency.reentry import comes_round
from taskleak.analysis.names.attributes import another_class_attribute
from taskleak.analysis.names.class_bases import module_bases
from taskleak.analysis.names.objects import class_of
from taskleak.analysis.names.resolve import Resolver
from taskleak.analysis.obligations.coroutines import spawned_function
from taskleak.analysis.obligations.holders import where
from taskleak.analysis.obligations.liveness import FunctionGraphs
from taskleak.analysis.tree.dests import Flow
from taskleak.analysis.tree.nodes import decorator_name, dotted, leaves_the_loop
from taskleak.analysis.tree.scopes import BindingKind, Occurrence, Scope, ScopeKind
from taskleak.analysis.tree.vocabulary import (
    EVENT_ATTRIBUTE,
    ONCE_CALLBACKS,
    ONCE_DECORATORS,
    PER_DATA_CALLBACKS,
    PER_EVENT_DECORATORS,
    is_registrar,
)
from taskleak.records import record


@record(frozen=True)
class Frequency:
    """How often code runs: on every call of `function` (`repeats`), and how we know."""

    repeats: bool
    function: str = ""  # "on_message"
    evidence: str = ""  # "registered with @client.event"
    # where the evidence is: the function whose loop, registration or decorator makes it repeat
    origin: Scope | None = field(default=None, compare=False, repr=False)
    # once per item a loop receives (a message, a frame), not per rare event (`per_item.py`)
    per_item: bool = False


ONCE_ONLY = Frequency(False)


class Lifecycle:
    """The frequency of the functions of one module."""

    def __init__(self, module: Scope, resolver: Resolver,
                 graphs: FunctionGraphs | None = None) -> None:
        self.module = module
        self.resolver = resolver
        self.graphs = graphs  # the callers' graphs: a retry loop that comes round (`reentry.py`)
        self.tables = DispatchTables(module)
        self._reads: dict[str, list[Occurrence]] | None = None
        self._memo: dict[int, Frequency | None] = {}
        # the functions an excused frequency is being worked out for (`_excused`), and theirs
        self._excusing: dict[int, Frequency | None] = {}
        self._bases: dict[int, list[Scope]] = {}  # a class's bases in the module, once each
        self._functions: set[str] = {s.name for s in module.walk()
                                     if s.kind is ScopeKind.FUNCTION}

    def of(self, scope: Scope, excused: Callable[[Occurrence], bool] | None = None
           ) -> Frequency:
        """How often code in `scope` runs: the innermost function with evidence decides; with
        none, the frequency is not known (`ONCE_ONLY`: no claim is made). `excused`: calls of
        those functions that do not count as runs (a caller that ends the old task first)."""
        method = scope.method()
        s: Scope | None = scope
        while s is not None and s.kind not in (ScopeKind.CLASS, ScopeKind.MODULE):
            if s.kind is ScopeKind.FUNCTION:
                found = self._evidence(s) if excused is None else self._excused(s, excused)
                if found is not None:
                    return found
            if s is method:
                break
            s = s.parent
        return ONCE_ONLY

    def _excused(self, fn: Scope, excused: Callable[[Occurrence], bool]) -> Frequency | None:
        """`_find_evidence` of `fn` with its `excused` calls left out, at every link of a chain
        of callers (`_restart()` calls `start()`, and a loop calls `await self.stop();
        await self._restart()`: the loop's call ends the old task first), where a chain of
        calls that comes back to a function being worked out is no evidence, as `_evidence`
        has it (`run()` guards its call of `connect()`, which starts a reader whose reconnect
        calls `connect()`: the chain back to `connect()` must not find `run()`'s guarded call
        again, unexcused). What is worked out on the way, with that cut, is not kept."""
        if id(fn) in self._excusing:
            return self._excusing[id(fn)]
        outer = not self._excusing
        kept = set(self._memo)
        self._excusing[id(fn)] = None
        self._memo.setdefault(id(fn), None)
        try:
            found = self._excusing[id(fn)] = self._find_evidence(fn, excused)
            return found
        finally:
            for key in set(self._memo) - kept:
                del self._memo[key]
            if outer:
                self._excusing.clear()

    def _evidence(self, fn: Scope) -> Frequency | None:
        key = id(fn)
        if key in self._memo:
            return self._memo[key]
        self._memo[key] = None  # a cycle of calls is no evidence
        found = self._memo[key] = self._find_evidence(fn)
        return found

    def _find_evidence(self, fn: Scope, excused: Callable[[Occurrence], bool] | None = None
                       ) -> Frequency | None:
        decorated = self._decorators(fn)
        if decorated is not None:
            return decorated
        in_class = fn.parent is not None and fn.parent.kind is ScopeKind.CLASS
        if in_class and fn.name in PER_DATA_CALLBACKS:
            return Frequency(True, fn.name, "a protocol callback, run for every chunk received")
        if in_class and fn.name in ONCE_CALLBACKS:
            return Frequency(False, fn.name, "")
        reads = [o for o in self._reads_of(fn) if excused is None or not excused(o)]
        for occ in reads:
            d = occ.dest
            if d.kind is Flow.PASSED and is_registrar(d.callee):
                return Frequency(True, fn.name,
                                 f"registered with {d.callee}() in {where(occ.scope)}",
                                 occ.scope)
            if occ.loops and not occ.scope.within(fn) \
                    and not (len(occ.loops) == 1 and leaves_the_loop(occ.path)):
                # (`await self.initialize(); break`: once per run of the loop, not per turn)
                return per_turn(fn, occ, "called")
            if self._retried(occ, fn):
                return Frequency(True, fn.name, f"called in a loop in {where(occ.scope)} "
                                 "that goes round again when a step after it fails",
                                 occ.scope)
            slot = _event_slot(d.targets, occ.scope) if d.kind is Flow.BOUND else None
            if slot:
                return Frequency(True, fn.name, f"set as {slot} in {where(occ.scope)}",
                                 occ.scope)
        started = self.started_by(fn)
        for occ in reads:
            if occ.dest.kind is Flow.CALLED and not occ.scope.within(fn):
                again = next(((t, by) for t, by in started if occ.scope.within(t)), None)
                if again is not None:  # fn -> task running again() -> fn: once per round
                    through = f" through {again[1].name}()" if again[1] is not fn else ""
                    return Frequency(True, fn.name, f"called by {again[0].name}(), which "
                                     f"{fn.name}() starts as a task{through}", occ.scope)
                caller = self.of(occ.scope, excused)
                if caller.repeats:
                    return Frequency(True, fn.name,
                                     f"called by {caller.function}(), {caller.evidence}",
                                     caller.origin, caller.per_item)
        for call, table in self.tables.calls(reads, self._reads_of):
            # a handler of a dispatch table runs as the call of its entry does
            if call.loops and not (len(call.loops) == 1 and leaves_the_loop(call.path)):
                return per_turn(fn, call, f"called through {table}")
            caller = self.of(call.scope, excused)
            if caller.repeats:
                return Frequency(True, fn.name, f"called through {table} by "
                                 f"{caller.function}(), {caller.evidence}", caller.origin,
                                 caller.per_item)
        return None

    def _retried(self, call: Occurrence, fn: Scope) -> bool:
        """A call in a loop that looks like once per run (a `break` after it, or a retry loop
        the scan does not count) but that a failure after it brings round again."""
        return self.graphs is not None and call.dest.kind is Flow.CALLED \
            and not call.scope.within(fn) and comes_round(call, self.graphs)

    @staticmethod
    def started_by(fn: Scope) -> list[tuple[Scope, Scope]]:
        """The functions of the module whose coroutine `fn` spawns (`create_task(self._run())`),
        itself or through a method of its class it calls (`open()` -> `self._open_impl()`): a
        call of `fn` from one of them comes back round each time that task gets there. Each
        with the function that spawns it (`fn`, or the method)."""
        cls = fn.parent if fn.parent is not None and fn.parent.kind is ScopeKind.CLASS else None
        own = f"{fn.self_name}." if fn.self_name else None
        called = {o.key[len(own):] for s in fn.walk() for o in s.occurrences
                  if own and o.dest.kind is Flow.CALLED and o.key.startswith(own)}
        runs = [fn, *(m for m in (cls.children if cls is not None else ())
                      if m.name in called and m is not fn)]
        targets = ((spawned_function(site, calls_only=True), f)
                   for f in runs for s in f.walk() for site in s.calls)
        return [(t, by) for t, by in targets if t is not None and t is not fn]

    def _decorators(self, fn: Scope) -> Frequency | None:
        node = fn.node
        if not isinstance(node, cst.FunctionDef):
            return None
        for d in node.decorators:
            name = decorator_name(d)
            if name in ONCE_DECORATORS or (name == "on_event" and _startup_event(d)):
                return Frequency(False, fn.name, "")
            if name in PER_EVENT_DECORATORS or name.endswith("_handler"):
                func = d.decorator.func if isinstance(d.decorator, cst.Call) else d.decorator
                shown = dotted(func) or name
                return Frequency(True, fn.name, f"registered with @{shown}")
        return None

    def calls(self, caller: Scope, fn: Scope) -> bool:
        """Code in `caller` (nested functions included) calls `fn` by name."""
        return bool(self.call_reads(caller, fn))

    def call_reads(self, caller: Scope, fn: Scope) -> list[Occurrence]:
        """The calls of `fn` by name in `caller` (nested functions included): `fn()`,
        `self.fn()`, `Cls.fn()`, `conn.fn()` on an instance of its class that outlives the call."""
        if fn.kind is not ScopeKind.FUNCTION:
            return []
        return [o for o in self._reads_of(fn)
                if o.dest.kind is Flow.CALLED and o.scope.within(caller)]

    def reads_of(self, fn: Scope) -> list[Occurrence]:
        """Where the module reads `fn` by name, whatever is done with it (`_reads_of`)."""
        return self._reads_of(fn)

    def _reads_of(self, fn: Scope) -> list[Occurrence]:
        """Where the module reads `fn` by name: `fn`, `self.fn`, `Cls.fn`."""
        if self._reads is None:
            self._reads = {}
            for s in self.module.walk():
                for occ in s.occurrences:
                    last = occ.key.rsplit(".", 1)[-1]
                    # (`self._typing.on_typing(...)`: a method of the object an attribute holds)
                    if last in self._functions and occ.key.count(".") <= 2:
                        self._reads.setdefault(last, []).append(occ)
        cls = fn.parent if fn.parent is not None and fn.parent.kind is ScopeKind.CLASS else None
        out = []
        for occ in self._reads.get(fn.name, []):
            base, _, attr = occ.key.rpartition(".") if "." in occ.key else (occ.key, "", "")
            if cls is None and not attr:
                out.append(occ)
            elif cls is not None and attr and (
                    base == cls.name or (base == _self_of(occ.scope)
                                         and (not another_class_attribute(occ, cls)
                                              or self._in_a_base(occ, cls)))
                    or self._long_lived(base, occ.scope, cls)):  # `conn.connect()`
                out.append(occ)
        return out

    def _in_a_base(self, occ: Occurrence, cls: Scope) -> bool:
        """`self.x` read in a base class of `cls` in this module: on an object of `cls`, the
        call runs `cls`'s own `x` (a base's retry loop calling the `_start()` it overrides)."""
        key = id(cls)
        if key not in self._bases:
            self._bases[key] = module_bases(cls, self.module)
        return occ.scope.enclosing_class() in self._bases[key]


    def _long_lived(self, base: str, scope: Scope, cls: Scope) -> bool:
        """`conn` of `conn.connect()` is an instance of `cls` that outlives the call: a
        parameter or an attribute, not a local built here (`shard = Shard(); shard.launch()`
        in a loop runs `launch` once per new object, which repeats nothing for the object)."""
        if class_of(base, scope, self.resolver) is not cls:
            return False
        if "." in base:
            return True
        bindings = self.resolver.lookup(base, scope) or []
        return all(b.kind is BindingKind.PARAM for b in bindings)


def per_turn(fn: Scope, call: Occurrence, how: str) -> Frequency:
    """`fn` runs on each turn of the loop around `call`: once per item, when the loop hands it
    one it waited for (`per_item.py`)."""
    item = received_item(call)
    with_item = f" with each `{item}` it waits for" if item else ""
    return Frequency(True, fn.name, f"{how} in a loop in {where(call.scope)}{with_item}",
                     call.scope, bool(item))


def _event_slot(targets: tuple[cst.BaseExpression, ...], scope: Scope) -> str:
    """`ws.onclose` of `ws.onclose = self._handle_close`: another object's event attribute
    (not one of `self`'s own, which its class calls when it likes)."""
    for t in targets:
        if isinstance(t, cst.Attribute) and EVENT_ATTRIBUTE.fullmatch(t.attr.value) \
                and dotted(t.value) not in (None, _self_of(scope)):
            return dotted(t) or ""
    return ""


def _self_of(scope: Scope) -> str | None:
    method = scope.method()
    return method.self_name if method is not None else None


def _startup_event(d: cst.Decorator) -> bool:
    """`@app.on_event("startup")` / `("shutdown")`: once."""
    call = d.decorator
    if not isinstance(call, cst.Call) or not call.args:
        return False
    value = call.args[0].value
    return isinstance(value, cst.SimpleString) and value.evaluated_value in (
        "startup", "shutdown")
