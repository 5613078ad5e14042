"""Run one program of the execution tests, before or after its fix, and say what happened.

    python harness.py PROGRAM.py        -> one line of JSON on stdout

Two scenarios, each on a fresh import of the program and a fresh event loop, under
`taskleak.runtime.track()`:

- `finish`: `drive_start()` spawns the work; after a garbage collection the gates open, round
  after round, until the work recorded `EXPECTED_DONE` results (bounded); then `drive_stop()`.
- `stop_pending`: `drive_start()`, a garbage collection, then `drive_stop()` while the work
  still waits at its gate (only for programs with a `drive_stop`).

For each: the exception `drive_stop()` raised (if any), errors the loop reported, how much work
finished, how many tasks the program's task sets still hold at the end, and the leaks `track()`
reported (tasks left pending, or destroyed while pending). Everything is bounded by loop turns,
never by the clock.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import gc
import importlib.util
import json
import sys
import weakref
from pathlib import Path
from types import ModuleType
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import runkit

from taskleak.runtime import track

ROUNDS = 20  # gate openings at most
TURNS = 20  # loop turns between steps
FUTURES = (asyncio.Future, concurrent.futures.Future)


def _load(path: Path, n: int) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"program_{n}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


async def _turns(n: int = TURNS) -> None:
    for _ in range(n):
        await asyncio.sleep(0)


def _held(module: ModuleType, owner: object) -> int:
    """Tasks and futures still held by the program's sets (module globals, the owner's
    attributes, the project helper's set)."""
    holders = [vars(module)]
    if hasattr(owner, "__dict__"):
        holders.append(vars(owner))
    total = len(runkit.KEPT)
    for holder in holders:
        for value in list(holder.values()):
            if isinstance(value, (set, weakref.WeakSet)) and value \
                    and all(isinstance(x, FUTURES) for x in value):
                total += len(value)
    return total


async def _scenario(path: Path, n: int, finish: bool) -> dict[str, Any]:
    loop = asyncio.get_running_loop()
    errors: list[str] = []

    def handler(_: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        if "destroyed but it is pending" not in context.get("message", ""):  # track reports it
            errors.append(str(context.get("exception") or context.get("message")))

    loop.set_exception_handler(handler)
    out: dict[str, Any] = {"stop_error": None}
    tracker = track(action="log")
    async with tracker:
        module = _load(path, n)  # in the loop: module-level code and defaults may spawn
        out["expected_done"] = module.EXPECTED_DONE
        if not finish and not hasattr(module, "drive_stop"):
            return {}
        owner = await module.drive_start()
        await _turns()
        gc.collect()
        for _ in range(ROUNDS if finish else 0):
            runkit.open_gates()
            await _turns()
            if len(runkit.DONE) >= module.EXPECTED_DONE:
                break
        out["done"] = len(runkit.DONE)
        stop = getattr(module, "drive_stop", None)
        if stop is not None:
            try:
                await stop(owner)
            except Exception as exc:  # what the test looks for
                out["stop_error"] = f"{type(exc).__name__}: {exc}"
        await _turns()
        out["held"] = _held(module, owner)
    out["leaks"] = sorted(f"{leak.kind}: {leak.coroutine}" for leak in tracker.leaks)
    out["loop_errors"] = errors
    return out


def main(path: Path) -> dict[str, Any]:
    results: dict[str, Any] = {}
    for n, (name, finish) in enumerate((("finish", True), ("stop_pending", False))):
        runkit.reset()
        result = asyncio.run(_scenario(path, n, finish))
        if result:
            results[name] = result
    return results


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]))))
