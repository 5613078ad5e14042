"""Special files and unreadable folders through the real command line (issue 15): a FIFO or a
link to a pipe in the tree never blocks and is listed as skipped in every report; given as a
path, a FIFO or a device is a usage error; a folder that cannot be listed is reported.

Each run has a generous subprocess timeout: a bound against hanging (before, these runs blocked
until killed), not a timing.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from unprivileged import shared_folder, taskleak_as, unprivileged

SPAWN = "import asyncio\n\nasync def main():\n    asyncio.create_task(work())\n"
BOUND = 30  # seconds: far more than any of these runs takes; they used to hang forever

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")


def taskleak(*args: str, cwd: Path, stdin: int | None = subprocess.DEVNULL
             ) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "taskleak", *args], cwd=cwd, stdin=stdin,
                          capture_output=True, text=True, timeout=BOUND, check=False)


def _tree_with_fifo(root: Path) -> None:
    (root / "t").mkdir()
    (root / "t" / "a.py").write_text(SPAWN)
    os.mkfifo(root / "t" / "x.py")


@needs_fifo
def test_a_fifo_in_the_tree_is_skipped_not_waited_for(tmp_path: Path) -> None:
    _tree_with_fifo(tmp_path)
    proc = taskleak("check", "--no-cache", "--format", "json", "t", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr  # a.py's finding; no hang, no error
    doc = json.loads(proc.stdout)
    # the FIFO is never opened: an error of file-not-analysed, and a skipped file
    assert [(f["path"], f["rule"]) for f in doc["findings"]] == [("t/a.py", "TL101"),
                                                                 ("t/x.py", "TL800")]
    assert doc["skipped"] == [{"path": "t/x.py", "line": None,
                               "reason": "not a regular file (a FIFO or pipe)"}]


@needs_fifo
@pytest.mark.parametrize("fmt", ["text", "sarif", "github", "markdown"])
def test_the_skipped_fifo_is_in_every_report(tmp_path: Path, fmt: str) -> None:
    _tree_with_fifo(tmp_path)
    proc = taskleak("check", "--no-cache", "--format", fmt, "t", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert "x.py" in proc.stdout and "not a regular file (a FIFO or pipe)" in proc.stdout


@needs_fifo
def test_fix_skips_a_fifo_and_fixes_the_rest(tmp_path: Path) -> None:
    _tree_with_fifo(tmp_path)
    proc = taskleak("fix", "--no-cache", "t", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr  # the FIFO was not analysed
    assert (tmp_path / "t" / "a.py").read_text() != SPAWN  # fixed
    assert ("t/x.py:1:1: TL800 file not analysed: not a regular file (a FIFO or pipe)"
            in proc.stderr)


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="no /dev/stdin link to a pipe")
def test_a_link_to_stdin_while_stdin_is_a_pipe(tmp_path: Path) -> None:
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "a.py").write_text(SPAWN)
    (tmp_path / "t" / "x.py").symlink_to("/dev/stdin")
    read_end, write_end = os.pipe()  # nobody writes: a read would wait forever
    try:
        proc = taskleak("check", "--no-cache", "--format", "json", "t", cwd=tmp_path,
                        stdin=read_end)
    finally:
        os.close(read_end)
        os.close(write_end)
    assert proc.returncode == 1, proc.stderr
    skipped = json.loads(proc.stdout)["skipped"]
    assert skipped == [{"path": "t/x.py", "line": None,
                        "reason": "not a regular file (a FIFO or pipe)"}]


@needs_fifo
@pytest.mark.parametrize("command", ["check", "fix"])
def test_a_fifo_given_as_a_path_is_a_usage_error(tmp_path: Path, command: str) -> None:
    os.mkfifo(tmp_path / "x.py")
    proc = taskleak(command, "--no-cache", "x.py", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr == "taskleak: error: x.py: not a file or folder to check " \
                          "(a FIFO or pipe)\n"


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero here")
def test_dev_zero_given_as_a_path_is_a_usage_error(tmp_path: Path) -> None:
    proc = taskleak("check", "--no-cache", "/dev/zero", cwd=tmp_path)
    assert proc.returncode == 2  # before: "Scanned 0 files", exit 0
    assert proc.stderr == "taskleak: error: /dev/zero: not a file or folder to check " \
                          "(a character device)\n"


@pytest.mark.parametrize("cache", [False, True])
def test_a_folder_that_cannot_be_read_is_reported_as_skipped(cache: bool) -> None:
    user = unprivileged()
    if isinstance(user, str):
        pytest.skip(user)
    prefix, uid = user
    with shared_folder() as root:
        (root / "t" / "locked").mkdir(parents=True)
        (root / "t" / "a.py").write_text(SPAWN)
        (root / "t" / "locked" / "b.py").write_text(SPAWN)
        (root / "t" / "locked").chmod(0)
        if cache:
            os.chown(root, uid, -1)  # the cache folder goes in here
        args = ["check", "--format", "json", "t"] + ([] if cache else ["--no-cache"])
        for _ in range(2 if cache else 1):  # cold, then warm
            proc = taskleak_as(prefix, args, cwd=root)
            assert proc.returncode == 1, proc.stderr
            doc = json.loads(proc.stdout)
            assert [(f["path"], f["rule"]) for f in doc["findings"]] == [("t/a.py", "TL101"),
                                                                         ("t/locked", "TL800")]
            assert doc["skipped"] == [{"path": "t/locked", "line": None,
                                       "reason": "folder cannot be listed: Permission denied"}]


KILLED_WRITER = """
import os, sys, time
from pathlib import Path
from taskleak.files.temporary import create_temporary
fd, tmp = create_temporary(Path(sys.argv[1]), private=True)
os.write(fd, sys.argv[2].encode())
print(tmp, flush=True)
time.sleep(600)
"""


def _killed_fix(target: Path, data: str) -> Path:
    """The temporary file a `taskleak fix` killed while writing `target` leaves."""
    proc = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, str(target), data],
                            stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        tmp = Path(proc.stdout.readline().strip())
    finally:
        proc.kill()
        proc.wait(timeout=BOUND)
    assert tmp.exists()
    return tmp


@pytest.mark.parametrize("command", ["check", "fix"])
@pytest.mark.parametrize("cache", [False, True])
def test_a_killed_fixs_temporary_file_is_removed_never_checked(
        tmp_path: Path, command: str, cache: bool) -> None:
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "a.py").write_text(SPAWN)
    cache_args = ["--no-cache"] if not cache else \
        ["--cache-dir", str(tmp_path / "cache")] if command == "check" else []
    if cache:  # a warm run afterwards: the folder is listed again, it changed
        assert taskleak(command, *cache_args, "t", cwd=tmp_path).returncode in (0, 1)
        (tmp_path / "t" / "a.py").write_text(SPAWN)
    tmp = _killed_fix(tmp_path / "t" / "a.py", SPAWN)
    proc = taskleak(command, *cache_args, "t", cwd=tmp_path)
    assert proc.returncode in (0, 1), proc.stderr
    assert not tmp.exists()
    assert sorted(p.name for p in (tmp_path / "t").iterdir()) == ["a.py"]
    assert tmp.name not in proc.stdout + proc.stderr  # never checked, never reported


def test_cache_dir_pointed_at_a_users_folder_deletes_nothing_of_theirs(tmp_path: Path) -> None:
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "a.py").write_text(SPAWN)
    mine = tmp_path / "mine"
    theirs = {"1.0/notes.txt": "y", "2.0/0123456789abcdef.json": "{}", "readme.txt": "z"}
    for name, text in theirs.items():
        (mine / name).parent.mkdir(parents=True, exist_ok=True)
        (mine / name).write_text(text)
    (mine / "2024").mkdir()
    for _ in range(2):  # cold, then warm
        proc = taskleak("check", "--cache-dir", "mine", "t", cwd=tmp_path)
        assert proc.returncode == 1, proc.stderr
    assert all((mine / name).read_text() == text for name, text in theirs.items())
    assert (mine / "2024").is_dir()  # before: 2024/ and 2.0/ were deleted
