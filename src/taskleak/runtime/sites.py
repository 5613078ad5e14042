"""Where a task was created and where it waits: the user's file and line, not asyncio's.

The frame walk runs once per task inside the task factory, so it is kept cheap: a per-filename
cache decides whether a frame belongs to asyncio, taskleak or the test runner, and the result is
a plain tuple; `Site` objects are built only when something is reported.
"""

from __future__ import annotations

import asyncio
import asyncio.events
import importlib.util
import os
import sys
import sysconfig
from types import CodeType, FrameType
from typing import Any

from taskleak.files.paths import relative_if_inside
from taskleak.records import record

# Packages whose frames are never the creation site a user wants to see: asyncio itself,
# taskleak's runtime, and the machinery that runs tests.
DEFAULT_INTERNAL_PACKAGES: tuple[str, ...] = (
    "asyncio",
    "taskleak.runtime",
    "taskleak.pytest_plugin",
    "_pytest",
    "pytest",
    "pluggy",
    "pytest_asyncio",
    "anyio",
    "sniffio",
)

# A frame as the factory stores it: (file, line, function).
RawFrame = tuple[str, int, str]
# A raw site: the spawning frame, and when that frame is inside an installed library (a file
# under site-packages or the standard library), the nearest frame out of it in the user's code.
RawSite = tuple[str, int, str, RawFrame | None]

# Reaching the event loop's callback runner means no user frame created the task (it came from
# a `call_soon` callback such as the async-generator finaliser): stop there, do not blame the
# code that runs the loop.
_HANDLE_RUN: CodeType = asyncio.events.Handle._run.__code__

_QUALNAME_ATTR = "co_qualname" if sys.version_info >= (3, 11) else "co_name"

_USER, _INTERNAL, _LIBRARY = 0, 1, 2  # what a file is, for the frame walk
_kinds: dict[str, int] = {}  # per filename; emptied when internal packages are added


@record(frozen=True)
class Site:
    """A place in the source: `path` is the file as Python knows it (usually absolute)."""

    path: str
    line: int
    function: str
    # how it was found: "factory" (the spawning call), "origin" (coroutine origin tracking),
    # "definition" (only the coroutine's `async def` is known), "frame" (a suspended frame)
    source: str = "factory"
    # when the spawn is inside an installed library: the nearest frame in the user's code
    # (the test line that led to it), else None
    via: Site | None = None

    def display(self, root: str | None = None) -> str:
        """`path:line in function`, with the path relative to `root` (default: cwd) if inside."""
        return f"{relative_if_inside(self.path, root)}:{self.line} in {self.function}"

    def __str__(self) -> str:
        return self.display()


class _InternalFiles:
    """Decides, with a per-filename cache, whether a file belongs to an internal package."""

    def __init__(self, packages: tuple[str, ...]) -> None:
        self._packages: list[str] = []
        self._prefixes: tuple[str, ...] = ()
        self.cache: dict[str, bool] = {}
        self.add(*packages)

    def add(self, *packages: str) -> tuple[str, ...]:
        """Add the packages; return the names no module or package was found for."""
        prefixes = list(self._prefixes)
        missing: list[str] = []
        for name in packages:
            if name in self._packages:
                continue
            found = _package_prefixes(name)
            if not found:
                missing.append(name)
                continue  # not remembered: a later call, once it is importable, adds it
            self._packages.append(name)
            prefixes.extend(found)
        self._prefixes = tuple(prefixes)
        self.cache = {}  # rebuild lazily: new prefixes change earlier answers
        _kinds.clear()
        return tuple(missing)

    def __call__(self, filename: str) -> bool:
        return filename.startswith(self._prefixes) if self._prefixes else False


def _package_prefixes(name: str) -> list[str]:
    """File prefixes of an importable module or package, without importing it when avoidable."""
    module = sys.modules.get(name)
    origin = getattr(module, "__file__", None) if module is not None else None
    locations: list[str] = list(getattr(module, "__path__", []) or []) if module else []
    if origin is None and not locations:
        try:
            spec = importlib.util.find_spec(name)
        except (ImportError, ValueError):
            spec = None
        if spec is None:
            return []
        origin = spec.origin
        locations = list(spec.submodule_search_locations or [])
    if locations:  # a package: everything below its folder(s)
        return [os.path.join(os.path.realpath(p), "") for p in locations] + [
            os.path.join(p, "") for p in locations
        ]
    if origin:  # a single module: that file (and its source if `origin` is compiled)
        stem = os.path.splitext(origin)[0]
        return [stem + ".py", os.path.realpath(stem) + ".py"]
    return []


_internal = _InternalFiles(DEFAULT_INTERNAL_PACKAGES)


def add_internal_packages(*packages: str) -> tuple[str, ...]:
    """Treat frames from these modules or packages as internal (like asyncio's).

    Use it for your own spawn helpers (`def spawn(coro): return asyncio.create_task(coro)`)
    so that the creation site is the helper's caller, where `taskleak check` reports it.
    Returns the names that no importable module or package has (nothing is added for them).
    The pytest plugin's `taskleak_internal_packages` ini setting calls it.
    """
    return _internal.add(*packages)


def is_internal(filename: str) -> bool:
    internal = _internal.cache.get(filename)
    if internal is None:
        internal = _internal.cache[filename] = _internal(filename)
    return internal


def _kind(filename: str) -> int:
    if is_internal(filename):
        kind = _INTERNAL
    else:
        kind = _LIBRARY if is_library(filename) else _USER
    _kinds[filename] = kind
    return kind


