"""Which recorded calls are task spawns, decided by what they resolve to (SPEC "What counts").

The scan records every call by a spawn's name (`vocabulary.SPAWN_FUNCTIONS`, `SPAWN_METHODS`,
configured spawners' last names); here each is kept or dropped:
- a qualified name from `vocabulary.SPAWN_QUALIFIED` under any alias (`asyncio.create_task`,
  `from asyncio import create_task as spawn`, `spawn = asyncio.create_task`), or held in an
  attribute a class stores only such a function in (`self._spawn = asyncio.create_task`:
  `names/spawner_attributes.py`);
- a configured spawner (`hass.async_create_task`), by qualified name or by its dotted tail, and
  a helper method of the project called on an object (`self._tasks.create(coro)`), a spawn only
  if the project join resolves the call to it (`helper_calls.py`);
- `create_task`/`ensure_future` on an event loop (from a loop factory, an annotation, or
  another module's answer: `chains.py`);
- `create_task`/`start_soon`/`start` on a task group or nursery: structured, safe by design;
- on a receiver nobody typed, never by its name (issue 68): `create_task` of a call of an
  `async def` of the project is a loop's spawn whose words say so, `start_soon` a task group's.
A `create_task` method of anything else (a to-do API client) is not a spawn.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import libcst as cst

from taskleak.analysis.facts.interface import Promise
from taskleak.analysis.names.chains import receiver_chain
from taskleak.analysis.names.reexports import named_through
from taskleak.analysis.names.resolve import Instance, Resolver, Sym, SymKind, name_hint
from taskleak.analysis.names.spawner_attributes import held_function
from taskleak.analysis.names.untyped import coroutine_callee, untyped_kind
from taskleak.analysis.obligations.coroutine_callbacks import CallsBack, CoroutineCallbacks
from taskleak.analysis.obligations.creation import (
    Creation,
    Made,
    made_of,
    star_annotation,
)
from taskleak.analysis.obligations.helper_calls import helper_on_an_instance, matches_extra
from taskleak.analysis.obligations.library_helpers import library_spawner
from taskleak.analysis.obligations.local_helpers import LocalHelpers
from taskleak.analysis.obligations.named_receivers import named_a_group, named_a_loop
from taskleak.analysis.obligations.spawners import Spawner
from taskleak.analysis.tree.dests import Flow
from taskleak.analysis.tree.flow import trace
from taskleak.analysis.tree.nodes import callee_text, coroutine_text, last_name
from taskleak.analysis.tree.scopes import BindingKind, CallSite, Scope, defined_function
from taskleak.analysis.tree.vocabulary import (
    LOOP_METHODS,
    NOT_LOOPS,
    SPAWN_QUALIFIED,
    STRUCTURED_METHODS,
    THREADSAFE_SPAWNER,
    WRAPPING_SPAWNS,
)
from taskleak.records import record

_OWNERS = {Instance.TASKGROUP: "TaskGroup", Instance.NURSERY: "Nursery"}
# spawners that take any awaitable, and make a task only of a coroutine
_ANY_AWAITABLE = frozenset({"asyncio.ensure_future"})
# calls that give the tasks that exist already: `gather(*asyncio.all_tasks())` makes none
_ALL_TASKS = frozenset({"asyncio.all_tasks", "asyncio.tasks.all_tasks"})
AS_COMPLETED = "asyncio.as_completed"


@record(eq=False)
class Spawn:
    site: CallSite
    spawner: str  # "asyncio.create_task", "loop.create_task", "asyncio.TaskGroup.create_task"
    structured: bool
    holder: str = ""  # for structured spawns: the task group's name
    wrapper: str = ""  # gather/shield/wait_for of coroutines: "asyncio.gather"
    helper: Spawner | None = None  # the configured spawner this call is
    # a receiver another module must type (`core.loop.create_task`): its chain
    # ("pkg.core.loop", see chains.py); a spawn only if the project join finds it is a loop
    receiver: str = ""
    # a coroutine function called back (`loop.call_later(5, self.expire)`, see
    # coroutine_callbacks.py): its name, and whether a coroutine object is handed instead
    unawaited: str = ""
    coroutine_object: bool = False
    # ... that the call runs (tornado's IOLoop `add_callback`): AND_RUNS, an `async def`'s
    # task the IOLoop keeps until done; AND_LOGS, a `@gen.coroutine`'s Future whose error it logs
    run_by_ioloop: CallsBack | None = None
    # ensure_future/shield/gather/wait_for, which take any awaitable: whether their argument
    # makes a task (`obligations/creation.py`); None for spawners that take only coroutines
    creation: Creation | None = None
    # a loop's spawn on a receiver nobody typed, taken for a loop by its call alone
    # (`names/untyped.py`): the words say the receiver is untyped; with `receiver`, a chain the
    # project join may find untyped too (then a spawn as well)
    untyped: bool = False
    # ... and what it runs is a call of another module's function, which the project join
    # must find an `async def` (`QuestionKind.CALL_IS_COROUTINE`): its chain
    coroutine_asks: str = ""
    # a helper method of the project called on an instance: (the call as written, the declared
    # type of the local it is made through), for the join to confirm (`helper_calls.py`)
    method_call: tuple[str, str] = ("", "")
    # asyncio's spawn named through another module of the project (`from .compat import
    # create_task`): the call as this module resolves it, for the join to confirm
    # (`names/reexports.py`)
    named_through: str = ""

    @property
    def unresolved(self) -> bool:
        """Whether the spawn makes a task is not known: its argument is not followed."""
        return self.creation is not None and self.creation.made is Made.UNKNOWN

    @property
    def threadsafe(self) -> bool:
        """Spawned by `run_coroutine_threadsafe`: a concurrent Future, whose `.result()` blocks
        (an asyncio Task's raises unless it is done)."""
        return self.spawner == THREADSAFE_SPAWNER

    @property
    def returned_by(self) -> str:
        """The name of the project's helper whose returned task this call gives (a helper
        taskleak read, `local_helpers.py`, that returns the task), else ""."""
        helper = self.helper
        return helper.method if helper is not None and helper.project \
            and helper.promise is Promise.RETURNS else ""

    @property
    def shown(self) -> str:
        """The coroutine as the words show it. For a call of a project's helper whose body shows
        no coroutine parameter, with no argument that is a call or a function of the module
        (`await self._lease(key)`: `key` is no work), the call: "the task self._lease() gives"."""
        coro = self.coroutine
        helper = self.helper
        if helper is not None and helper.own_work:
            return f"the task {callee_text(self.site.func)}() spawns"
        if helper is not None and (coro is None or (
                helper.project and helper.promise is not None and helper.coroutine is None
                and not isinstance(coro, (cst.Call, cst.Await))
                and defined_function(coro, self.site.scope) is None)):
            return f"the task {callee_text(self.site.func)}() gives"
        return coroutine_text(coro)

    @property
    def coroutine(self) -> cst.BaseExpression | None:
        """What the spawn runs: a configured helper's coroutine argument, else the argument
        after the `via` ones (`context.run(loop.create_task, coro)`), starred or not."""
        if self.helper is not None:
            return coroutine_arg(self.site.args, self.helper.coroutine)
        if self.unawaited:
            return self.site.func  # what is called back
        args = self.site.node.args
        return args[self.site.via].value if len(args) > self.site.via else None


def coroutine_arg(given: Sequence[cst.Arg], position: int | None) -> cst.BaseExpression | None:
    """The positional argument of `given` at `position`; None: the first one that is a call,
    else the first one; a negative one (`spawners.OWN_WORK`): none."""
    args = [a.value for a in given if a.keyword is None and not a.star]
    if position is not None and position < 0:
        return None
    if position is not None:
        return args[position] if position < len(args) else None
    return next((a for a in args if isinstance(a, (cst.Call, cst.Await))),
                args[0] if args else None)


def find_spawns(module: Scope, resolver: Resolver, extra: tuple[Spawner, ...] = (),
                local: LocalHelpers | None = None) -> list[Spawn]:
    """The spawns among the calls the scan recorded, in text order within each scope; `local`:
    the module's own spawn helpers, whose calls are spawns too (`local_helpers.py`)."""
    out: list[Spawn] = []
    callbacks: CoroutineCallbacks | None = None
    for scope in module.walk():
        for site in scope.calls:
            spawn = classify_call(site, resolver, extra)
            if spawn is None and local is not None:
                # `self.start(coro)`, or `loop.call_soon(self.start, coro)` calling it back
                found = local.spawner(site, resolver)
                if found is not None:
                    spawn = Spawn(site, found[0], structured=False, helper=found[1])
            library = library_spawner(site, resolver) if spawn is None else None
            if library is not None:  # `self.create_task(coro)` of a pipecat processor
                spawn = Spawn(site, library[0].name, structured=False, helper=library[0],
                              method_call=(library[1], "") if library[1] else ("", ""))
            on = helper_on_an_instance(site, resolver, extra, local) if spawn is None else None
            if on is not None:  # `self._tasks.create(coro)`
                spawn = Spawn(site, on[0], structured=False, helper=on[1], method_call=on[2:])
            if spawn is not None and spawn.helper is not None and spawn.helper.awaited:
                spawn = _awaited(spawn)
            if spawn is not None:
                out.append(spawn)
        for site in scope.called_back:
            callbacks = callbacks or CoroutineCallbacks(module)
            function = callbacks.of(site, resolver)
            if function is not None:
                name, coroutine_object, how, chain = function
                if chain and ((coroutine_object and how is not CallsBack.PLAINLY)
                              or any(sp.site.node is site.node for sp in out)):
                    # a coroutine object given to an IOLoop typed elsewhere; a call that is a
                    # spawn already (a helper of the project's: `group.call_soon(self.run)`)
                    continue
                out.append(Spawn(site, callee_text(site.node.func), structured=False,
                                 unawaited=name, coroutine_object=coroutine_object,
                                 run_by_ioloop=None if coroutine_object
                                 or how is CallsBack.PLAINLY else how, receiver=chain))
    spawned = frozenset(id(sp.site.node) for sp in out)
    return [sp for sp in out if not _gives_back_a_task(sp, resolver, spawned)]


def _gives_back_a_task(spawn: Spawn, resolver: Resolver, spawned: frozenset[int]) -> bool:
    """`asyncio.ensure_future(task)`, `task` bound only to tasks spawned in this module
    (`task = self.context.run(loop.create_task, coro)`): it returns that very task."""
    if spawn.creation is None or spawn.creation.made is Made.NOTHING:
        return False
    args = spawn.site.args
    return bool(args) and made_of(args[0].value, spawn.site.scope, resolver,
                                  spawned).made is Made.NOTHING


def _awaited(spawn: Spawn) -> Spawn | None:
    """A coroutine function's call gives the task only when awaited (`await start()`): the
    spawn's value is the `await`, followed from there; a call not awaited at once (handed to
    `create_task`, gathered) runs the helper in another task, and is no spawn here."""
    site = spawn.site
    above = site.path
    if not above or not isinstance(above[-1], cst.Await) or above[-1].expression is not site.node:
        return None
    dest = trace(list(above), len(above) - 1)
    return replace(spawn, site=replace(site, dest=dest, path=above[:-1]))


def wrapped_creation(call: cst.Call, scope: Scope, resolver: Resolver) -> Creation:
    """What gather/shield/wait_for/as_completed make of what they are given: a task for each
    coroutine (`gather(a(), b())`, `gather(*(f(x) for x in xs))`, `gather(*coros)` where
    `coros` was built from calls), nothing for Futures and Tasks. The first argument that makes
    a task decides; one that is not followed leaves it unknown (`obligations/creation.py`)."""
    args = [a for a in call.args if a.keyword is None]
    if last_name(call.func) == "as_completed":  # an iterable of them
        args = args[:1]
        starred = True
    else:
        starred = False
    if last_name(call.func) not in ("gather", "as_completed"):
        args = args[:1]
    found: list[Creation] = []
    for arg in args:
        if arg.star == "*" or starred:
            found.append(_made_in(arg.value, scope, resolver))
        elif not arg.star:
            found.append(made_of(arg.value, scope, resolver))
    for made in (Made.TASK, Made.UNKNOWN):
        decided = next((c for c in found if c.made is made), None)
        if decided is not None:
            return decided
    return found[0] if found else Creation(Made.NOTHING)


def is_coroutine_call(value: cst.BaseExpression, scope: Scope, resolver: Resolver) -> bool:
    """A call that makes a coroutine (`obligations/creation.py`); a spawn (`create_task`), a
    `gather` or a Future maker is none."""
    return isinstance(value, cst.Call) and made_of(value, scope, resolver).made is Made.TASK


def _made_in(value: cst.BaseExpression, scope: Scope, resolver: Resolver,
             depth: int = 0) -> Creation:
    """What an iterable's items make: a comprehension or literal of calls, or a local built
    so."""
    if isinstance(value, (cst.ListComp, cst.SetComp, cst.GeneratorExp)):
        return made_of(value.elt, scope, resolver)
    if isinstance(value, (cst.List, cst.Tuple, cst.Set)):
        made = [made_of(e.value, scope, resolver) for e in value.elements
                if isinstance(e, cst.Element)]
        return next((m for m in made if m.made is Made.TASK), made[0] if made
                    else Creation(Made.NOTHING))
    if isinstance(value, cst.Call) and resolver.resolve(value.func, scope).name in _ALL_TASKS:
        return Creation(Made.NOTHING, callee_text(value.func))
    if isinstance(value, cst.Name) and not depth:
        typed = star_annotation(value.value, scope, resolver)
        if typed is not None:  # `*coroutines: Coroutine[...]`: each one is
            return typed
        bindings = resolver.lookup(value.value, scope) or []
        values = [_made_in(b.value, b.scope, resolver, 1) for b in bindings
                  if b.value is not None and b.kind is BindingKind.ASSIGN and b.scope is not None]
        if values and len(values) == len(bindings):
            return next((m for m in values if m.made is Made.TASK), values[0])
    return Creation(Made.UNKNOWN, callee_text(value))


def _argument_made(site: CallSite, resolver: Resolver) -> Creation:
    """What the spawner's awaitable argument makes (`obligations/creation.py`)."""
    args = site.args
    if not args or args[0].keyword is not None or args[0].star:
        return Creation(Made.UNKNOWN, "…")
    return made_of(args[0].value, site.scope, resolver)


def classify_call(site: CallSite, resolver: Resolver, extra: tuple[Spawner, ...]
                  ) -> Spawn | None:
    """The spawn this call is, or None."""
    spawn = _classify(site, resolver, extra)
    if spawn is not None and site.via and not spawn.structured \
            and last_name(site.node.func) == "partial":
        return None  # `partial(loop.create_task, coro)`: nothing runs until it is called
    return spawn


def _classify(site: CallSite, resolver: Resolver, extra: tuple[Spawner, ...]) -> Spawn | None:
    func = site.func
    scope = site.scope
    resolved = resolver.resolve(func, scope)
    if isinstance(func, cst.Attribute) and name_hint(func.value) in NOT_LOOPS:
        # `hass.create_task(...)`: the framework's helper, a spawn only when configured
        matched = matches_extra(func, resolved, resolver.resolve(func.value, scope),
                                 extra) if extra else None
        return Spawn(site, matched.name, structured=False, helper=matched) \
            if matched is not None else None
    held = held_function(func, scope, resolver)  # `self._spawn = asyncio.create_task`
    if held is not None:
        resolved = held
    if resolved.kind is SymKind.QUALIFIED and (resolved.name in SPAWN_QUALIFIED
                                               or resolved.name in WRAPPING_SPAWNS):
        return _asyncios(site, resolved.name, resolver)
    receiver = resolver.resolve(func.value, scope) if isinstance(func, cst.Attribute) else None
    if extra:
        matched = matches_extra(func, resolved, receiver, extra)
        if matched is not None:
            return Spawn(site, matched.name, structured=False, helper=matched)
    # `from .compat import create_task`, named like asyncio's and no configured spawner: the
    # join confirms it is asyncio's; `compat.create_task` may be a loop's method as well
    # (`core.loop.create_task`), and asks both (`_on_a_receiver`)
    asyncios = named_through(resolved.name) if resolved.kind is SymKind.QUALIFIED else ""
    if asyncios and not (isinstance(func, cst.Attribute) and func.attr.value in LOOP_METHODS):
        return _asyncios(site, asyncios, resolver, resolved.name)
    if not isinstance(func, cst.Attribute) or receiver is None:
        return None
    return _on_a_receiver(site, func, receiver, resolver, resolved.name if asyncios else "")


def _asyncios(site: CallSite, qualified: str, resolver: Resolver, through: str = ""
              ) -> Spawn | None:
    """The call of asyncio's spawn `qualified` ("asyncio.create_task", "asyncio.gather"), or
    None when it makes no task (`ensure_future(fut)`, an awaited `gather`). `through`: the call
    as this module resolves it, when it names asyncio's through another module."""
    if qualified in SPAWN_QUALIFIED:
        name = SPAWN_QUALIFIED[qualified]
        creation = _argument_made(site, resolver) if name in _ANY_AWAITABLE else None
        if creation is not None and creation.made is Made.NOTHING:
            return None  # `ensure_future(fut)`: the Future itself, no task
        return Spawn(site, name, structured=False, creation=creation, named_through=through)
    name = WRAPPING_SPAWNS[qualified]
    if (site.dest.kind is Flow.AWAITED and not site.dest.container) \
            or (name == AS_COMPLETED and site.dest.kind is not Flow.ITER):
        return None
    creation = wrapped_creation(site.node, site.scope, resolver)
    if creation.made is Made.NOTHING:
        return None  # of tasks or Futures that exist already
    return Spawn(site, name, structured=False, wrapper=name, creation=creation,
                 named_through=through)


def _on_a_receiver(site: CallSite, func: cst.Attribute, receiver: Sym,
                   resolver: Resolver, through: str = "") -> Spawn | None:
    """`x.create_task(...)`, `x.start_soon(...)`: a spawn by what the receiver is (resolved,
    typed by another module, or nobody typed). `through`: the call as this module resolves it,
    when it may also be asyncio's `create_task` named through another module of the project
    (`compat.create_task`): the join asks that too."""
    scope = site.scope
    method = func.attr.value
    hint = name_hint(func.value)
    kind = receiver.instance if receiver.kind is SymKind.INSTANCE else None
    if kind is Instance.LOOP and method in LOOP_METHODS:
        return Spawn(site, f"loop.{method}", structured=False)
    if (kind is None or kind is Instance.OTHER) and method in LOOP_METHODS:
        # an instance made or typed in another module (`_asyncio_loop(x)` annotated there to
        # return a loop): the project join asks that module
        chain = receiver_chain(func.value, scope, resolver)
        if chain:
            # of a call of the project's `async def`: a spawn too if the module the chain leads
            # to types nothing there (`names/untyped.py`)
            asks = coroutine_callee(site, resolver) if kind is None else None
            if named_a_loop(receiver, hint):  # the join would answer only for a typed chain
                return Spawn(site, f"loop.{method}", structured=False)
            return Spawn(site, f"loop.{method}", structured=False, receiver=chain,
                         untyped=asks is not None, coroutine_asks=asks or "",
                         named_through=through)
    if kind is None:
        kind = named_a_group(receiver, hint)
    untyped = untyped_kind(receiver, site, method, resolver) if kind is None else None
    if untyped is not None:
        kind, asks = untyped
        if kind is Instance.LOOP:
            return Spawn(site, f"loop.{method}", structured=False, untyped=True,
                         coroutine_asks=asks)
    if kind is None and method in LOOP_METHODS and named_a_loop(receiver, hint):
        return Spawn(site, f"loop.{method}", structured=False)
    if kind is not None and kind.value in STRUCTURED_METHODS \
            and method in STRUCTURED_METHODS[kind.value]:
        owner = "asyncio.TaskGroup" if kind is Instance.TASKGROUP else "trio.Nursery"
        if receiver.kind is SymKind.INSTANCE:
            owner = _OWNERS[kind]
        return Spawn(site, f"{owner}.{method}", structured=True, holder=hint or "task group")
    return None
