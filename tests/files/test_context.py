"""Which folder is a run's project (files/context.py): the configuration's folder, else the
repository root, else the folder above the outermost package, else none."""

from __future__ import annotations

from pathlib import Path

from taskleak.files.context import context_root
from taskleak.settings import Settings


def _touch(path: Path, text: str = "") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_the_configuration_folder_comes_first(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    module = _touch(tmp_path / "service" / "pkg" / "__init__.py")
    configured = Settings(project_root=(tmp_path / "service").resolve())
    assert context_root([module], configured) == (tmp_path / "service").resolve()


def test_a_configuration_the_paths_are_not_in_is_not_their_project(tmp_path: Path) -> None:
    """`--config ~/shared/taskleak.toml x.py`: the shared folder is no project of x.py."""
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    module = _touch(tmp_path / "repo" / "x.py")
    elsewhere = Settings(project_root=(tmp_path / "shared").resolve())
    assert context_root([module], elsewhere) == tmp_path / "repo"


def test_the_repository_root_then(tmp_path: Path) -> None:
    (tmp_path / ".git").write_text("gitdir: elsewhere\n")  # a worktree's or submodule's
    module = _touch(tmp_path / "a" / "b" / "x.py")
    assert context_root([module], Settings()) == tmp_path
    assert context_root([tmp_path / "a"], Settings()) == tmp_path


def test_the_folder_above_the_outermost_package_then(tmp_path: Path) -> None:
    _touch(tmp_path / "wheel" / "pkg" / "__init__.py")
    module = _touch(tmp_path / "wheel" / "pkg" / "sub" / "x.py")
    assert context_root([module], Settings()) == tmp_path / "wheel"  # sub: a namespace part
    _touch(tmp_path / "wheel" / "pkg" / "sub" / "__init__.py")
    assert context_root([module], Settings()) == tmp_path / "wheel"
    assert context_root([tmp_path / "wheel" / "pkg"], Settings()) == tmp_path / "wheel"


def test_no_project_for_loose_scripts(tmp_path: Path) -> None:
    script = _touch(tmp_path / "script.py")
    assert context_root([script], Settings()) is None
    assert context_root([tmp_path], Settings()) is None


def test_several_paths_share_their_common_folder(tmp_path: Path) -> None:
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    one = _touch(tmp_path / "repo" / "a" / "x.py")
    two = _touch(tmp_path / "repo" / "b" / "y.py")
    assert context_root([one, two], Settings()) == tmp_path / "repo"
