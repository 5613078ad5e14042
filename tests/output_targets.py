"""Hostile places for output, shared by the report, baseline and command-line tests: a file name
that is not valid UTF-8, and devices like /dev/full and /dev/null.

A device is made with mknod in the test's own folder when this user may (root): the code under
test writing over it (renaming a file onto it) then spoils nothing outside the test. Without
mknod the system's device is used only where this user cannot replace it (not root).
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

UNDECODABLE = b"caf\xe9.py"  # Latin-1 'café.py': not valid UTF-8
SHOWN = "caf\\xe9.py"  # how every report shows it
URI = "caf%E9.py"  # how SARIF names it
LEAKY = b"import asyncio\n\n\nasync def handler(msg):\n    asyncio.create_task(send(msg))\n"

DEVICES = {"full": 7, "null": 3}  # Linux's character devices (major 1) and their minors


def undecodable_name() -> str:
    """`UNDECODABLE` as Python names it (`os.fsdecode`: a lone surrogate for the byte)."""
    if sys.getfilesystemencoding().lower() not in ("utf-8", "utf8"):
        pytest.skip("file names are not UTF-8 bytes here, so none is undecodable")
    return os.fsdecode(UNDECODABLE)


def undecodable_file(folder: Path, content: bytes = LEAKY) -> Path:
    """`folder/caf\\xe9.py` holding `content`; skips where the file system refuses the name."""
    path = folder / undecodable_name()
    try:
        path.write_bytes(content)
    except OSError as exc:  # macOS (APFS) refuses names that are not valid UTF-8
        pytest.skip(f"this file system refuses a file name that is not valid UTF-8: {exc}")
    return path


def device(folder: Path, name: str) -> Path:
    """A character device like /dev/`name` ("full": every write fails with ENOSPC; "null")."""
    path = folder / name
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, DEVICES[name]))
        os.close(os.open(path, os.O_WRONLY))  # a file system mounted nodev refuses this
        return path
    except (OSError, AttributeError):  # not root, nodev, or no mknod (Windows)
        path.unlink(missing_ok=True)
    system = Path("/dev") / name
    if hasattr(os, "geteuid") and os.geteuid() != 0 and system.exists():
        return system  # this user cannot replace it, even through a bug
    pytest.skip(f"no /dev/{name} to write to: neither mknod nor a system one safe to use")


def is_device(path: Path) -> bool:
    return stat.S_ISCHR(os.stat(path).st_mode)
