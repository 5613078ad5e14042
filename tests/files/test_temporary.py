"""files/temporary.py: a killed write's temporary file is recognised and removed by a later run;
a live writer's never is; nothing else is ever removed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from taskleak.files import temporary
from taskleak.files.temporary import (
    STALE_SECONDS,
    TEMP_SUFFIX,
    create_temporary,
    is_temporary,
    remove_stale,
)

NAME = f".a.py.0123456789ab{TEMP_SUFFIX}"


def test_names() -> None:
    assert is_temporary(NAME) and is_temporary(f".x y.py.abcdef012345{TEMP_SUFFIX}")
    for name in ("a.py", f"a.py{TEMP_SUFFIX}", f".a.py.0123{TEMP_SUFFIX}",
                 f".a.py.0123456789AB{TEMP_SUFFIX}", f"a.py.0123456789ab{TEMP_SUFFIX}",
                 f".a.py.0123456789ab{TEMP_SUFFIX}.py", "b.tmp"):
        assert not is_temporary(name), name


def test_a_live_writers_file_is_kept_and_a_dead_ones_removed(tmp_path: Path) -> None:
    fd, tmp = create_temporary(tmp_path / "a.py", private=True)
    try:
        assert is_temporary(os.path.basename(tmp))
        assert remove_stale([tmp]) == []  # its writer holds the lock
        assert os.path.exists(tmp)
    finally:
        os.close(fd)  # the writer is gone (as when killed): the lock with it
    assert remove_stale([tmp]) == [tmp]
    assert not os.path.exists(tmp)


KILLED_WRITER = textwrap.dedent("""
    import os, sys, time
    from pathlib import Path
    from taskleak.files.temporary import create_temporary
    fd, tmp = create_temporary(Path(sys.argv[1]) / "a.py", private=True)
    os.write(fd, b"half a fi")
    print(tmp, flush=True)
    time.sleep(600)
""")


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="no SIGKILL here")
def test_the_file_of_a_writer_killed_mid_write_is_removed(tmp_path: Path) -> None:
    proc = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, str(tmp_path)],
                            stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        tmp = proc.stdout.readline().strip()
        assert remove_stale([tmp]) == []  # alive, writing
    finally:
        proc.kill()
        proc.wait(timeout=60)
    assert remove_stale([tmp]) == [tmp]  # right away: no need to wait minutes
    assert list(tmp_path.iterdir()) == []


def test_only_this_users_regular_files_named_so_are_removed(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text("mine\n")
    (tmp_path / "a.py.taskleak.tmp").write_text("not named like ours\n")
    os.mkdir(tmp_path / NAME.replace("0123", "4444"))  # a folder named like one
    (tmp_path / NAME.replace("0123", "5555")).symlink_to(tmp_path / "a.py")
    paths = [str(p) for p in tmp_path.iterdir()]
    assert remove_stale(paths) == []
    assert len(list(tmp_path.iterdir())) == 4
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        theirs = tmp_path / NAME
        theirs.write_text("another user's killed run\n")
        os.chown(theirs, 1234, 1234)
        os.utime(theirs, (0, 0))
        assert remove_stale([str(theirs)]) == []


def test_without_locks_only_old_files_are_stale(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """Where locks do not work (some network file systems, Windows), age decides."""
    monkeypatch.setattr(temporary, "fcntl", None)
    young, old = tmp_path / NAME, tmp_path / NAME.replace("0123", "9999")
    young.write_text("x")
    old.write_text("x")
    os.utime(old, (time.time() - STALE_SECONDS - 5,) * 2)
    assert remove_stale([str(young), str(old)]) == [str(old)]
    assert young.exists()


def test_a_writer_whose_new_file_a_cleaner_took_starts_over(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A cleaner may take a new file for a dead writer's between its creation and its lock: the
    writer then sees it unlinked and makes another, so the cleaner never costs a write."""
    real_lock = temporary._lock
    taken: list[str] = []

    def cleaner_first(fd: int, *, wait: bool) -> bool | None:
        if not taken:
            (name,) = [p for p in tmp_path.iterdir() if is_temporary(p.name)]
            taken.append(str(name))
            name.unlink()
        return real_lock(fd, wait=wait)

    monkeypatch.setattr(temporary, "_lock", cleaner_first)
    fd, tmp = create_temporary(tmp_path / "a.py", private=True)
    os.close(fd)
    assert taken and tmp != taken[0] and os.path.exists(tmp)
