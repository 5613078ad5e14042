"""The command line's stdout and stderr: they never fail to encode, and a failed write names them.

For the length of a command (`guarded_streams`):
- stdout is a text stream of the same encoding over a guard of its bytes: any write failure,
  buffered or not, from click, rich or a report, is an `OutputError("stdout", reason)`, except
  a broken pipe: its reader has gone (`| head`), so the rest of the output is dropped quietly
  and the run ends with the exit code it would have had (the gate still holds under
  `set -o pipefail`). After a failure the file descriptor points at the null device, so the
  interpreter's last flush has nothing left to fail on;
- stdout and stderr escape what their encoding cannot write (`files.printable.ESCAPE`: a file
  name's undecodable byte as `\\xe9`, `●` as `\\u25cf` on an ASCII terminal) instead of
  raising UnicodeEncodeError, as pip and ruff print.

Streams that are not `io.TextIOWrapper`s over bytes (a test's StringIO) are left as they are.
"""

from __future__ import annotations

import contextlib
import functools
import io
import os
import sys
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, BinaryIO

from taskleak.files.output import OutputError
from taskleak.files.printable import ESCAPE

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer


class _Guarded(io.BufferedIOBase):
    """Bytes written through to `inner`; an OSError becomes an OutputError naming `where`."""

    def __init__(self, inner: BinaryIO, where: str) -> None:
        super().__init__()
        self._inner = inner
        self._where = where
        self._failed = False

    @property
    def name(self) -> str:
        return self._where

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return self._inner.isatty()

    def fileno(self) -> int:
        return self._inner.fileno()

    def write(self, data: ReadableBuffer) -> int:
        view = memoryview(data).cast("B")
        size = len(view)
        while view and not self._failed:
            # A pipe whose reader left mid-write gives a short count, not an error: the rest
            # is written again, which raises (BrokenPipeError) instead of losing it silently.
            written = self._attempt(functools.partial(self._inner.write, view))
            view = view[written or size:]  # 0 or None (non-blocking): not ours to spin on
        return size  # after a failure: dropped, the reader will not see it anyway

    def flush(self) -> None:
        if not self._failed:
            self._attempt(lambda: self._inner.flush())

    def close(self) -> None:
        """Nothing to do: the stream it writes to is not its to close."""

    def _attempt(self, write: Callable[[], int | None]) -> int | None:
        try:
            return write()
        except OSError as exc:
            self._failed = True
            _to_null_device(self._inner)
            if isinstance(exc, BrokenPipeError):
                return None  # the reader left: nobody to tell, the exit code still tells
            raise OutputError.from_os_error(self._where, exc) from None


def _to_null_device(stream: BinaryIO) -> None:
    """Point `stream`'s file descriptor at the null device: what it still holds goes nowhere."""
    with contextlib.suppress(OSError, ValueError):
        null = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(null, stream.fileno())
        finally:
            os.close(null)


def _guard(stream: object, where: str) -> io.TextIOWrapper | None:
    if not isinstance(stream, io.TextIOWrapper):
        return None
    stream.flush()
    return io.TextIOWrapper(_Guarded(stream.buffer, where), encoding=stream.encoding,
                            errors=ESCAPE, line_buffering=stream.line_buffering)


@contextlib.contextmanager
def _escaping(stream: object) -> Iterator[None]:
    """`stream` escapes what its encoding cannot write, until the block ends."""
    if not isinstance(stream, io.TextIOWrapper):
        yield
        return
    errors = stream.errors
    stream.reconfigure(errors=ESCAPE)
    try:
        yield
    finally:
        with contextlib.suppress(OSError, ValueError):
            stream.reconfigure(errors=errors)


@contextlib.contextmanager
def guarded_streams() -> Iterator[None]:
    """Guard stdout and stderr for the block (see the module docstring); the block's output is
    flushed before it ends, so a failure to write it is raised here, not at exit."""
    stdout = sys.stdout
    guarded = _guard(stdout, "stdout")
    with _escaping(sys.stderr):
        if guarded is None:
            yield
            return
        sys.stdout = guarded
        try:
            yield
        finally:
            sys.stdout = stdout
            try:
                guarded.flush()  # an OutputError here wins over the SystemExit in flight
            finally:
                guarded.detach()  # leaves the stream it wraps open; a failed one writes nothing
