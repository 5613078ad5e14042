"""The run's second round: which files may answer a module's question."""

from __future__ import annotations

import os

import pytest

from taskleak.run import complete
from taskleak.run.complete import Folders


def _paths(*names: str) -> list[str]:
    return [os.path.join(os.sep, "p", *n.split("/")) for n in names]


def test_a_package_is_its_folder_and_below_not_a_sibling_with_the_same_prefix(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(complete, "MAX_PACKAGE_FILES", 3)  # the whole tree (5) is too wide
    paths = _paths("a/x.py", "a/b/y.py", "ab/z.py", "c/w.py", "a/b/c/v.py")
    folders = Folders(paths)
    got = folders.in_package(os.path.join(os.sep, "p", "a"))
    assert sorted(paths[i] for i in got) == sorted(_paths("a/x.py", "a/b/y.py", "a/b/c/v.py"))
    assert [paths[i] for i in folders.in_package(os.path.join(os.sep, "p", "ab"))] == \
        _paths("ab/z.py")


def test_a_package_widens_to_the_largest_folder_around_it_that_is_small_enough(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A helper in `app/util/` is called from `app/handlers/`: both are searched, not `other/`
    (the whole tree is over the limit)."""
    monkeypatch.setattr(complete, "MAX_PACKAGE_FILES", 3)
    paths = _paths("app/util/tasks.py", "app/handlers/presence.py", "app/main.py",
                   "other/x.py")
    got = Folders(paths).in_package(os.path.join(os.sep, "p", "app", "util"))
    assert sorted(paths[i] for i in got) == sorted(
        _paths("app/util/tasks.py", "app/handlers/presence.py", "app/main.py"))


def test_a_large_package_is_searched_only_at_its_own_level(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(complete, "MAX_PACKAGE_FILES", 2)
    paths = _paths("a/x.py", "a/y.py", "a/b/y.py", "a/b/z.py")
    got = Folders(paths).in_package(os.path.join(os.sep, "p", "a"))
    assert sorted(paths[i] for i in got) == sorted(_paths("a/x.py", "a/y.py"))
