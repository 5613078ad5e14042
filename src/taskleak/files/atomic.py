"""Replacing a file's bytes atomically, without clobbering someone else's edit.

The new content goes to a temporary file in the same folder (same file system), is flushed to
disk, gets the old file's permission bits, and is renamed over the old file with `os.replace`:
readers see the old file or the new one, never half of one. Just before the rename the file is
read again; if its bytes are no longer the ones the fix started from (an editor saved it, a
formatter ran), nothing is written. A symlink is followed, so the link stays a link.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path


class FileChangedError(Exception):
    """The file changed on disk since it was read; it was not overwritten."""


def replace_file(path: Path, data: bytes, *, expected: bytes | None = None) -> None:
    """Write `data` to `path` atomically; with `expected`, only if the file still holds it.

    Raises FileChangedError when the file changed, OSError when it cannot be written.
    """
    real = Path(os.path.realpath(path))
    info = real.stat()
    if expected is not None and real.read_bytes() != expected:
        raise FileChangedError(f"{path} changed on disk since it was read; not overwritten")
    fd, tmp = tempfile.mkstemp(prefix=f".{real.name}.", suffix=".taskleak.tmp", dir=real.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, stat.S_IMODE(info.st_mode))  # mkstemp creates 0600
        if hasattr(os, "chown"):
            with contextlib.suppress(OSError):  # only root may give a file away
                os.chown(tmp, info.st_uid, info.st_gid)
        if expected is not None and real.read_bytes() != expected:
            raise FileChangedError(f"{path} changed on disk since it was read; not overwritten")
        os.replace(tmp, real)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
