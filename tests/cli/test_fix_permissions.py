"""`taskleak fix` honours permissions, run by a user who is not root (issue 15): a read-only file
is not fixed and the run goes on, another user's file stays theirs, hard links are not split."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from unprivileged import shared_folder, taskleak_as, unprivileged

SPAWN = "import asyncio\n\nasync def main():\n    asyncio.create_task(work())\n"
root_only = pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0,
                               reason="needs root, to make files another user owns")


@pytest.fixture
def user() -> tuple[list[str], int]:
    found = unprivileged()
    if isinstance(found, str):
        pytest.skip(found)
    return found


@pytest.fixture
def tree(user: tuple[list[str], int]) -> Iterator[Path]:
    """`t/` with two leaking files, all the user's."""
    _, uid = user
    with shared_folder() as root:
        (root / "t").mkdir()
        for name in ("a.py", "b.py"):
            (root / "t" / name).write_text(SPAWN)
        for path in (root, root / "t", root / "t" / "a.py", root / "t" / "b.py"):
            os.chown(path, uid, uid)
        yield root


def _state(path: Path) -> tuple[str, int, int, int, int]:
    info = os.stat(path)
    return (path.read_text(), info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode), info.st_ino)


def test_a_read_only_file_is_not_fixed_and_the_run_goes_on(
        user: tuple[list[str], int], tree: Path) -> None:
    a = tree / "t" / "a.py"
    a.chmod(0o444)
    before = _state(a)
    proc = taskleak_as(user[0], ["fix", "--no-cache", "t"], cwd=tree)
    assert "t/a.py: not fixed: read-only" in proc.stdout.splitlines()[-1], proc.stdout
    assert _state(a) == before  # not rewritten; mode, owner, inode kept
    assert (tree / "t" / "b.py").read_text() != SPAWN  # the next file is fixed
    assert proc.returncode == 1  # a.py's finding is left
    assert "Traceback" not in proc.stderr


@root_only
def test_roots_file_in_the_users_folder_stays_roots(
        user: tuple[list[str], int], tree: Path) -> None:
    a = tree / "t" / "a.py"
    os.chown(a, 0, 0)  # 0644: the user may not write it, yet may replace it in their folder
    before = _state(a)
    proc = taskleak_as(user[0], ["fix", "--no-cache", "t"], cwd=tree)
    assert "t/a.py: not fixed: read-only (owned by another user)" in proc.stdout, proc.stdout
    assert _state(a) == before and os.stat(a).st_uid == 0


@root_only
def test_another_users_file_they_may_write_is_not_made_theirs(
        user: tuple[list[str], int], tree: Path) -> None:
    _, uid = user
    a = tree / "t" / "a.py"
    os.chown(a, 1234, uid)  # a colleague's file, writable by the group the user is in
    a.chmod(0o664)
    before = _state(a)
    proc = taskleak_as(user[0], ["fix", "--no-cache", "t"], cwd=tree)
    assert "t/a.py: not fixed: owned by another user: a rewrite would make it yours" \
        in proc.stdout, proc.stdout
    assert _state(a) == before


def test_a_hard_linked_file_is_refused_not_split(
        user: tuple[list[str], int], tree: Path) -> None:
    a = tree / "t" / "a.py"
    (tree / "elsewhere").mkdir()
    same = tree / "elsewhere" / "same.py"
    os.link(a, same)
    proc = taskleak_as(user[0], ["fix", "--no-cache", "t"], cwd=tree)
    assert "t/a.py: not fixed: hard-linked (2 names)" in proc.stdout, proc.stdout
    assert os.stat(a).st_ino == os.stat(same).st_ino and os.stat(a).st_nlink == 2
    assert a.read_text() == same.read_text() == SPAWN
