"""The split transform of the invariance harness (`tests/invariance/`, issue 68) over a real
tree: one module at a time, each top-level function and class it defines once is moved to a
module of its own beside it (relative imports, the module's own imports copied to each part,
and every moved name imported back at the module's end so that the tree's other modules find it
where they did); `taskleak check` must report the same rows (line, column, rule, risk), placed
back in the original module, and the same rows in every other file.

    python bench/invariance_split.py TREE [--only PATH ...] [--limit N] [--keep DIR]

Only the modules that hold a spawn word are split (`create_task`, `ensure_future`,
`run_coroutine_threadsafe`, `start_soon`, `TaskGroup`, `Task(`): a module without one makes no
row of its own, and its split would only ask what the others ask of it. A module the transform
does not apply to (nothing movable, at the tree's top, not UTF-8, not parsed here) is skipped and
counted. Prints each difference; exits 1 when there is one. Standard library, the harness's
transforms and `invariance_rename.rows`: taskleak is run as a command, as a user runs it.
"""

from __future__ import annotations

import argparse
import ast
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "invariance"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from invariance_map import Program
from invariance_rename import Row, rows  # (the same check of the tree, as a user runs it)
from invariance_transforms import Excluded, Split, Variant, parse, split

_WORDS = ("create_task", "ensure_future", "run_coroutine_threadsafe", "start_soon",
          "TaskGroup", "Task(")


def split_module(tree: Path, path: Path) -> Variant:
    """The variant of the tree's module at `path` (relative to the tree) split into parts
    beside it; raises `Excluded` when the transform does not apply."""
    try:
        text = (tree / path).read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        raise Excluded("the transforms edit UTF-8 text") from None
    if "\r" in text or text.startswith("\ufeff"):
        raise Excluded("CRLF or a BOM")
    module = parse(text)
    folder = path.parent.as_posix()
    if folder == ".":
        raise Excluded("a module at the tree's top: its parts cannot import it relatively")
    layout = Split(folder=folder, qualified=False, relative=True, main=path.as_posix())
    variant = split(layout)(Program(text), module)
    main = variant.files[path.as_posix()]
    moved = {p: built for p, built in variant.files.items()
             if p != path.as_posix() and not p.endswith("__init__.py")}
    if not main.text.endswith("\n"):
        main.write("\n")
    for part in sorted(moved):
        for stmt in parse(moved[part].text).body:
            if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                main.write(f"from .{Path(part).stem} import {stmt.name}  # noqa\n")
    return Variant(variant.program, {path.as_posix(): main, **moved})


def compare(tree: Path, path: Path, before: list[Row], work: Path) -> list[str] | None:
    """The differences the split of `path` makes ([] when none); None when it does not apply."""
    try:
        variant = split_module(tree, path)
    except (Excluded, SyntaxError):
        return None
    if work.exists():
        shutil.rmtree(work)
    shutil.copytree(tree, work, symlinks=True)
    for relative, built in variant.files.items():
        (work / relative).write_text(built.text, encoding="utf-8")
    mine = path.as_posix()
    after: list[Row] = []
    unplaced: list[str] = []
    for row in rows(work):
        if row[0] not in variant.files:
            after.append(row)
            continue
        placed = variant.origin(row[0], row[1], row[2])
        if placed is None:
            unplaced.append(f"? {mine} (written text: {row[0]}:{row[1]}:{row[2]}) {row[3]} "
                            f"{row[4]}")
            continue
        after.append((mine, placed[0], placed[1], row[3], row[4]))
    after.sort()
    out = [f"- {' '.join(map(str, r))}" for r in sorted(set(before) - set(after))]
    out += [f"+ {' '.join(map(str, r))}" for r in sorted(set(after) - set(before))]
    return out + unplaced


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tree", type=Path)
    parser.add_argument("--only", action="append", default=[], help="a module (tree-relative)")
    parser.add_argument("--limit", type=int, default=0, help="split at most N modules")
    parser.add_argument("--keep", type=Path, help="leave the last split tree here (to read it)")
    args = parser.parse_args()
    tree: Path = args.tree.resolve()
    candidates = [Path(p) for p in args.only] or sorted(
        p.relative_to(tree) for p in tree.rglob("*.py")
        if any(w in p.read_text(encoding="utf-8", errors="replace") for w in _WORDS))
    if args.limit:
        candidates = candidates[:args.limit]
    before = rows(tree)
    work = Path(tempfile.mkdtemp(prefix="split-")) / "tree"
    split_count, skipped, differing = 0, 0, 0
    try:
        for path in candidates:
            found = compare(tree, path, before, work)
            if found is None:
                skipped += 1
                continue
            split_count += 1
            if found:
                differing += 1
                print(f"== {path}")
                print("\n".join(found))
    finally:
        if args.keep and work.exists():
            shutil.rmtree(args.keep, ignore_errors=True)
            shutil.copytree(work, args.keep, symlinks=True)
        shutil.rmtree(work.parent, ignore_errors=True)
    print(f"{split_count} modules split, {skipped} skipped (the transform does not apply); "
          f"{differing} with different rows")
    return 1 if differing else 0


if __name__ == "__main__":
    raise SystemExit(main())
