"""How the safe fix reads on real packages (issue 56, point 4): keep-helpers, line lengths and
the oldest Python.

Fetches pinned releases from PyPI (nothing is installed; none of their code is committed):
opsdroid 0.31.0 (its sdist: it ships no wheel; its setup.cfg declares `python_requires >=3.11`
and flake8's 80 columns with bugbear's B950, so black's 88 is the limit) and the wheels of
aiocache 0.12.3, aiorun 2025.1.1 and python-engineio 4.15.1, whose `Requires-Python` (aiorun
3.7, python-engineio 3.8) or Python classifiers (aiocache: 3.7 to 3.11) are written as the
`[project]` table their sdists declare. Each is copied,
fixed with `taskleak fix` (safe fixes, default settings), and measured:

- helpers: keep-helper definitions the fix wrote (`def keep_task(` / `def _keep_task(` ...);
- longest: the longest line the fix added, against the line length taskleak read;
- oldest Python: every fixed module passes `vermin --eval-annotations -t=X.Y-` and
  `ast.parse(feature_version=)` for the target it declares.

Usage: python bench/fix_style.py [--work DIR] [--taskleak PATH]   (needs `pip install vermin`)
Prints a markdown table; the exit code is 0 unless the script itself fails: it measures.
"""

from __future__ import annotations

import argparse
import ast
import difflib
import re
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

SDISTS = {"opsdroid": "0.31.0"}
WHEELS = {"aiocache": "0.12.3", "aiorun": "2025.1.1", "python-engineio": "4.15.1"}
HELPER = re.compile(r"^def _?keep_(?:task|future)\w*\(", re.MULTILINE)


def _download(name: str, version: str, into: Path, *, binary: bool) -> Path:
    into.mkdir(parents=True, exist_ok=True)
    kind = ["--only-binary", ":all:"] if binary else ["--no-binary", ":all:"]
    subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", *kind,
                    "-d", str(into), f"{name}=={version}"], check=True)
    stem = name.replace("-", "_")
    return next(p for p in into.iterdir() if p.name.lower().startswith(
        (f"{stem}-{version}", f"{name}-{version}")))


def _pyproject(name: str, meta: str) -> str:
    """The `[project]` table its sdist declares, from the wheel's metadata: `requires-python`,
    else the Python classifiers (aiocache 0.12.3 declares only those)."""
    requires = re.search(r"^Requires-Python: (.+)$", meta, re.MULTILINE)
    if requires is not None:
        return f'[project]\nname = "{name}"\nrequires-python = "{requires[1].strip()}"\n'
    classifiers = re.findall(r"^Classifier: (Programming Language :: Python :: 3\.\d+)$", meta,
                             re.MULTILINE)
    listed = ", ".join(f'"{c}"' for c in classifiers)
    return f'[project]\nname = "{name}"\nclassifiers = [{listed}]\n'


def fetch(work: Path) -> dict[str, Path]:
    """name -> the unpacked project (idempotent: a finished one is reused)."""
    out: dict[str, Path] = {}
    for name, version in {**SDISTS, **WHEELS}.items():
        target = work / "src" / f"{name}-{version}"
        if not (target / ".done").exists():
            shutil.rmtree(target, ignore_errors=True)
            archive = _download(name, version, work / "downloads", binary=name in WHEELS)
            if name in WHEELS:
                with zipfile.ZipFile(archive) as whl:
                    whl.extractall(target)
                meta = next(target.glob("*.dist-info/METADATA")).read_text()
                (target / "pyproject.toml").write_text(_pyproject(name, meta))
            else:
                with tarfile.open(archive) as sdist:
                    sdist.extractall(target.parent, filter="data")
            (target / ".done").touch()
        out[name] = target
    return out


def measure(name: str, source: Path, work: Path, taskleak: str) -> dict[str, object]:
    copy = work / "fixed" / source.name
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(source, copy)
    before = {p: p.read_text(errors="replace") for p in copy.rglob("*.py")}
    run = subprocess.run([taskleak, "fix", "--no-cache", "."], cwd=copy, capture_output=True,
                         text=True)
    after = {p: p.read_text(errors="replace") for p in copy.rglob("*.py")}
    changed = [p for p in after if before.get(p) != after[p]]
    added = [line[2:] for p in changed for line in difflib.ndiff(
        before.get(p, "").splitlines(), after[p].splitlines()) if line.startswith("+ ")]
    from taskleak.fixes.project_style import line_length_for, target_for

    folder = next(iter(changed)).parent if changed else copy
    limit, target = line_length_for(folder), target_for(folder)
    version = f"{target[0]}.{target[1]}"
    vermin = subprocess.run([shutil.which("vermin") or "vermin", "--no-tips",
                             "--eval-annotations", "--violations", f"-t={version}-",
                             *map(str, changed)], capture_output=True, text=True)
    parsed = all(_parses(after[p], target) for p in changed)
    return {"package": name, "summary": (run.stdout + run.stderr).strip().splitlines()[:2],
            "files": len(changed), "helpers": sum(len(HELPER.findall(after[p]))
                                                  for p in changed),
            "longest": max(map(len, added), default=0), "limit": limit, "target": version,
            "vermin": "pass" if vermin.returncode == 0 and changed else vermin.stdout[-300:],
            "ast": parsed}


def _parses(text: str, target: tuple[int, int]) -> bool:
    try:
        ast.parse(text, feature_version=target)
    except SyntaxError:
        return False
    return True


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, default=Path("/tmp/taskleak-fix-style"))
    parser.add_argument("--taskleak", default=shutil.which("taskleak") or "taskleak")
    args = parser.parse_args()
    print("| package | files fixed | keep-helpers written | longest added line | "
          "oldest Python | vermin | ast.parse |")
    print("|---|---|---|---|---|---|---|")
    for name, source in fetch(args.work).items():
        m = measure(name, source, args.work, args.taskleak)
        print(f"| {name} | {m['files']} | {m['helpers']} | {m['longest']} (limit "
              f"{m['limit']}) | {m['target']} | {m['vermin']} | {m['ast']} |")
        print(f"<!-- {' '.join(m['summary'])} -->")  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