def caller_site(frame: FrameType | None) -> RawSite | None:
    """The first frame from `frame` outwards that is not internal, as a raw site; when it is in
    a library, with the nearest frame of the user's code further out.

    None when the walk reaches the loop's callback runner first (a task created by a callback).
    """
    kinds = _kinds
    while frame is not None:
        code = frame.f_code
        filename = code.co_filename
        kind = kinds.get(filename)
        if kind is None:
            kind = _kind(filename)
        if kind != _INTERNAL:
            via = _user_frame(frame.f_back) if kind == _LIBRARY else None
            return (filename, frame.f_lineno, getattr(code, _QUALNAME_ATTR), via)
        if code is _HANDLE_RUN:
            return None
        frame = frame.f_back
    return None


def _user_frame(frame: FrameType | None) -> RawFrame | None:
    """The first frame outwards that is neither internal nor in a library."""
    while frame is not None:
        code = frame.f_code
        if code is _HANDLE_RUN:
            return None
        filename = code.co_filename
        kind = _kinds.get(filename)
        if (kind if kind is not None else _kind(filename)) == _USER:
            return (filename, frame.f_lineno, getattr(code, _QUALNAME_ATTR))
        frame = frame.f_back
    return None


def _library_roots() -> tuple[str, ...]:
    roots: set[str] = set()
    for scheme_path in ("stdlib", "platstdlib", "purelib", "platlib"):
        for prefix in {sys.prefix, sys.base_prefix, sys.exec_prefix}:
            try:
                path = sysconfig.get_path(scheme_path, vars={"base": prefix, "platbase": prefix})
            except KeyError:  # pragma: no cover - a scheme without that path
                continue
            if path:
                roots.add(os.path.join(path, ""))
                roots.add(os.path.join(os.path.realpath(path), ""))
    return tuple(sorted(roots))


_LIBRARY_ROOTS = _library_roots()
_library_cache: dict[str, bool] = {}


def is_library(filename: str) -> bool:
    """Whether `filename` is installed code (the standard library, site-packages), not the
    user's: a spawn there is reported with the nearest frame of the user's code too."""
    library = _library_cache.get(filename)
    if library is None:
        library = _library_cache[filename] = (
            filename.startswith(_LIBRARY_ROOTS)
            or "site-packages" in filename
            or "dist-packages" in filename
            or filename.startswith("<frozen ")
        )
    return library


def code_name(code: CodeType) -> str:
    name: str = getattr(code, _QUALNAME_ATTR)
    return name


def coroutine_site(coro: object) -> Site | None:
    """The best creation site a coroutine itself tells: its origin if tracked, else its def."""
    origin: tuple[tuple[str, int, str], ...] | None = getattr(coro, "cr_origin", None)
    if origin:  # most recent call first
        for filename, line, function in origin:
            if not is_internal(filename):
                return Site(filename, line, function, "origin")
    code: CodeType | None = getattr(coro, "cr_code", None) or getattr(coro, "gi_code", None)
    if code is not None:
        return Site(code.co_filename, code.co_firstlineno, code_name(code), "definition")
    return None


def own_coroutine(coro: object) -> object:
    """The coroutine a task runs for whoever spawned it: `coro` itself, unless `coro` is a
    wrapper, a coroutine of an internal package that awaits a coroutine of other code (anyio 4's
    task groups run each task as `TaskHandle._run_coro()`, which awaits the spawned coroutine; a
    project's spawn helper named in `add_internal_packages` may do the same). Then the first
    coroutine down its await chain (`cr_await`) that is not internal. A wrapper that has not
    started yet, or that awaits only internal code, is its own coroutine."""
    current: Any = coro
    for _ in range(100):  # bounded: a chain is never that deep
        code: CodeType | None = getattr(current, "cr_code", None)
        if code is None:
            return coro  # a future or another awaitable: no coroutine of the user's below
        if not is_internal(code.co_filename):
            return current
        current = getattr(current, "cr_await", None)
    return coro


def coroutine_name(coro: object) -> str:
    """`Handler._keepalive` for a coroutine; the type name for other awaitables."""
    name = getattr(coro, "__qualname__", None)
    if isinstance(name, str):
        return name
    return type(coro).__name__


def coroutine_module(coro: object) -> str:
    """The module that defines the coroutine's function, '' when it cannot be told."""
    frame: FrameType | None = getattr(coro, "cr_frame", None) or getattr(coro, "gi_frame", None)
    if frame is not None:
        name = frame.f_globals.get("__name__")
        if isinstance(name, str):
            return name
    return ""


def await_chain(coro: object) -> list[FrameType]:
    """The frames of a coroutine and everything it awaits, outermost first."""
    frames: list[FrameType] = []
    current: Any = coro
    seen = 0
    while current is not None and seen < 100:  # bounded: a chain is never that deep
        seen += 1
        frame = (
            getattr(current, "cr_frame", None)
            or getattr(current, "gi_frame", None)
            or getattr(current, "ag_frame", None)
        )
        if frame is not None:
            frames.append(frame)
        current = (
            getattr(current, "cr_await", None)
            or getattr(current, "gi_yieldfrom", None)
            or getattr(current, "ag_await", None)
        )
    return frames


def suspended_site(coro: object) -> Site | None:
    """Where a pending coroutine waits: the innermost non-internal frame of its await chain."""
    frames = await_chain(coro)
    for frame in reversed(frames):
        if not is_internal(frame.f_code.co_filename):
            return Site(frame.f_code.co_filename, frame.f_lineno, code_name(frame.f_code), "frame")
    if frames:
        frame = frames[-1]
        return Site(frame.f_code.co_filename, frame.f_lineno, code_name(frame.f_code), "frame")
    return None
