"""`taskleak fix` on whole package trees (`trees/<case>/before/`): the fixed tree must be
exactly `after/` (every file, the package's keep-helper module included, and no other), and
the case's `drive.py`, run in the tree, prints what it printed before the fix plus what the
fix adds (`OUTPUT_ADDED`).

`namespace_subpackage` (discord.py 2.7.1, issue 70): `chat/ext/` has no `__init__.py`, so
`chat.ext.commands` is a namespace sub-package of `chat`; its fixes import the one keep-helper
of `chat` (absolutely where the module reaches `chat` absolutely, relatively where its own
relative imports climb that far), never a helper of their own.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import TESTS, fix_paths

from taskleak.fixes.package_helper import package_helper
from taskleak.settings import Settings

TREES = TESTS / "fixes" / "trees"
OUTPUT_ADDED = {"namespace_subpackage": "kept 3\n"}  # the helper holds one task of each


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and "__pycache__" not in p.parts}


def _drive(case: Path, tree: Path) -> str:
    done = subprocess.run([sys.executable, "-B", str(case / "drive.py")], cwd=tree,
                          env={"PYTHONPATH": str(tree)}, capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_every_tree_has_both_sides_and_a_driver() -> None:
    assert sorted(p.name for p in TREES.iterdir() if p.is_dir()) == sorted(OUTPUT_ADDED)
    for name in OUTPUT_ADDED:
        assert {p.name for p in (TREES / name).iterdir()} >= {"before", "after", "drive.py"}


@pytest.mark.parametrize("name", sorted(OUTPUT_ADDED))
def test_the_fixed_tree_is_the_after_tree_and_runs(name: str, tmp_path: Path) -> None:
    case = TREES / name
    tree = tmp_path / "tree"
    shutil.copytree(case / "before", tree)
    fixes = fix_paths([tree], Settings())
    assert not fixes.errors, fixes.errors
    assert len(fixes.created) == 1  # one keep-helper module for the whole package
    assert _files(tree) == _files(case / "after")
    assert _drive(case, tree) == OUTPUT_ADDED[name] + _drive(case, case / "before")
    again = fix_paths([tree], Settings())
    assert (again.applied, again.created) == ([], [])


def _touch(*paths: Path) -> None:
    for path in paths:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("")


def test_a_namespace_sub_package_takes_the_helper_of_the_package_around_it(
        tmp_path: Path) -> None:
    bot = tmp_path / "chat" / "ext" / "commands" / "bot.py"
    _touch(tmp_path / "chat" / "__init__.py", bot.parent / "__init__.py", bot)
    helper = package_helper(bot)
    assert helper is not None
    assert (helper.module, helper.path) == ("chat._background_tasks",
                                            tmp_path / "chat" / "_background_tasks.py")
    assert (helper.package, helper.namespace) == ("chat.ext.commands", True)
    inside = package_helper(tmp_path / "chat" / "client.py")
    assert inside is not None and (inside.package, inside.namespace) == ("chat", False)


@pytest.mark.parametrize(("gap", "project"), [("src", "pyproject.toml"), ("src", ".git"),
                                             ("ext-old", "")])
def test_a_project_folder_or_a_folder_import_cannot_name_is_no_namespace_sub_package(
        tmp_path: Path, gap: str, project: str) -> None:
    """A stray `__init__.py` beside pyproject.toml over `src/app`, and `ext-old/` (no import
    reaches it): the helper stays in `app`."""
    if project:
        (tmp_path / project).write_text("")
    loop = tmp_path / gap / "app" / "loop.py"
    _touch(tmp_path / "__init__.py", loop.parent / "__init__.py", loop)
    helper = package_helper(loop)
    assert helper is not None
    assert (helper.module, helper.namespace) == ("app._background_tasks", False)
