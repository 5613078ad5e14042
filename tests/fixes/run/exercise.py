"""Import and run a generated program before and after its fix: what each step raised.

    python exercise.py BEFORE.py AFTER.py   -> one line of JSON: {"before": [...], "after": [...]}

Each program runs on a fresh event loop (module-level spawns need a running loop), in steps:
executing the module; calling every module-level function named `unit_*`; for every class named
`Unit*`, making one with no arguments, calling its `on_message`, then its `close` and `stop`.
A step's outcome is "ok", the name of the exception it raised, or "pending" when its coroutine
is still running after a bounded number of loop turns (it is then cancelled). After the steps
the loop turns a while, so the spawned tasks run; the errors the loop reports are listed too.
"""

from __future__ import annotations

import asyncio
import inspect
import json
import sys
import warnings
from pathlib import Path
from typing import Any

TURNS = 50


async def _outcome(value: Any) -> str:
    try:
        if callable(value):
            value = value()
        if inspect.isawaitable(value):
            task = asyncio.ensure_future(value)
            for _ in range(TURNS):
                if task.done():
                    break
                await asyncio.sleep(0)
            if not task.done():
                task.cancel()
                return "pending"
            task.result()
    except (Exception, asyncio.CancelledError) as exc:  # what the comparison looks at
        return type(exc).__name__
    return "ok"


def _method(obj: object, name: str) -> Any:
    def step() -> Any:
        value = getattr(obj, name)  # a property runs here
        return value() if callable(value) else value

    return step


async def _steps(path: Path) -> dict[str, Any]:
    loop = asyncio.get_running_loop()
    errors: list[str] = []
    loop.set_exception_handler(
        lambda _, context: errors.append(type(context.get("exception")).__name__))
    namespace: dict[str, Any] = {"__name__": "generated", "__file__": str(path)}
    code = compile(path.read_bytes(), str(path), "exec", dont_inherit=True)
    steps = [("import", await _outcome(lambda: exec(code, namespace)))]
    for name in sorted(namespace):
        value = namespace[name]
        if name.startswith("unit_") and callable(value):
            steps.append((name, await _outcome(value)))
        elif name.startswith("Unit") and isinstance(value, type):
            try:
                obj = value()
            except Exception as exc:
                steps.append((name, type(exc).__name__))
                continue
            for method in ("on_message", "close", "stop"):
                if method in dir(obj):
                    steps.append((f"{name}.{method}", await _outcome(_method(obj, method))))
    for _ in range(TURNS):
        await asyncio.sleep(0)
    return {"steps": steps, "loop_errors": sorted(set(errors))}


def main(before: Path, after: Path) -> dict[str, Any]:
    warnings.simplefilter("ignore")  # never-awaited coroutines of arbitrary code, and such
    return {name: asyncio.run(_steps(path)) for name, path in (("before", before),
                                                               ("after", after))}


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]), Path(sys.argv[2]))))
