"""The rename transform of the invariance harness (`tests/invariance/`, issue 68) over a real
tree: every private name, local and class renamed consistently across the whole tree, at the
same length (so every position stays), strings untouched; `taskleak check` must report the same
rows (path, line, column, rule, risk) on the renamed copy as on the original.

    python bench/invariance_rename.py TREE [--keep DIR]

A name is renamed in the tree only where no module excludes it (imported, global-declared,
spelled in a string, read in an f-string, a builtin; a public local that any module uses as an
attribute or a keyword argument). Files the transform cannot edit (not UTF-8, CRLF, a BOM, not
Python this interpreter parses) are copied unchanged. Prints the differences and their count;
exits 1 when there is one.
"""

from __future__ import annotations

import argparse
import ast
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "invariance"))

from invariance_map import Program
from invariance_transforms import (
    Excluded,
    identifiers,
    new_name,
    parse,
    rename_plan,
    renamed,
    string_words,
)

Row = tuple[str, int, int, str, str]


def rows(tree: Path) -> list[Row]:
    out = subprocess.run(
        [sys.executable, "-m", "taskleak", "check", ".", "--isolated", "--no-cache",
         "--exit-zero", "--output-format", "json"],
        cwd=tree, capture_output=True, text=True, check=True).stdout
    return sorted((f["path"], f["line"], f["column"], f["rule"], f["risk"])
                  for f in json.loads(out)["findings"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tree", type=Path)
    parser.add_argument("--keep", type=Path, help="write the renamed copy here (kept)")
    args = parser.parse_args()
    tree: Path = args.tree.resolve()
    parsed: dict[Path, tuple[Program, ast.Module]] = {}
    chosen: set[str] = set()
    excluded: set[str] = set()
    api: set[str] = set()
    taken: set[str] = set()
    for path in sorted(tree.rglob("*.py")):
        try:
            text = path.read_bytes().decode("utf-8")
            module = parse(text)
        except (UnicodeDecodeError, Excluded):
            continue
        parsed[path] = (Program(text), module)
        mine, theirs, names = rename_plan(module)
        chosen |= mine
        excluded |= theirs
        api |= names
        taken |= identifiers(module) | string_words(module)
    classes = {n.name for _, m in parsed.values() for n in ast.walk(m)
               if isinstance(n, ast.ClassDef)}
    plan: dict[str, str] = {}
    for name in sorted(chosen - excluded - (api - classes)):
        new = new_name(name, taken)
        if new is not None:
            plan[name] = new
            taken.add(new)
    target = args.keep or Path(tempfile.mkdtemp(prefix="renamed-"))
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(tree, target, symlinks=True)
    for path, (program, module) in parsed.items():
        text = renamed(program, module, plan).text
        compile(text, str(path), "exec")  # still Python
        (target / path.relative_to(tree)).write_text(text, encoding="utf-8")
    before, after = rows(tree), rows(target)
    gone = sorted(set(before) - set(after))
    came = sorted(set(after) - set(before))
    for row in gone:
        print("-", *row)
    for row in came:
        print("+", *row)
    print(f"{len(parsed)} files, {len(plan)} names renamed; rows {len(before)} -> {len(after)}: "
          f"{len(gone)} gone, {len(came)} new")
    if args.keep is None:
        shutil.rmtree(target)
    return 1 if gone or came else 0


if __name__ == "__main__":
    raise SystemExit(main())
