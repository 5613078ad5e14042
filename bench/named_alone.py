"""Does a file named alone get the rows it gets in the whole project's run? (issue 56, point 10)

    python bench/named_alone.py PROJECT [PROJECT ...] [--taskleak PATH] [--limit N]

For each PROJECT folder: `taskleak check --output-format json-lines .` once (the whole run),
then `taskleak check --output-format json-lines FILE` for every `.py`/`.pyi` file the whole run
scanned, each from the project folder with the same cache folder (so the named runs are warm,
as a pre-commit hook's are). A file whose rows (findings and skipped lines) differ from its rows
in the whole run is printed with the difference. Exit 1 when any file differs.

The four libraries of issue 56 (tornado 6.6.1, aioesphomeapi 46.23.0, opsdroid 0.31.0, aiohttp
3.14.5) are fetched by `bench/get-libraries.sh DEST`. The test suite checks the same property on a
small repository (`tests/cli/test_project_context.py`), not through this script.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

BIN = Path(sys.executable).parent

Row = tuple[tuple[str, Any], ...]


def rows(taskleak: str, project: Path, cache: Path, target: str) -> dict[str, list[Row]]:
    """path -> its rows (findings and skipped files) of one check of `target`, in order."""
    command = [taskleak, "check", "--output-format", "json-lines", "--exit-zero",
               "--cache-dir", str(cache), target]
    done = subprocess.run(command, cwd=project, capture_output=True, text=True, check=False)
    if done.returncode not in (0, 2):  # 2: an internal error, reported as a skipped row
        raise SystemExit(f"{' '.join(command)} in {project} exited {done.returncode}:\n"
                         f"{done.stderr}")
    out: dict[str, list[Row]] = {}
    for line in done.stdout.splitlines():
        row = json.loads(line)
        out.setdefault(row["path"], []).append(tuple(sorted(row.items(), key=str)))
    return out


def files_of(taskleak: str, project: Path) -> list[str]:
    """The files the whole run checks, as reports name them (`--show-files`)."""
    done = subprocess.run([taskleak, "check", "--show-files", "."], cwd=project,
                          capture_output=True, text=True, check=True)
    return [line for line in done.stdout.splitlines() if line.strip()]


def compare(taskleak: str, project: Path, limit: int | None) -> list[str]:
    """The files of `project` whose rows named alone differ from the whole run's, described."""
    differences: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(tmp) / "cache"
        whole = rows(taskleak, project, cache, ".")
        files = files_of(taskleak, project)[:limit]
        for path in files:
            alone = rows(taskleak, project, cache, path)
            extra = sorted(set(alone) - {path})
            if alone.get(path, []) != whole.get(path, []) or extra:
                differences.append(_describe(path, whole.get(path, []), alone.get(path, []),
                                             extra))
        print(f"{project}: {len(files)} files named alone, {len(differences)} differ",
              file=sys.stderr)
    return differences


def _describe(path: str, whole: list[Row], alone: list[Row], extra: list[str]) -> str:
    lines = [f"{path}:"]
    lines += [f"  whole run only: {dict(r)}" for r in whole if r not in alone]
    lines += [f"  named alone only: {dict(r)}" for r in alone if r not in whole]
    lines += [f"  named alone also reports {other}" for other in extra]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("projects", nargs="+", type=Path)
    parser.add_argument("--taskleak", default=shutil.which("taskleak", path=str(BIN))
                        or shutil.which("taskleak") or "taskleak")
    parser.add_argument("--limit", type=int, default=None, help="name at most N files each")
    args = parser.parse_args(argv)
    os.environ.pop("TASKLEAK_OUTPUT_FORMAT", None)
    differences: list[str] = []
    for project in args.projects:
        differences += compare(args.taskleak, project.resolve(), args.limit)
    for text in differences:
        print(text)
    return 1 if differences else 0


if __name__ == "__main__":
    raise SystemExit(main())
