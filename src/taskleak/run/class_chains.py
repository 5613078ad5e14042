"""The chain round: read the modules that type a call through an attribute, when no checked file
holds them.

A call that drops what another module's function returns, made through an attribute
(`self.client.dispatch_event(...)`), is resolved in the join through the attribute's class: its
annotation (`client: cli.Client`), the constructor that stores it, and the base classes on the
way (`Client(EncryptingAPI, Syncer)`, `AsyncSocket(BaseSocket)`). Those classes often live in
modules that name no spawn and nothing asked, so neither the spawn pass nor the answer round read
them, and the call stays unresolved. For each such call naming an asked function, this round
finds the modules its class chain stops at (by import path, as `complete._receiver_modules`
does for a receiver's chain) and parses them for their facts; up to `MAX_ROUNDS` times, as each
one read may name the next. The same for the calls whose callee decides whether
`ensure_future` makes a task (a spawn's `CALL_MAKES` question; the call a read module's
`Awaitable` returns, tornado's `Lock.acquire()` returning `self._block.acquire()`): the module
defining the callee, or the unread bases of the class that inherits it. And for the calls of a
helper method on an instance (`self._client._tasks.create(...)`, a spawn only if the join
resolves it to the helper: `obligations/helper_calls.py`), and for a task handed to a method
called through an attribute (`self.tasks.add(task)`), the modules its chain stops at. And
for a call on an object a module's global holds (`objects.cmdmgr.run_task(...)`), the module
holding the global, then its class's (`Exports.instances`).
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import replace

from taskleak.analysis.facts.calls import ELEMENT, DroppedCall
from taskleak.analysis.facts.interface import through_an_attribute
from taskleak.analysis.facts.module import FileFacts, QuestionKind
from taskleak.project.callees import function_at
from taskleak.project.index import ProjectIndex, Where
from taskleak.run.cache import Cache
from taskleak.run.complete import (
    asked_names,
    files_at,
    method_helper_names,
    module_paths,
    read_jobs,
)

MAX_ROUNDS = 3


def _loose_ends(index: ProjectIndex, where: Where, attr: str, depth: int = 0,
                elements: bool = False) -> Iterator[tuple[str, str]]:
    """(importer, dotted name) of the names that do not resolve to a class of the run on the
    way to what `attr` of `where` holds and to its methods: the attribute's declared type (then
    that class's bases), or the bases the attribute is inherited through. `elements`: the
    same for the declared type of each element of a collection attribute
    (`ClassFacts.element_types`)."""
    path, _ = where
    facts = index.classes.get(where)
    if facts is None or depth > 8:
        return
    declared = dict(facts.element_types if elements else facts.attr_types).get(attr)
    if declared is not None:
        found = index.resolve_name(path, declared)
        if found is not None and found in index.classes:
            yield from _bases(index, found, depth + 1)
        else:
            yield from _import_of(index, path, declared)
        return
    if not elements and attr in dict(facts.init_params):
        return  # typed by the calls constructing it, in modules already read
    for base in facts.bases:
        found = index.resolve_name(path, base)
        if found is not None and found in index.classes:
            yield from _loose_ends(index, found, attr, depth + 1, elements)
        else:
            yield from _import_of(index, path, base)


def _bases(index: ProjectIndex, where: Where, depth: int) -> Iterator[tuple[str, str]]:
    """The unresolved names among a class's bases, and their bases (a method's way)."""
    facts = index.classes.get(where)
    if facts is None or depth > 8:
        return
    for base in facts.bases:
        found = index.resolve_name(where[0], base)
        if found is not None and found in index.classes:
            yield from _bases(index, found, depth + 1)
        else:
            yield from _import_of(index, where[0], base)


def _import_of(index: ProjectIndex, path: str, name: str, depth: int = 0
               ) -> Iterator[tuple[str, str]]:
    """(importer, the dotted name it imports) for a name of `path` that comes from an import;
    through a module already read that imports it in turn (a package's `__init__.py`
    re-exporting `from .client import Client`), the name there."""
    head, _, tail = name.partition(".")
    target = index.imports.get(path, {}).get(head)
    if target is None:
        return
    full = f"{target}.{tail}" if tail else target
    for file, rest in index.module_file(path, full):
        if rest and file != path and depth < 4 \
                and rest.partition(".")[0] in index.imports.get(file, {}):
            yield from _import_of(index, file, rest, depth + 1)
            return
    yield path, full


def _callee_ends(index: ProjectIndex, path: str, chain: str) -> Iterator[tuple[str, str]]:
    """(importer, dotted name) of where the function a call's chain names may be,
    unread: nothing when it is found; the unread bases of the class the chain names when that
    class is read ("BoundedSemaphore().acquire", inherited from an unread `Semaphore`); else the
    module the chain starts in."""
    if function_at(index, path, chain) is not None:
        return
    head = chain.partition(".")[0].removesuffix("()")
    if (path, head) in index.classes:
        yield from _bases(index, (path, head), 0)
        return
    read = False
    for file, rest in index.module_file(path, chain):
        cls = rest.partition(".")[0].removesuffix("()")
        if (file, cls) in index.classes:
            read = True
            yield from _bases(index, (file, cls), 0)
    if not read:
        yield path, chain


def _instance_ends(index: ProjectIndex, path: str, caller: str, call: str, declared: str
                   ) -> Iterator[tuple[str, str]]:
    """(importer, dotted name) of the unread names on the way to the method a call on an
    instance runs (`self._client._tasks.create`, `conn.create` with `conn: Connection`): its
    first attribute's class chain, or the class's bases for a method called on it directly;
    nothing once the call resolves."""
    if index.resolve_callee(path, call, caller, declared) is not None:
        return
    head, _, rest = call.partition(".")
    cls = index.enclosing_class(path, caller) if head == "self" else None
    start = (path, cls) if cls is not None else \
        index.resolve_name(path, declared) if declared else None
    if start is None:
        if declared:
            yield from _import_of(index, path, declared)
        return
    if "." in rest:
        yield from _loose_ends(index, start, rest.partition(".")[0])
    else:
        yield from _bases(index, start, 0)


def _element_ends(index: ProjectIndex, path: str, call: DroppedCall
                  ) -> Iterator[tuple[str, str]]:
    """(importer, dotted name) of the unread names on the way to the method a call on an
    element of a collection attribute runs (`for conn in self.connections: conn.spawn(...)`,
    `DroppedCall.receiver` "self.connections[]"): `_loose_ends` of the element type; nothing
    once the call resolves."""
    cls = index.enclosing_class(path, call.caller)
    if cls is None or index.resolve_callee(path, call.callee, call.caller, call.receiver):
        return
    attr = call.receiver.removeprefix("self.").removesuffix(ELEMENT)
    yield from _loose_ends(index, (path, cls), attr, elements=True)


def _global_ends(index: ProjectIndex, path: str, call: DroppedCall
                 ) -> Iterator[tuple[str, str]]:
    """(importer, dotted name) of the unread modules on the way to the method a call on a
    module's global runs (`objects.cmdmgr.run_task(...)`, `cmdmgr = CommandManager()` in
    `objects.py`): the module holding the global, then its class's (`Exports.instances`);
    nothing once the call resolves, or when the name is no global that holds an instance."""
    if call.callee.partition(".")[0] in ("self", "cls") \
            or index.resolve_callee(path, call.callee, call.caller, call.receiver) is not None:
        return
    held = call.callee.rpartition(".")[0]
    found = index.resolve_name(path, held)
    if found is None or found[0] not in index.modules:  # imported from a module not read
        yield from _import_of(index, path, held)
        return
    file, name = found
    cls = index.instances.get(file, {}).get(name.partition(".")[0])
    if file == path and call.receiver != cls:
        return  # a local or parameter of the global's name: `resolve_callee` never takes it
    typed = index.resolve_name(file, cls) if cls is not None else None
    if typed is not None and typed in index.classes:
        yield from _bases(index, typed, 0)
    elif cls is not None:
        yield from _import_of(index, file, cls)


def chain_jobs(paths: Sequence[str], facts: list[FileFacts], cache: Cache | None
               ) -> list[tuple[int, bytes, str]]:
    """The unread files that the class chains of the run's unresolved calls through an
    attribute stop at, as (index, bytes, digest); those the cache knows go into `facts`."""
    asked: set[str] = set()
    for f in facts:
        if f.module is not None and f.module.spawns:
            asked |= asked_names(f) | method_helper_names(f)
    calls = [(f.path, call) for f in facts if f.module is not None
             for call in f.module.exports.dropped_calls
             if call.callee.rsplit(".", 1)[-1] in asked and "." in call.callee]
    # the calls whose callee decides whether `ensure_future` makes a task: a spawn's own
    # (`CALL_MAKES`), and the call a read module's `Awaitable` returns (`no_coroutine_if`)
    makes = [(f.path, q.owner) for f in facts if f.module is not None
             for sf in f.module.spawns for q in sf.questions
             if q.kind is QuestionKind.CALL_MAKES] \
        + [(f.path, chain) for f in facts if f.module is not None
           for _, chain in f.module.exports.no_coroutine_if]
    # the calls of a helper method on an instance (`QuestionKind.HELPER_METHOD`)
    on_instances = [(f.path, sf.context, q) for f in facts if f.module is not None
                    for sf in f.module.spawns for q in sf.questions
                    if q.kind is QuestionKind.HELPER_METHOD]
    # a task handed to a method of an attribute (`self.tasks.add(task)`, `HANDED_TO`: its
    # caller in `name`), typed by a base's constructor in an unread module
    on_instances += [(f.path, q.name, replace(q, name="")) for f in facts
                     if f.module is not None for sf in f.module.spawns for q in sf.questions
                     if q.kind is QuestionKind.HANDED_TO and through_an_attribute(q.owner)]
    if not calls and not makes and not on_instances:
        return []
    index = ProjectIndex(facts)
    absolute = {f.path: paths[i] for i, f in enumerate(facts) if f.module is not None}
    exact: set[str] = set()
    tails: set[str] = set()

    def take(ends: Iterator[tuple[str, str]]) -> None:
        for importer, name in ends:
            found = module_paths(os.path.abspath(absolute[importer]), name)
            exact.update(found[0])
            tails.update(found[1])

    # the module defining such a callee says whether it gives a coroutine (`callees.py`)
    for path, chain in makes:
        take(_callee_ends(index, path, chain))
    for path, call in calls:
        if call.receiver.endswith(ELEMENT):  # on an element of a collection attribute
            take(_element_ends(index, path, call))
        elif not through_an_attribute(call.callee):  # on a name: a global holding an object
            take(_global_ends(index, path, call))
        elif (cls := index.enclosing_class(path, call.caller)) is not None \
                and index.resolve_callee(path, call.callee, call.caller) is None:
            take(_loose_ends(index, (path, cls), call.callee.split(".")[1]))
    for path, caller, q in on_instances:
        take(_instance_ends(index, path, caller, q.owner, q.name))
    unread = {i: {""} for i in files_at(paths, exact, tails)  # "": whatever it names
              if facts[i].module is None and facts[i].skipped is None}
    return read_jobs(paths, facts, unread, cache)
