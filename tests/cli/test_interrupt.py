"""Ctrl-C (SIGINT to the process group, as a terminal sends it) ends `check` and `fix` with exit
130 and no traceback, as other command lines do (issue 15: it was exit 1, the findings code):
no worker of the process pool is left behind, no file half-written, no temporary file left.

Each run is started in its own session and signalled once it is known to be at the stage the
test is about (workers running, a file fixed); subprocess timeouts bound them against hanging.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

BOUND = 120  # seconds: a bound against hanging, not a timing
pytestmark = pytest.mark.skipif(not os.path.isdir("/proc") or not hasattr(os, "killpg"),
                                reason="needs process groups and /proc to watch the workers")


def _leaky_tree(root: Path, files: int, spawns: int) -> dict[str, bytes]:
    root.mkdir(parents=True)
    body = ("import asyncio\n\n" + "".join(
        f"async def f{i}():\n    asyncio.create_task(work())\n" for i in range(spawns))).encode()
    out = {}
    for i in range(files):
        (root / f"m{i:03d}.py").write_bytes(body)
        out[f"m{i:03d}.py"] = body
    return out


def _group(pgid: int) -> list[int]:
    """The processes of a process group (from /proc), zombies included."""
    out = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as fh:
                    fields = fh.read().rsplit(b")", 1)[1].split()
            except OSError:
                continue
            if int(fields[2]) == pgid:
                out.append(int(entry))
    return out


def _start(args: list[str], cwd: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "taskleak", *args], cwd=cwd,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)


def _interrupt_when(proc: subprocess.Popen[bytes], ready: object) -> tuple[bytes, bytes]:
    """Send SIGINT to the run's group once `ready()` holds; its (stdout, stderr)."""
    deadline = time.monotonic() + BOUND
    while not ready():  # type: ignore[operator]
        if proc.poll() is not None:
            pytest.skip("the run ended before it reached the stage to interrupt")
        assert time.monotonic() < deadline, "the run never reached the stage to interrupt"
        time.sleep(0.005)
    os.killpg(proc.pid, signal.SIGINT)
    return proc.communicate(timeout=BOUND)


def test_check_with_its_workers_running_exits_130_and_leaves_none(tmp_path: Path) -> None:
    _leaky_tree(tmp_path / "t", files=200, spawns=400)  # a pool's worth of parsing
    proc = _start(["check", "--no-cache", "--jobs", "2", "--format", "json", "t"], tmp_path)
    try:
        out, err = _interrupt_when(proc, lambda: len(_group(proc.pid)) >= 3)  # 2 workers up
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 130, err
    assert b"Traceback" not in err
    assert err.strip().splitlines()[-1] == b"taskleak: interrupted"
    assert out == b""  # no report of half a run
    assert _group(proc.pid) == []  # no worker left behind


@pytest.mark.slow
def test_fix_interrupted_while_writing_leaves_whole_files(tmp_path: Path) -> None:
    original = _leaky_tree(tmp_path / "whole" / "t", files=40, spawns=20)
    done = subprocess.run([sys.executable, "-m", "taskleak", "fix", "--no-cache", "t"],
                          cwd=tmp_path / "whole", capture_output=True, timeout=BOUND,
                          check=False)
    assert done.returncode == 0, done.stderr
    fixed = {name: (tmp_path / "whole" / "t" / name).read_bytes() for name in original}
    assert all(fixed[n] != original[n] for n in original)
    work = tmp_path / "work"
    shutil.copytree(tmp_path / "whole", work, dirs_exist_ok=False)
    for name, data in original.items():
        (work / "t" / name).write_bytes(data)

    def some_fixed() -> bool:
        return (work / "t" / "m000.py").read_bytes() != original["m000.py"]

    proc = _start(["fix", "--no-cache", "t"], work)
    try:
        _, err = _interrupt_when(proc, some_fixed)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 130, err
    assert b"Traceback" not in err
    names = sorted(p.name for p in (work / "t").iterdir())
    assert names == sorted(original)  # no temporary file left
    for name in original:  # each file whole: as it was, or as fixed
        assert (work / "t" / name).read_bytes() in (original[name], fixed[name]), name
