"""What taskleak's site-recording task factory costs per task.

    python bench/runtime_overhead.py [--tasks 20000] [--repeat 7]

Each round creates tasks in batches of 100 with `loop.create_task`, runs them to completion with
`gather` and lets them be freed: the whole life of a task, since the factory adds work at
creation (a frame walk and a weak reference) and at death (the weak reference's callback).
Modes: plain asyncio; with `taskleak.runtime.install()`; asyncio debug mode, which is how other
tools get a creation stack. The best of the rounds is kept (the least disturbed by other load),
modes interleaved so that drift hits them all alike. It prints nanoseconds per task.
"""

from __future__ import annotations

import argparse
import asyncio
import platform
import time

from taskleak.runtime import install

MODES = ("plain", "taskleak", "debug")
BATCH = 100


async def noop() -> None:
    pass


async def lifecycle(tasks: int) -> float:
    """Nanoseconds per task to create, run and free `tasks` tasks."""
    loop = asyncio.get_running_loop()
    rounds = max(1, tasks // BATCH)
    start = time.perf_counter_ns()
    for _ in range(rounds):
        batch = [loop.create_task(noop()) for _ in range(BATCH)]
        await asyncio.gather(*batch)
        del batch
    return (time.perf_counter_ns() - start) / (rounds * BATCH)


async def creation_only(tasks: int) -> float:
    """Nanoseconds per `create_task` call alone (the tasks then run untimed)."""
    loop = asyncio.get_running_loop()
    rounds = max(1, tasks // BATCH)
    spent = 0
    for _ in range(rounds):
        start = time.perf_counter_ns()
        batch = [loop.create_task(noop()) for _ in range(BATCH)]
        spent += time.perf_counter_ns() - start
        await asyncio.gather(*batch)
    return spent / (rounds * BATCH)


def measure(mode: str, tasks: int) -> tuple[float, float]:
    async def main() -> tuple[float, float]:
        if mode == "taskleak":
            install()
        await lifecycle(min(tasks, 2000))  # warm-up
        return (await lifecycle(tasks), await creation_only(tasks))

    return asyncio.run(main(), debug=mode == "debug")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=20000, help="tasks per round")
    parser.add_argument("--repeat", type=int, default=7, help="rounds per mode (best kept)")
    args = parser.parse_args()
    best = {mode: (float("inf"), float("inf")) for mode in MODES}
    for _ in range(args.repeat):
        for mode in MODES:
            life, create = measure(mode, args.tasks)
            best[mode] = (min(best[mode][0], life), min(best[mode][1], create))
    print(f"Python {platform.python_version()} on {platform.machine()}, {args.tasks} tasks/round")
    print(f"{'mode':<10} {'lifecycle ns/task':>18} {'create_task ns':>15} {'overhead/task':>14}")
    plain_life = best["plain"][0]
    for mode in MODES:
        life, create = best[mode]
        extra = life - plain_life
        note = "" if mode == "plain" else f"{extra:+.0f} ns ({extra / plain_life:+.0%})"
        print(f"{mode:<10} {life:>18.0f} {create:>15.0f} {note:>14}")


if __name__ == "__main__":
    main()
