"""files/atomic.py: whole files or nothing, the right permission bits, symlinks followed,
temporary files removed on failure, and no write over a file that changed on disk."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from taskleak.files import atomic
from taskleak.files.atomic import FileChangedError, is_temporary, replace_file, write_file


@pytest.fixture
def umask_027() -> Iterator[None]:
    old = os.umask(0o027)
    try:
        yield
    finally:
        os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _fail_replace(monkeypatch: pytest.MonkeyPatch, seen: list[str] | None = None) -> None:
    def fail(src: str, dst: str) -> None:
        if seen is not None:
            seen.append(src)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)


@pytest.mark.usefixtures("umask_027")
def test_a_new_file_gets_the_mode_of_any_new_file(tmp_path: Path) -> None:
    target = tmp_path / "new.json"
    write_file(target, b"{}\n")
    assert target.read_bytes() == b"{}\n"
    assert _mode(target) == 0o640  # 0o666 less the umask, not mkstemp's 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["new.json"]


@pytest.mark.usefixtures("umask_027")
@pytest.mark.parametrize("mode", [0o600, 0o644, 0o755])
def test_an_existing_file_keeps_its_mode(tmp_path: Path, mode: int) -> None:
    target = tmp_path / "b.json"
    target.write_bytes(b"old")
    target.chmod(mode)
    write_file(target, b"new")
    assert target.read_bytes() == b"new" and _mode(target) == mode
    path = tmp_path / "a.py"
    path.write_bytes(b"old")
    path.chmod(mode)
    replace_file(path, b"new", expected=b"old")
    assert path.read_bytes() == b"new" and _mode(path) == mode


def test_a_private_file_is_never_readable_by_others_while_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "secret.json"
    target.write_bytes(b"old")
    target.chmod(0o600)
    modes: list[int] = []
    real_fsync = os.fsync

    def record(fd: int) -> None:
        modes.append(stat.S_IMODE(os.fstat(fd).st_mode))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", record)
    write_file(target, b"new")
    assert modes == [0o600]


def test_write_file_follows_a_symlink(tmp_path: Path) -> None:
    (tmp_path / "ci").mkdir()
    real = tmp_path / "ci" / "baseline.json"
    real.write_bytes(b"old")
    link = tmp_path / "baseline.json"
    link.symlink_to(real)
    write_file(link, b"new")
    assert link.is_symlink() and real.read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["baseline.json", "ci"]


def test_the_temporary_file_is_next_to_the_real_file_with_a_recognisable_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "ci").mkdir()
    real = tmp_path / "ci" / "b.json"
    real.write_bytes(b"old")
    (tmp_path / "b.json").symlink_to(real)
    seen: list[str] = []
    _fail_replace(monkeypatch, seen)
    with pytest.raises(OSError, match="No space left"):
        write_file(tmp_path / "b.json", b"new")
    (tmp,) = seen
    assert Path(tmp).parent == real.parent  # same file system: os.replace can rename it
    assert is_temporary(Path(tmp).name) and Path(tmp).name.startswith(".b.json.")
    assert not is_temporary("b.json") and not is_temporary("b.tmp.json")


def test_make_parents(tmp_path: Path) -> None:
    target = tmp_path / "out" / "deep" / "report.json"
    with pytest.raises(FileNotFoundError):
        write_file(target, b"x")
    assert not (tmp_path / "out").exists()
    write_file(target, b"x", make_parents=True)
    assert target.read_bytes() == b"x"


@pytest.mark.parametrize("existing", [True, False])
def test_a_failed_rename_removes_the_temporary_file_and_keeps_the_old_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, existing: bool
) -> None:
    target = tmp_path / "c.json"
    if existing:
        target.write_bytes(b"old")
    _fail_replace(monkeypatch)
    with pytest.raises(OSError, match="No space left"):
        write_file(target, b"new")
    assert [p.name for p in tmp_path.iterdir()] == (["c.json"] if existing else [])
    if existing:
        assert target.read_bytes() == b"old"


def test_an_interrupted_write_removes_the_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "c.json"
    target.write_bytes(b"old")

    def interrupt(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupt)
    with pytest.raises(KeyboardInterrupt):
        write_file(target, b"new")
    assert [p.name for p in tmp_path.iterdir()] == ["c.json"]
    assert target.read_bytes() == b"old"


def test_replace_file_refuses_a_file_changed_while_it_was_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.py"
    path.write_bytes(b"original\n")
    real_fsync = os.fsync

    def editor_saves(fd: int) -> None:  # after the first check, before the rename
        path.write_bytes(b"theirs\n")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", editor_saves)
    with pytest.raises(FileChangedError, match="changed on disk"):
        replace_file(path, b"fixed\n", expected=b"original\n")
    assert path.read_bytes() == b"theirs\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.py"]


def test_replace_file_needs_an_existing_file(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        replace_file(tmp_path / "gone.py", b"x")
    assert list(tmp_path.iterdir()) == []


def test_replace_file_without_expected_just_replaces(tmp_path: Path) -> None:
    path = tmp_path / "a.py"
    path.write_bytes(b"anything\n")
    replace_file(path, b"new\n")
    assert path.read_bytes() == b"new\n"


def test_a_taken_temporary_name_is_not_reused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "c.json"
    taken = tmp_path / f".c.json.{'00' * 6}{atomic.TEMP_SUFFIX}"
    taken.write_bytes(b"someone else's")
    names = iter([b"\0" * 6, b"\1" * 6])
    monkeypatch.setattr(os, "urandom", lambda n: next(names))
    write_file(target, b"new")
    assert target.read_bytes() == b"new" and taken.read_bytes() == b"someone else's"
