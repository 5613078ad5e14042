"""What one big file costs (issue 15's cliffs: 20,000 spawns in one file took 25 s to check and
6 min to fix; a 5,000-term expression 32 s).

    python bench/cliffs.py [--shapes spawns,expr,arg] [--sizes 1000,2000,5000] [--runs 3]
                           [--limit 60] [--no-fix] [--before OLD/src]

Generates one module per shape and size in a temporary folder:
- `spawns`: N spawns, in thirds: dropped (`asyncio.create_task(work(i))` as a statement), kept
  in a module-level set (with a done callback that discards it), stored on `self` in a class;
- `expr`: one expression of N terms (`a0 + a1 + ...`) at module level, and a spawn;
- `arg`: the same expression as a spawn's argument (`asyncio.create_task(f(a0 + ...))`).
Times `taskleak check --no-cache --isolated` and `taskleak fix --no-cache --isolated` (on a fresh
copy each run) as subprocesses, the median of `--runs` runs. A run is stopped at `--limit`
seconds; that size and the larger ones of that shape and command are then shown as `>limit`.
Prints a table; timings are never assertions. `--before`: a `src` folder of another taskleak
(`git archive <commit> src | tar -x -C /tmp/old`), timed run by run alternately with this one
(its imports first on PYTHONPATH), so both columns see the same load. A run that fails (an
internal error: exit 2) shows as `error`.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HEADER = "import asyncio\n\n_tasks = set()\n\n\nasync def work(i):\n    return i\n\n\n"


def spawns_module(n: int) -> str:
    """N spawns: a third dropped, a third kept in a set, a third stored on self in a class."""
    parts = [HEADER]
    for i in range(n):
        kind = i % 3
        if kind == 0:
            parts.append(f"async def drop_{i}():\n    asyncio.create_task(work({i}))\n\n\n")
        elif kind == 1:
            parts.append(f"async def keep_{i}():\n    t = asyncio.create_task(work({i}))\n"
                         "    _tasks.add(t)\n    t.add_done_callback(_tasks.discard)\n\n\n")
        else:
            parts.append(f"class Holder{i}:\n    async def start(self):\n"
                         f"        self._task = asyncio.create_task(work({i}))\n\n\n")
    return "".join(parts)


def expr_module(n: int) -> str:
    """One N-term sum at module level, and a spawn."""
    terms = " + ".join(f"a{i}" for i in range(n))
    return f"{HEADER}x = {terms}\n\n\nasync def main():\n    asyncio.create_task(work(x))\n"


def arg_module(n: int) -> str:
    """One N-term sum as a spawn's argument."""
    terms = " + ".join(f"a{i}" for i in range(n))
    return f"{HEADER}async def main():\n    asyncio.create_task(work({terms}))\n"


SHAPES = {"spawns": spawns_module, "expr": expr_module, "arg": arg_module}


def timed(command: str, path: Path, source: str, limit: float,
          src: str | None) -> float | str | None:
    """Seconds; None when the run was stopped at `limit`; "error" when it failed."""
    path.write_text(source, encoding="utf-8")  # a fresh copy: fix rewrites it
    env = dict(os.environ)
    if src is not None:
        env["PYTHONPATH"] = os.pathsep.join(p for p in (src, env.get("PYTHONPATH")) if p)
    start = time.perf_counter()
    try:
        proc = subprocess.run([sys.executable, "-m", "taskleak", command, "--no-cache",
                               "--isolated", "--exit-zero", "--quiet", str(path)],
                              capture_output=True, check=False, timeout=limit, env=env)
    except subprocess.TimeoutExpired:
        return None
    took = time.perf_counter() - start
    if proc.returncode != 0 or b"internal error" in proc.stdout + proc.stderr:
        return "error"
    return took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shapes", default="spawns,expr,arg")
    parser.add_argument("--sizes", default="1000,2000,5000,10000,20000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--limit", type=float, default=60.0)
    parser.add_argument("--no-fix", action="store_true", help="time check only")
    parser.add_argument("--before", help="the src folder of the taskleak to compare with")
    args = parser.parse_args()
    commands = ["check"] if args.no_fix else ["check", "fix"]
    versions: list[tuple[str, str | None]] = [("", None)]
    if args.before:
        versions = [("before ", str(Path(args.before).resolve())), ("after ", None)]
    columns = [(c, label, src) for c in commands for label, src in versions]
    print(f"median of {args.runs} runs; '>{args.limit:g}': a run was stopped at {args.limit:g} s")
    print(f"{'shape':>7} {'n':>7} " + " ".join(f"{label + c + ' s':>14}"
                                               for c, label, _ in columns), flush=True)
    given_up: dict[tuple[str, str, str], str] = {}
    with tempfile.TemporaryDirectory(prefix="bench-cliffs-") as tmp:
        for shape in args.shapes.split(","):
            for n in (int(s) for s in args.sizes.split(",")):
                source = SHAPES[shape](n)
                path = Path(tmp) / f"{shape}_{n}.py"
                path.write_text(source, encoding="utf-8")
                runs: dict[tuple[str, str, str], list[float]] = {
                    (shape, c, label): [] for c, label, _ in columns}
                for _ in range(args.runs):
                    for command, label, src in columns:  # alternately: the same load
                        key = (shape, command, label)
                        if key in given_up:
                            continue
                        took = timed(command, path, source, args.limit, src)
                        if took is None or isinstance(took, str):
                            given_up[key] = "error" if took == "error" else f">{args.limit:g}"
                        else:
                            runs[key].append(took)
                cells = []
                for command, label, _ in columns:
                    key = (shape, command, label)
                    if key in given_up:
                        cells.append(given_up[key])
                        if given_up[key] == "error":
                            del given_up[key]  # an error may be size-bound: try the next
                    else:
                        cells.append(f"{statistics.median(runs[key]):.2f}")
                print(f"{shape:>7} {n:>7} " + " ".join(f"{c:>14}" for c in cells), flush=True)


if __name__ == "__main__":
    main()
