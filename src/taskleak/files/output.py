"""Writing what a user asked for (`--output-file`, `--write-baseline`) where they asked.

A regular file (or a new one) is written atomically (`atomic.write_file`): on any failure the
file is left as it was, never half-written. Something else that can be written, a device
(`/dev/null`, `/dev/stdout`) or a FIFO, is written in place: a rename over it would replace the
device node (as root) or fail, not write to it. Missing folders are created (ruff does too).

Every failure is an `OutputError`, whose message is `cannot write <where>: <reason>`.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from taskleak.files import atomic
from taskleak.files.printable import printable


class OutputError(Exception):
    """Output that could not be written: `cannot write <where>: <reason>`."""

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(printable(f"cannot write {where}: {reason}"))

    @classmethod
    def from_os_error(cls, where: str, error: OSError) -> OutputError:
        return cls(where, error.strerror or str(error))


def write_target(path: Path, data: bytes, *, where: str) -> None:
    """Write `data` to `path` (see the module docstring); `where` names it in an error."""
    above = next((p for p in path.parents if p.exists()), None)
    if above is not None and not above.is_dir():
        raise OutputError(where, f"{above} is not a folder")
    try:
        mode = os.stat(path).st_mode
    except OSError:
        mode = None  # a new file (or one stat cannot see: the write says why)
    try:
        if mode is not None and not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
            with open(path, "wb") as target:  # a device or a FIFO: in place
                target.write(data)
        else:
            atomic.write_file(path, data, make_parents=True)
    except OSError as exc:
        raise OutputError.from_os_error(where, exc) from None
