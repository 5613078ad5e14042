"""Writing a file's bytes atomically: readers see the old file or the new one, never half of one.

The new content goes to a temporary file in the target's folder (same file system), is flushed
to disk, gets the old file's owner, group and permission bits (a new file gets what any new
file gets: 0o666 less the umask), and is renamed over the target with `os.replace`. A symlink is
followed, so the link stays a link. The temporary file is removed on any failure (Ctrl-C too);
one left behind by a killed process is named `.<name>.<random>.taskleak.tmp` and a later run
removes it (files/temporary.py).

Three entry points:
- `replace_file` rewrites a user's existing file (a fix). It writes only what a rename can
  replace with everything kept, and refuses (`NotWritableError`, with the reason) a file the
  user may not write ("read-only"), a hard-linked one (a rename would split the links), one
  owned by another user (a rename would make it the user's), one in a folder the user may not
  write, or one whose group cannot be given to the new file. Writing in place instead would
  keep all that, but a kill or a full disk halfway would leave half a file: never. With
  `expected`, the file is read again just before the rename, and if its bytes are no longer the
  ones the fix started from (an editor saved it, a formatter ran), nothing is written;
- `create_file` writes a new file of the user's (the package keep-helper module a fix
  imports), never over one that exists;
- `write_file` writes a file taskleak owns (a cache file, a baseline, a runtime report), which
  may not exist yet.

Plain stdlib, and no `tempfile` (a warm run must not import it): the runtime plugin uses it too.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Callable
from pathlib import Path

from taskleak.files.regular import NotRegularFileError, read_regular
from taskleak.files.temporary import TEMP_SUFFIX, create_temporary, is_temporary


class FileChangedError(Exception):
    """The file changed on disk since it was read; it was not overwritten."""


class NotWritableError(OSError):
    """`replace_file` will not write this file; `reason` says why ("read-only" ...)."""

    def __init__(self, reason: str, path: str = "") -> None:
        super().__init__(errno.EACCES, reason, path)
        self.reason = reason


def write_refusal(info: os.stat_result, *, euid: int | None, file_writable: bool,
                  folder_writable: bool) -> str | None:
    """Why an existing file (`info`: its stat) must not be replaced by a rename, or None.
    `euid`: the user writing (None: a system without owners); `file_writable`: whether that
    user may write the file itself, `folder_writable`: its folder."""
    foreign = euid is not None and info.st_uid != euid
    if not file_writable:
        return "read-only (owned by another user)" if foreign else "read-only"
    if info.st_nlink > 1:
        return (f"hard-linked ({info.st_nlink} names): a rewrite would split the links; "
                "not written in place either (not atomic)")
    if foreign and euid != 0:  # root gives the new file back to its owner
        return "owned by another user: a rewrite would make it yours"
    if not folder_writable:
        return "its folder is read-only: the file cannot be replaced"
    return None


def _may_write(path: str | Path, mode: int = os.W_OK) -> bool:
    """Whether this process (its effective user) may write `path`: the mode bits, ACLs and a
    read-only mount all count; root may write any file of a writable file system."""
    if os.access in os.supports_effective_ids:
        return os.access(path, mode, effective_ids=True)
    return os.access(path, mode)  # pragma: no cover - platforms without faccessat


def replace_file(path: Path, data: bytes, *, expected: bytes | None = None) -> None:
    """Write `data` over the existing file `path` atomically; with `expected`, only if the file
    still holds it.

    Raises FileChangedError when the file changed, NotWritableError when it must not be
    written (see the module docstring), OSError when it cannot be (or does not exist).
    """
    real = Path(os.path.realpath(path))
    info = real.stat()
    if not stat.S_ISREG(info.st_mode):
        raise NotRegularFileError(real, info.st_mode)
    refusal = write_refusal(info, euid=os.geteuid() if hasattr(os, "geteuid") else None,
                            file_writable=_may_write(real),
                            folder_writable=_may_write(real.parent, os.W_OK | os.X_OK))
    if refusal is not None:
        raise NotWritableError(refusal, str(path))

    def check() -> None:
        if expected is not None and read_regular(real) != expected:
            raise FileChangedError(f"{path} changed on disk since it was read; not overwritten")

    check()
    _write(real, data, info, check)


def write_file(path: Path, data: bytes, *, make_parents: bool = False) -> None:
    """Write `data` to `path` atomically, whether or not it exists; with `make_parents`, create
    its missing folders first. An existing file keeps its permission bits and, when this user
    may give them, its owner and group.

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


def create_file(path: Path, data: bytes) -> None:
    """Write `data` to the new file `path` atomically, never over an existing one: the
    temporary file is linked to its name, which fails when the name exists (a file another
    process wrote meanwhile is kept). Raises FileExistsError then, OSError when it cannot be
    written."""
    real = Path(os.path.realpath(path))
    fd, tmp = create_temporary(real, private=False)
    try:
        try:
            _write_all(fd, data)
            os.fsync(fd)
            os.link(tmp, real)
        finally:
            os.close(fd)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def _write(real: Path, data: bytes, info: os.stat_result | None,
           check: Callable[[], None] | None) -> None:
    """Write `data` to a temporary file next to `real` and rename it over `real`. `info`: the
    stat of the file replaced (None: a new file); `check`: called just before the rename, which
    also makes the owner, group and mode of the file replaced a must (a user's file)."""
    fd, tmp = create_temporary(real, private=info is not None)
    try:
        try:
            _write_all(fd, data)
            os.fsync(fd)
            if info is not None:
                _copy_owner_and_mode(fd, tmp, info, strict=check is not None)
            if check is not None:
                check()
            os.replace(tmp, real)
        finally:
            os.close(fd)  # the temporary file's lock goes with it: after the rename
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _copy_owner_and_mode(fd: int, tmp: str, info: os.stat_result, *, strict: bool) -> None:
    """Give the temporary file the owner, group and permission bits of the file it replaces:
    owner and group first (a chown may clear the set-id bits), then the mode. `strict`: an
    owner or group that cannot be given is a NotWritableError, else it is left as it is."""
    now = os.fstat(fd)
    if hasattr(os, "fchown") and (now.st_uid, now.st_gid) != (info.st_uid, info.st_gid):
        with contextlib.suppress(OSError):  # only root may give a file away
            os.fchown(fd, info.st_uid, info.st_gid)
        now = os.fstat(fd)
        if strict and (now.st_uid, now.st_gid) != (info.st_uid, info.st_gid):
            raise NotWritableError(f"its owner and group (uid {info.st_uid}, gid "
                                   f"{info.st_gid}) cannot be kept")
    wanted = stat.S_IMODE(info.st_mode)
    if stat.S_IMODE(now.st_mode) != wanted:  # equal on a file system without modes: no chmod
        if hasattr(os, "fchmod"):
            os.fchmod(fd, wanted)
        else:  # pragma: no cover - Windows
            os.chmod(tmp, wanted)


__all__ = ["TEMP_SUFFIX", "FileChangedError", "NotWritableError", "is_temporary",
           "replace_file", "write_file", "write_refusal"]
