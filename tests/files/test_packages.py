"""The outermost package around a folder (files/packages.py), the one walk the project
context, the package keep-helper and the helpers' dotted names ask."""

from __future__ import annotations

import os
from pathlib import Path

from taskleak.files.context import _package_root
from taskleak.files.packages import outermost_package
from taskleak.fixes.package_helper import package_helper
from taskleak.run.helper_callers import module_name, top_package
from taskleak.run.helper_forecast import Forecast


def _touch(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("", encoding="utf-8")
    return path


def _tree(root: Path) -> Path:
    """root/src/app/{__init__,core/__init__,core/loop}.py, root/src/app/data/x.py (no
    `__init__.py` in data/: a namespace part), root/src/loose.py"""
    src = root / "src"
    for name in ("app/__init__.py", "app/core/__init__.py", "app/core/loop.py",
                 "app/data/x.py", "loose.py"):
        _touch(src / name)
    return src


def test_the_outermost_package_is_the_top_of_the_unbroken_chain(tmp_path: Path) -> None:
    src = _tree(tmp_path)
    assert outermost_package(src / "app" / "core") == src / "app"
    assert outermost_package(src / "app") == src / "app"
    assert outermost_package(src) is None  # no package
    assert outermost_package(src / "app" / "data") is None  # the chain starts at the folder


def test_every_walk_agrees_on_it(tmp_path: Path) -> None:
    src = _tree(tmp_path)
    loop = src / "app" / "core" / "loop.py"
    assert module_name(str(loop)) == "app.core.loop"
    assert module_name(str(src / "app" / "core" / "__init__.py")) == "app.core"
    assert module_name(str(src / "loose.py")) == "loose"
    assert top_package(str(loop)) == (str(src / "app") + os.sep, "app")
    forecast = Forecast(None, frozenset())  # type: ignore[arg-type]  # no file is read
    assert forecast._package(str(loop.parent)) == (str(src), ("app", "core"))
    assert forecast._package(str(src)) == (str(src), ())
    helper = package_helper(loop)
    assert helper is not None and helper.module == "app._background_tasks"
    assert helper.path == src / "app" / "_background_tasks.py"
    assert package_helper(src / "app" / "data" / "x.py") is None  # in no package itself
    # the project context looks up from a folder that is no package to the nearest one
    assert _package_root(src / "app" / "data") == src
    assert _package_root(loop.parent) == src
    assert _package_root(src) is None
