"""Spawn helpers the user configures (`spawners`), and what each promises about its task.

A spawner is written `NAME` or `NAME:PROMISE` (in `pyproject.toml` also as a table
`{ name = "...", promise = "...", coroutine = 1 }`), where PROMISE says what the helper does
with the Task it creates (`interface.Promise`):

- `returns`: it hands the Task back, like `asyncio.create_task`: what the caller does with it
  is classified;
- `keeps-and-cleans`: it keeps the Task and ends it (prunes it when done, waits for or
  cancels it on shutdown): its call sites are fine whatever they do with the result;
- `keeps-never-ends`: it keeps the Task but nothing ever ends it: each call site is medium;
- `drops`: it neither keeps nor returns the Task: each call site is high, and has no fix.

Without a promise, a helper of a well-known framework gets the one documented below
(`KNOWN`), a helper defined in the project gets the one its body shows (the project join reads
it), anything else `returns`. `coroutine` is the position of the coroutine among the positional
arguments; by default, the first argument that is a call (`entry.async_create_task(hass,
self._refresh())` spawns `_refresh()`, not `hass`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from taskleak.analysis.facts.interface import NO_ENDS, End, Ends, FunctionFacts, Promise
from taskleak.records import record

_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$")


# `Spawner.coroutine` of a helper that spawns work of its own: a call hands it none
OWN_WORK = -1


@record(frozen=True)
class Spawner:
    name: str  # dotted: "hass.async_create_task", "app.tasks.spawn"
    promise: Promise | None = None  # None: the known one, or what the project's helper shows
    # the coroutine's position; None: the first call argument; OWN_WORK: none (a project
    # helper that spawns work of its own, `FunctionFacts.own`)
    coroutine: int | None = None
    note: str = ""  # how a known helper keeps and ends its task (shown in reports)
    # a helper of the project whose body taskleak read (`local_helpers.py`,
    # `run/helper_callers.py`), not one the user configured
    project: bool = False
    # a coroutine function of the project: `await helper(...)` gives the task, not the call
    awaited: bool = False
    ends: Ends = NO_ENDS  # KEEPS_AND_CLEANS: how it ends what it keeps (the facts of `note`)
    # the call's value is the task (`FunctionFacts.returns_task`)
    returns_task: bool = True
    # a method of a project class, called on an instance (`instance_helpers.py`): the project
    # join confirms each call runs it
    on_instance: bool = False

    @property
    def method(self) -> str:
        return self.name.rsplit(".", 1)[-1]

    @property
    def own_work(self) -> bool:
        """A call hands it no work: it spawns its own (`def start(self): ...spawn(self._run())`)."""
        return self.coroutine == OWN_WORK

    @property
    def receiver(self) -> str:
        """What the helper is called on: "hass" of "hass.async_create_task", "" for a name."""
        return self.name.rsplit(".", 1)[0] if "." in self.name else ""

    @property
    def spec(self) -> str:
        """The short string form, leaving out what KNOWN supplies (`entry.async_create_task::1`
        is `entry.async_create_task`): `parse_spawner(s.spec) == s` for what `make_spawner`
        makes. Shown by --show-settings; part of the cache key."""
        known = KNOWN.get(self.name)
        promise = None if known is not None and self.promise == known.promise else self.promise
        coroutine = None if known is not None and self.coroutine == known.coroutine \
            else self.coroutine
        spec = self.name
        if promise is not None or coroutine is not None:
            spec += f":{promise.value if promise is not None else ''}"
        if coroutine is not None:
            spec += f":{coroutine}"
        return spec


_HASS_TASKS = ("Home Assistant keeps it in hass._tasks, waits for it, and cancels what is "
               "left when it stops")
_HASS_BACKGROUND = ("Home Assistant keeps it in hass._background_tasks and cancels it when it "
                    "stops")
_ENTRY_TASKS = ("the config entry keeps it (and Home Assistant in hass._tasks), waits for it "
                "on unload and cancels what is left when Home Assistant stops")
_ENTRY_BACKGROUND = ("the config entry keeps it in its background tasks and cancels it on "
                     "unload and when Home Assistant stops")

_WAITED_AND_CANCELLED = frozenset({End.AWAITED, End.CANCELLED})
_CANCELLED = frozenset({End.CANCELLED})

# Well-known frameworks' helpers, as their documentation and code say (Home Assistant 2024+:
# homeassistant/core.py, homeassistant/config_entries.py).
KNOWN: dict[str, Spawner] = {s.name: s for s in (
    Spawner("hass.async_create_task", Promise.KEEPS_AND_CLEANS, 0, _HASS_TASKS,
            ends=_WAITED_AND_CANCELLED),
    Spawner("hass.async_create_task_internal", Promise.KEEPS_AND_CLEANS, 0, _HASS_TASKS,
            ends=_WAITED_AND_CANCELLED),
    Spawner("hass.async_create_background_task", Promise.KEEPS_AND_CLEANS, 0, _HASS_BACKGROUND,
            ends=_CANCELLED),
    Spawner("hass.create_task", Promise.KEEPS_AND_CLEANS, 0, _HASS_TASKS,
            ends=_WAITED_AND_CANCELLED),
    Spawner("entry.async_create_task", Promise.KEEPS_AND_CLEANS, 1, _ENTRY_TASKS,
            ends=_WAITED_AND_CANCELLED),
    Spawner("entry.async_create_background_task", Promise.KEEPS_AND_CLEANS, 1,
            _ENTRY_BACKGROUND, ends=_CANCELLED),
    Spawner("config_entry.async_create_task", Promise.KEEPS_AND_CLEANS, 1, _ENTRY_TASKS,
            ends=_WAITED_AND_CANCELLED),
    Spawner("config_entry.async_create_background_task", Promise.KEEPS_AND_CLEANS, 1,
            _ENTRY_BACKGROUND, ends=_CANCELLED),
)}
PROMISES = {p.value: p for p in Promise}


def make_spawner(name: str, promise: str | None = None, coroutine: int | None = None) -> Spawner:
    """A spawner from its parts (a `spawners` table's keys), with KNOWN's promise, position and
    note for what it leaves out; ValueError saying what is wrong. The only constructor settings
    use: it is what makes a known helper's defaults apply."""
    name = name.strip()
    if not _NAME.match(name):
        raise ValueError(f"{name!r} is not a dotted name like 'hass.async_create_task'")
    promised: Promise | None = None
    if promise is not None and promise.strip():  # an empty promise is none (`NAME::1`)
        promised = PROMISES.get(promise.strip())
        if promised is None:
            raise ValueError(f"{promise.strip()!r} is not a promise (one of "
                             f"{', '.join(PROMISES)})")
    # said as the string form says it: TOML's `true` is an int to Python
    if coroutine is not None and (isinstance(coroutine, bool) or coroutine < 0):
        raise ValueError(f"the coroutine's position must be a number, not {str(coroutine)!r}")
    known = KNOWN.get(name)
    if known is not None:
        return Spawner(name, promised or known.promise,
                       known.coroutine if coroutine is None else coroutine, known.note,
                       ends=known.ends)
    return Spawner(name, promised, coroutine)


def parse_spawner(spec: str) -> Spawner:
    """`NAME`, `NAME:PROMISE` or `NAME:PROMISE:COROUTINE`; ValueError saying what is wrong
    (the first of: the name, the promise, the position, too many parts)."""
    parts = spec.strip().split(":")
    promise = parts[1] if len(parts) > 1 else None
    position = parts[2] if len(parts) > 2 else ""
    if position.strip() and not position.strip().isdigit():
        make_spawner(parts[0], promise)  # a bad name or promise is the error said
        raise ValueError(f"the coroutine's position must be a number, not {position!r}")
    spawner = make_spawner(parts[0], promise, int(position) if position.strip() else None)
    if len(parts) > 3:
        raise ValueError(f"{spec!r}: expected NAME, NAME:PROMISE or NAME:PROMISE:POSITION")
    return spawner


class SpawnerIndex:
    """Configured spawners by their last name (`method`), so matching a call looks at the few
    that can match it, not at all of them (10,000 configured spawners cost seconds per run)."""

    def __init__(self, spawners: tuple[Spawner, ...]) -> None:
        self.spawners = spawners
        self._by_method: dict[str, list[int]] = {}
        for i, spawner in enumerate(spawners):
            self._by_method.setdefault(spawner.method, []).append(i)
        self.methods = frozenset(self._by_method)  # the names the scan records calls by

    def named(self, methods: Iterable[str]) -> list[Spawner]:
        """The spawners whose last name is one of `methods`, in configuration order (where the
        first that matches wins)."""
        places: set[int] = set()
        for method in methods:
            places.update(self._by_method.get(method, ()))
        return [self.spawners[i] for i in sorted(places)]


_last_index: SpawnerIndex | None = None


def spawner_index(spawners: tuple[Spawner, ...]) -> SpawnerIndex:
    """The index of `spawners`, kept while the same tuple comes again (each file of a run:
    the settings' tuple here, the one the pool handed each worker there)."""
    global _last_index
    if _last_index is None or _last_index.spawners is not spawners:
        _last_index = SpawnerIndex(spawners)
    return _last_index


def is_helper(f: FunctionFacts) -> bool:
    """Whether the project's function is a spawn helper to its calls (its own module's:
    `local_helpers.py`; others': `run/helper_callers.py`): its call gives one task (it is no
    threadsafe spawner or function returning a collection of tasks), or it is a coroutine
    function that returns its task, whose awaited call gives it; not a coroutine function that
    keeps the task: whether it spawns at all may hang on its arguments (`await
    self._trigger_event(e, run_async=True)`), and a row at each call would claim a task where
    there may be none."""
    return (f.gives_task or (f.awaited and f.promise is Promise.RETURNS)) and not f.many


def unpromised_helpers(names: Iterable[str]) -> tuple[Spawner, ...]:
    """Other modules' helpers a file is analysed with before their promises are known (the
    forecast, run/helper_forecast.py), named by qualified name: the join reads each promise
    from the helper's body."""
    return tuple(Spawner(name, project=True) for name in names)


def helper_spawner(f: FunctionFacts, name: str) -> Spawner:
    """The spawner a helper is to its callers, named `name`."""
    position = f.coroutine - 1 if f.method else f.coroutine  # a call passes no `self`
    return Spawner(name, f.promise, OWN_WORK if f.own else position if position >= 0 else None,
                   f.cleanup, project=True, awaited=f.awaited, ends=f.ends,
                   returns_task=f.returns_task,
                   on_instance=f.on_instance and not f.own)
