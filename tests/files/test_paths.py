"""files/paths.py: paths relative to a folder, inside it or not, '/'-separated everywhere."""

from __future__ import annotations

import ntpath
import os
from pathlib import Path
from types import SimpleNamespace

import pytest

from taskleak.files import paths
from taskleak.files.paths import relative_if_inside, relative_path


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "project" / "pkg").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "project")
    return tmp_path / "project"


def test_relative_path_is_relative_to_the_current_folder(here: Path) -> None:
    assert relative_path(str(here / "pkg" / "m.py")) == "pkg/m.py"
    assert relative_path(here / "pkg" / "m.py") == "pkg/m.py"
    assert relative_path("pkg/./m.py") == "pkg/m.py"
    assert relative_path(here) == "."


def test_relative_path_to_a_root(here: Path) -> None:
    assert relative_path("pkg/m.py", here / "pkg") == "m.py"  # relative: from the current folder
    assert relative_path(str(here / "pkg" / "m.py"), str(here)) == "pkg/m.py"
    assert relative_path(here / "ci", here / "ci" / "baseline") == ".."


def test_relative_path_outside_the_root_climbs(here: Path) -> None:
    assert relative_path(here.parent / "other" / "x.py") == "../other/x.py"
    assert relative_path("pkg/m.py", here / "elsewhere") == "../pkg/m.py"


def test_relative_if_inside_keeps_a_path_outside_the_root(here: Path) -> None:
    outside = str(here.parent / "lib" / "x.py")
    assert relative_if_inside(outside) == outside
    assert relative_if_inside(outside, here) == outside
    assert relative_if_inside(str(here / "pkg" / "m.py")) == "pkg/m.py"
    assert relative_if_inside(str(here / "pkg" / "m.py"), str(here / "pkg")) == "m.py"
    assert relative_if_inside("pkg/m.py", "") == "pkg/m.py"  # "" is the current folder too
    assert relative_if_inside(str(here)) == "."


def test_a_name_that_starts_with_two_dots_is_still_inside(here: Path) -> None:
    path = str(here / "..hidden" / "m.py")
    assert relative_if_inside(path) == "..hidden/m.py"
    assert relative_path(path) == "..hidden/m.py"


@pytest.fixture
def windows(monkeypatch: pytest.MonkeyPatch) -> None:
    """paths.py as it runs on Windows: ntpath and backslashes."""
    fake = SimpleNamespace(path=ntpath, sep="\\", pardir="..", curdir=".", fspath=os.fspath)
    monkeypatch.setattr(paths, "os", fake)


@pytest.mark.usefixtures("windows")
def test_paths_are_slash_separated_on_windows() -> None:
    assert relative_path("C:\\proj\\pkg\\m.py", "C:\\proj") == "pkg/m.py"
    assert relative_path("C:\\lib\\x.py", "C:\\proj") == "../lib/x.py"
    assert relative_if_inside("C:\\proj\\pkg\\m.py", "C:\\proj") == "pkg/m.py"
    assert relative_if_inside("C:\\lib\\x.py", "C:\\proj") == "C:\\lib\\x.py"


@pytest.mark.usefixtures("windows")
def test_another_drive_on_windows() -> None:
    assert relative_path("D:\\pkg\\m.py", "C:\\proj") == "D:/pkg/m.py"
    assert relative_if_inside("D:\\pkg\\m.py", "C:\\proj") == "D:\\pkg\\m.py"
