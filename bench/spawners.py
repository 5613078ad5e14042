"""What many configured spawners cost a run (issue 15's cliff: 10,000 added ~12 s to every run,
warm included).

    python bench/spawners.py [--counts 0,100,1000,10000] [--files 1000] [--runs 3]

Makes a project in a temporary folder: `--files` modules, one in ten calling a configured
spawner and `asyncio.create_task` (the rest plain code the prefilter rules out), and a
pyproject.toml listing N spawners (`svcI.spawn_thing_I`). For each N, times `taskleak check`
cold (empty cache) and warm (nothing changed), the median of `--runs` runs, as a subprocess.
Prints a table; timings are never assertions.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PLAIN = "def helper_{i}(x):\n    return x + {i}\n\n" * 20
SPAWNING = ("import asyncio\n\nasync def main_{i}(svc{i}):\n"
            "    asyncio.create_task(work())\n    svc{i}.spawn_thing_{i}(work())\n")


def make_project(root: Path, files: int, spawners: int) -> None:
    (root / "pkg").mkdir(parents=True)
    names = "".join(f'  "svc{i}.spawn_thing_{i}",\n' for i in range(spawners))
    (root / "pyproject.toml").write_text(f"[tool.taskleak]\nspawners = [\n{names}]\n")
    for i in range(files):
        text = (SPAWNING if i % 10 == 0 else PLAIN).format(i=i)
        (root / "pkg" / f"m{i:04d}.py").write_text(text)


def timed(root: Path, cache: Path) -> float:
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "taskleak", "check", "--format", "json",
                           "--cache-dir", str(cache), "pkg"], cwd=root, capture_output=True,
                          check=False)
    took = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"taskleak failed: {proc.stderr.decode(errors='replace')}")
    return took


def measure(count: int, files: int, runs: int) -> tuple[float, float]:
    with tempfile.TemporaryDirectory(prefix="bench-spawners-") as tmp:
        root = Path(tmp)
        make_project(root, files, count)
        cold, warm = [], []
        for _ in range(runs):
            cache = root / "cache"
            shutil.rmtree(cache, ignore_errors=True)
            cold.append(timed(root, cache))
            warm.append(timed(root, cache))
        return statistics.median(cold), statistics.median(warm)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--counts", default="0,100,1000,10000")
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(f"{args.files} files ({args.files // 10} spawning), median of {args.runs} runs")
    print(f"{'spawners':>9} {'cold s':>8} {'warm s':>8}")
    for count in (int(c) for c in args.counts.split(",")):
        cold, warm = measure(count, args.files, args.runs)
        print(f"{count:>9} {cold:>8.2f} {warm:>8.2f}", flush=True)


if __name__ == "__main__":
    main()
