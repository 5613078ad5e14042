"""The temporary files of atomic writes (files/atomic.py): their names, and removing a killed
run's.

A temporary file is `.<name>.<12 hex digits>.taskleak.tmp` next to the file it replaces (so it
is never a `.py` file a walk would check, and is hidden). Its writer holds an exclusive `flock`
on it from just after creating it until it is renamed over the target (or removed). A process
killed in between (SIGKILL, a power cut) leaves it behind, and the lock goes with the process.

A later run meets such files while it lists folders (files/discovery.py) and removes the stale
ones: named exactly so, regular files, owned by the user running, and either unlocked (no live
writer: taking the lock proves it) or, where locks do not work (some network file systems,
Windows), older than `STALE_SECONDS`. A cleaner removes a file only while it holds its lock, and
a writer that finds its new file already unlinked once it holds the lock starts over with
another name, so a live write is never lost to a cleaner.

Plain stdlib (the runtime pytest plugin writes through atomic.py).
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import time
from collections.abc import Iterable
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no locks, stale means old
    fcntl = None  # type: ignore[assignment]

TEMP_SUFFIX = ".taskleak.tmp"
STALE_SECONDS = 300  # where locks do not work: a write never takes that long
_NEW_FILE_MODE = 0o666  # less the umask, applied by the kernel: what `open(path, "w")` makes
_NAME = re.compile(r"\..+\.[0-9a-f]{12}" + re.escape(TEMP_SUFFIX), re.DOTALL)
_CREATE = (os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
           | getattr(os, "O_CLOEXEC", 0))
_INSPECT = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
            | getattr(os, "O_CLOEXEC", 0))


def is_temporary(name: str) -> bool:
    """Whether a file name is one of taskleak's temporary files (`.<name>.<hex>.taskleak.tmp`)."""
    return name.endswith(TEMP_SUFFIX) and _NAME.fullmatch(name) is not None


def create_temporary(real: Path, *, private: bool) -> tuple[int, str]:
    """Create and lock `.<name>.<random>.taskleak.tmp` next to `real`; returns (fd, path). The
    lock lasts until the fd is closed. `private`: created 0o600 (its mode is set afterwards),
    else as any new file (0o666 less the umask)."""
    mode = 0o600 if private else _NEW_FILE_MODE
    for _ in range(100):
        tmp = str(real.parent / f".{real.name}.{os.urandom(6).hex()}{TEMP_SUFFIX}")
        try:
            fd = os.open(tmp, _CREATE, mode)
        except FileExistsError:
            continue
        try:
            _lock(fd, wait=True)
            gone = os.fstat(fd).st_nlink == 0  # a cleaner took it between create and lock
        except BaseException:
            os.close(fd)
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        if not gone:
            return fd, tmp
        os.close(fd)
    raise FileExistsError(f"no unused temporary file name next to {real}")  # pragma: no cover


def _lock(fd: int, *, wait: bool) -> bool | None:
    """Take the exclusive lock of `fd`: True when taken, False when another process holds it
    (only without `wait`), None when this file system or platform has no locks."""
    if fcntl is None:  # pragma: no cover - Windows
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except BlockingIOError:
        return False
    except OSError:  # ENOLCK, EOPNOTSUPP ...: no locks here
        return None
    return True


def remove_stale(paths: Iterable[str], now: float | None = None) -> list[str]:
    """Remove the stale temporary files among `paths` (see the module docstring); returns
    those removed. A file that is not one, or not stale, is left alone."""
    now = time.time() if now is None else now
    euid = os.geteuid() if hasattr(os, "geteuid") else None
    return [path for path in paths
            if is_temporary(os.path.basename(path)) and _remove_if_stale(path, euid, now)]


def _remove_if_stale(path: str, euid: int | None, now: float) -> bool:
    try:
        fd = os.open(path, _INSPECT)  # not a symlink (O_NOFOLLOW); a FIFO does not block
    except OSError:  # gone, or not readable (mode 000): an old one of ours still goes
        return _remove_if_old(path, euid, now)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or (euid is not None and st.st_uid != euid):
            return False
        locked = _lock(fd, wait=False)
        if locked is False or (locked is None and now - st.st_mtime < STALE_SECONDS):
            return False  # a live writer holds it, or it may still be written
        return _unlink_same(path, st)
    except OSError:
        return False
    finally:
        os.close(fd)


def _remove_if_old(path: str, euid: int | None, now: float) -> bool:
    try:
        st = os.lstat(path)
        if stat.S_ISREG(st.st_mode) and (euid is None or st.st_uid == euid) \
                and now - st.st_mtime >= STALE_SECONDS:
            return _unlink_same(path, st)
    except OSError:
        pass
    return False


def _unlink_same(path: str, st: os.stat_result) -> bool:
    """Unlink `path` if it still names the file `st` describes."""
    now = os.lstat(path)
    if (now.st_ino, now.st_dev) != (st.st_ino, st.st_dev):
        return False
    os.unlink(path)
    return True
