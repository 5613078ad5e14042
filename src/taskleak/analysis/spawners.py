"""Spawn helpers the user configures (`spawners`), and what each promises about its task.

A spawner is written `NAME` or `NAME:PROMISE` (in `pyproject.toml` also as a table
`{ name = "...", promise = "...", coroutine = 1 }`), where PROMISE says what the helper does
with the Task it creates (`interface.Promise`):

- `returns`: it hands the Task back, like `asyncio.create_task`: what the caller does with it
  is classified;
- `keeps-and-cleans`: it keeps the Task and ends it (prunes it when done, waits for or
  cancels it on shutdown): its call sites are fine whatever they do with the result;
- `keeps-never-ends`: it keeps the Task but nothing ever ends it: each call site is medium.

Without a promise, a helper of a well-known framework gets the one documented below
(`KNOWN`), a helper defined in the project gets the one its body shows (the project join reads
it), anything else `returns`. `coroutine` is the position of the coroutine among the positional
arguments; by default, the first argument that is a call (`entry.async_create_task(hass,
self._refresh())` spawns `_refresh()`, not `hass`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from taskleak.analysis.interface import Promise

_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$")


@dataclass(frozen=True)
class Spawner:
    name: str  # dotted: "hass.async_create_task", "app.tasks.spawn"
    promise: Promise | None = None  # None: the known one, or what the project's helper shows
    coroutine: int | None = None  # the coroutine's position; None: the first call argument
    note: str = ""  # how a known helper keeps and ends its task (shown in reports)

    @property
    def method(self) -> str:
        return self.name.rsplit(".", 1)[-1]

    @property
    def receiver(self) -> str:
        """What the helper is called on: "hass" of "hass.async_create_task", "" for a name."""
        return self.name.rsplit(".", 1)[0] if "." in self.name else ""


_HASS_TASKS = ("Home Assistant keeps it in hass._tasks, waits for it, and cancels what is "
               "left when it stops")
_HASS_BACKGROUND = ("Home Assistant keeps it in hass._background_tasks and cancels it when it "
                    "stops")
_ENTRY_TASKS = ("the config entry keeps it (and Home Assistant in hass._tasks), waits for it "
                "on unload and cancels what is left when Home Assistant stops")
_ENTRY_BACKGROUND = ("the config entry keeps it in its background tasks and cancels it on "
                     "unload and when Home Assistant stops")

# Well-known frameworks' helpers, as their documentation and code say (Home Assistant 2024+:
# homeassistant/core.py, homeassistant/config_entries.py).
KNOWN: dict[str, Spawner] = {s.name: s for s in (
    Spawner("hass.async_create_task", Promise.KEEPS_AND_CLEANS, 0, _HASS_TASKS),
    Spawner("hass.async_create_task_internal", Promise.KEEPS_AND_CLEANS, 0, _HASS_TASKS),
    Spawner("hass.async_create_background_task", Promise.KEEPS_AND_CLEANS, 0, _HASS_BACKGROUND),
    Spawner("hass.create_task", Promise.KEEPS_AND_CLEANS, 0, _HASS_TASKS),
    Spawner("entry.async_create_task", Promise.KEEPS_AND_CLEANS, 1, _ENTRY_TASKS),
    Spawner("entry.async_create_background_task", Promise.KEEPS_AND_CLEANS, 1,
            _ENTRY_BACKGROUND),
    Spawner("config_entry.async_create_task", Promise.KEEPS_AND_CLEANS, 1, _ENTRY_TASKS),
    Spawner("config_entry.async_create_background_task", Promise.KEEPS_AND_CLEANS, 1,
            _ENTRY_BACKGROUND),
)}
PROMISES = {p.value: p for p in Promise}


def parse_spawner(spec: str) -> Spawner:
    """`NAME`, `NAME:PROMISE` or `NAME:PROMISE:COROUTINE`; ValueError saying what is wrong."""
    parts = spec.strip().split(":")
    name = parts[0].strip()
    if not _NAME.match(name):
        raise ValueError(f"{name!r} is not a dotted name like 'hass.async_create_task'")
    promise: Promise | None = None
    if len(parts) > 1 and parts[1].strip():
        promise = PROMISES.get(parts[1].strip())
        if promise is None:
            raise ValueError(f"{parts[1].strip()!r} is not a promise (one of "
                             f"{', '.join(PROMISES)})")
    coroutine: int | None = None
    if len(parts) > 2 and parts[2].strip():
        if not parts[2].strip().isdigit():
            raise ValueError(f"the coroutine's position must be a number, not {parts[2]!r}")
        coroutine = int(parts[2])
    if len(parts) > 3:
        raise ValueError(f"{spec!r}: expected NAME, NAME:PROMISE or NAME:PROMISE:POSITION")
    known = KNOWN.get(name)
    if known is not None:
        return Spawner(name, promise or known.promise,
                       known.coroutine if coroutine is None else coroutine, known.note)
    return Spawner(name, promise, coroutine)


def spawner_spec(name: str, promise: str | None = None, coroutine: int | None = None) -> str:
    """The string form of a spawner (what settings keep)."""
    spec = name
    if promise is not None or coroutine is not None:
        spec += f":{promise or ''}"
    if coroutine is not None:
        spec += f":{coroutine}"
    return spec


def parse_spawners(specs: tuple[str, ...]) -> tuple[Spawner, ...]:
    return tuple(parse_spawner(s) for s in specs)
