"""Python packages on disk: the folders with an `__init__.py`.

A module's packages are the folders above it that each hold an `__init__.py`; the outermost of
them is its top-level package, and the folder above that is where `import` finds it (the root
its dotted name is relative to). The project context (`context.py`), the package keep-helper
(`fixes.package_helper`) and the dotted names of the run's helpers (`run.helper_callers`,
`run.helper_forecast`) all ask the same walk.

Plain stdlib: warm runs ask it.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path


def outermost_package(folder: Path) -> Path | None:
    """The outermost package holding `folder`: `folder` itself when it has an `__init__.py`,
    then up while the parent has one too; None when `folder` is no package."""
    top = None
    while (folder / "__init__.py").is_file():
        top = folder
        if folder.parent == folder:
            break
        folder = folder.parent
    return top


def import_root(folder: Path) -> tuple[Path, tuple[str, ...]]:
    """(where `import` finds the package holding `folder`, the dotted parts from there down to
    `folder`): the folder above its outermost package; (`folder`, ()) when it is no package."""
    top = outermost_package(folder)
    if top is None:
        return folder, ()
    return top.parent, folder.relative_to(top.parent).parts


def packages_around(path: str) -> tuple[str, list[str]]:
    """(the folder above the outermost package around the module at `path`, the names of its
    packages from that one down): the folders with an `__init__.py`."""
    root, parts = import_root(Path(os.path.dirname(os.path.abspath(path))))
    return str(root), list(parts)


def module_name(path: str) -> str:
    """The dotted name of the module at `path`: its package folders (those with an
    `__init__.py`) and its stem ("pkg/sub/mod.py" -> "pkg.sub.mod")."""
    stem = os.path.splitext(os.path.basename(path))[0]
    return ".".join([*packages_around(path)[1], *([] if stem == "__init__" else [stem])])


def absolute_import(target: str, package: Sequence[str]) -> str:
    """What an import names (`target`, leading dots and all), made absolute: a relative one
    from `package`, the importing module's package (`__package__`'s parts); "" when its dots
    climb past the top package."""
    level = len(target) - len(target.lstrip("."))
    if not level:
        return target
    base = list(package[:len(package) - (level - 1)]) if level - 1 < len(package) else []
    rest = target.lstrip(".")
    return ".".join([*base, rest] if rest else base) if base else ""
