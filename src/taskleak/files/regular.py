"""Opening a file for reading only when it is a regular file: never a FIFO, a device, a socket.

A FIFO named `x.py` blocks `open` until a writer comes (forever, in a tree nobody writes to), a
`x.py -> /dev/stdin` link reads whatever the terminal or pipe gives, `/dev/zero` never ends,
and opening some devices does something (a tape rewinds, a watchdog starts). So the type is
checked twice: by `stat` before the file is opened (a special file is never opened at all), and
by `fstat` on what was opened, non-blocking, in case the path was swapped in between.

Every read of a file taskleak did not write itself goes through here: sources, .gitignore
files, configuration, baselines, runtime reports, cache files.

Plain stdlib (the runtime pytest plugin uses it).
"""

from __future__ import annotations

import errno
import os
import stat

StrPath = str | os.PathLike[str]

# O_NONBLOCK: opening a FIFO returns at once instead of waiting for a writer; it changes
# nothing for a regular file. O_NOCTTY: a terminal never becomes this process's.
_READ_FLAGS = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
               | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0))

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO or pipe"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def kind_of(mode: int) -> str:
    """What a file of this `st_mode` is, in words: "a regular file", "a FIFO or pipe" ..."""
    if stat.S_ISREG(mode):
        return "a regular file"
    return next((words for test, words in _KINDS if test(mode)), "a special file")


class NotRegularFileError(OSError):
    """The path names something other than a regular file; it was not read."""

    def __init__(self, path: StrPath, mode: int) -> None:
        self.kind = kind_of(mode)
        self.reason = f"not a regular file ({self.kind})"
        super().__init__(errno.EINVAL, self.reason, os.fspath(path))

    def __str__(self) -> str:
        return self.reason


def open_regular(path: StrPath, st: os.stat_result | None = None) -> tuple[int, os.stat_result]:
    """A read-only file descriptor of `path` and its fstat, when it is a regular file (a symlink
    is followed). `st`: a stat of `path` the caller just took (saves one). Raises
    NotRegularFileError for anything else, OSError when it cannot be opened."""
    if st is None:
        st = os.stat(path)
    if not stat.S_ISREG(st.st_mode):
        raise NotRegularFileError(path, st.st_mode)  # not opened: opening may block or act
    fd = os.open(path, _READ_FLAGS)
    try:
        now = os.fstat(fd)
        if not stat.S_ISREG(now.st_mode):  # swapped since the stat
            raise NotRegularFileError(path, now.st_mode)
    except BaseException:
        os.close(fd)
        raise
    return fd, now


def read_regular(path: StrPath) -> bytes:
    """All the bytes of the regular file `path`. Raises NotRegularFileError or OSError."""
    fd, st = open_regular(path)
    try:
        chunks = [os.read(fd, max(st.st_size, 0) + 1)]
        while chunks[-1]:
            chunks.append(os.read(fd, 1 << 20))
    finally:
        os.close(fd)
    return b"".join(chunks)


def read_regular_text(path: StrPath, errors: str = "strict") -> str:
    """`read_regular`, decoded as UTF-8 (UnicodeDecodeError with errors="strict")."""
    return read_regular(path).decode("utf-8", errors)
