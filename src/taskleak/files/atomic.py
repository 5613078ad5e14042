"""Writing a file's bytes atomically: readers see the old file or the new one, never half of one.

The new content goes to a temporary file in the target's folder (same file system), is flushed
to disk, gets the old file's permission bits and owner (a new file gets what any new file gets:
0o666 less the umask), and is renamed over the target with `os.replace`. A symlink is followed,
so the link stays a link. The temporary file is removed on any failure; one left behind by a
killed process is named `.<name>.<random>.taskleak.tmp` (`is_temporary`), so a later run can
recognise and remove it.

Two entry points:
- `replace_file` rewrites a user's existing file (a fix): with `expected`, the file is read again
  just before the rename, and if its bytes are no longer the ones the fix started from (an
  editor saved it, a formatter ran), nothing is written;
- `write_file` writes a file taskleak owns (a cache file, a baseline, a runtime report), which
  may not exist yet.

Plain stdlib, and no `tempfile` (a warm run must not import it): the runtime plugin uses it too.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable
from pathlib import Path

TEMP_SUFFIX = ".taskleak.tmp"
_NEW_FILE_MODE = 0o666  # less the umask, applied by the kernel: what `open(path, "w")` makes


class FileChangedError(Exception):
    """The file changed on disk since it was read; it was not overwritten."""


def is_temporary(name: str) -> bool:
    """Whether a file name is one of `write_file`'s or `replace_file`'s temporary files."""
    return name.endswith(TEMP_SUFFIX)


def replace_file(path: Path, data: bytes, *, expected: bytes | None = None) -> None:
    """Write `data` over the existing file `path` atomically; with `expected`, only if the file
    still holds it.

    Raises FileChangedError when the file changed, OSError when it cannot be written (or does
    not exist).
    """
    real = Path(os.path.realpath(path))
    info = real.stat()

    def check() -> None:
        if expected is not None and real.read_bytes() != expected:
            raise FileChangedError(f"{path} changed on disk since it was read; not overwritten")

    check()
    _write(real, data, info, check)


def write_file(path: Path, data: bytes, *, make_parents: bool = False) -> None:
    """Write `data` to `path` atomically, whether or not it exists; with `make_parents`, create
    its missing folders first. An existing file keeps its permission bits and owner.

    Raises OSError when it cannot be written.
    """
    if make_parents:
        path.parent.mkdir(parents=True, exist_ok=True)
    real = Path(os.path.realpath(path))
    try:
        info: os.stat_result | None = real.stat()
    except FileNotFoundError:
        info = None
    _write(real, data, info, None)


def _write(real: Path, data: bytes, info: os.stat_result | None,
           check: Callable[[], None] | None) -> None:
    """Write `data` to a temporary file next to `real` and rename it over `real`. `info`: the
    stat of the file replaced (None: a new file); `check`: called just before the rename."""
    fd, tmp = _create_temporary(real, private=info is not None)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
            if info is not None:
                _copy_mode_and_owner(handle.fileno(), tmp, info)
        if check is not None:
            check()
        os.replace(tmp, real)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _create_temporary(real: Path, *, private: bool) -> tuple[int, str]:
    """Create `.<name>.<random>.taskleak.tmp` next to `real`; returns (fd, path). `private`: it
    replaces an existing file, whose mode is copied afterwards: created 0o600 until then, so a
    file others may not read is never readable by them, even for a moment."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    mode = 0o600 if private else _NEW_FILE_MODE
    for _ in range(100):
        tmp = str(real.parent / f".{real.name}.{os.urandom(6).hex()}{TEMP_SUFFIX}")
        try:
            return os.open(tmp, flags, mode), tmp
        except FileExistsError:
            continue
    raise FileExistsError(f"no unused temporary file name next to {real}")  # pragma: no cover


def _copy_mode_and_owner(fd: int, tmp: str, info: os.stat_result) -> None:
    now = os.fstat(fd)
    wanted = stat.S_IMODE(info.st_mode)
    if stat.S_IMODE(now.st_mode) != wanted:  # equal on a file system without modes: no chmod
        os.chmod(tmp, wanted)
    if hasattr(os, "chown") and (now.st_uid, now.st_gid) != (info.st_uid, info.st_gid):
        with contextlib.suppress(OSError):  # only root may give a file away
            os.chown(tmp, info.st_uid, info.st_gid)
