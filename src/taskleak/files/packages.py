"""Python packages on disk: the folders with an `__init__.py`.

A module's packages are the folders above it that each hold an `__init__.py`; the outermost of
them is its top-level package, and the folder above that is where `import` finds it (the root
its dotted name is relative to). The project context (`context.py`), the package keep-helper
(`fixes.package_helper`) and the dotted names of the run's helpers (`run.helper_callers`,
`run.helper_forecast`) all ask the same walk.

Plain stdlib: warm runs ask it.
"""

from __future__ import annotations

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
