"""Reading a Python file's bytes safely: size, binary content, encoding (PEP 263, BOM)."""

from __future__ import annotations

import io
import tokenize
from pathlib import Path

MAX_BYTES = 8 * 1024 * 1024  # a bigger .py file is generated data, not code to lint


class SourceError(Exception):
    """A file taskleak cannot read as Python source; the message says why."""

    def __init__(self, reason: str, line: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.line = line


def read_source(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise SourceError(f"file too large ({size} bytes > {MAX_BYTES})")
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"cannot read: {exc.strerror or exc}") from exc
    if b"\x00" in data[:8192]:
        raise SourceError("binary file (contains NUL bytes)")
    return data


def decode(data: bytes) -> tuple[str, str]:
    """Decode source bytes as Python does; returns (text, encoding)."""
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    except SyntaxError as exc:
        raise SourceError(f"bad encoding declaration: {exc.msg}", exc.lineno) from exc
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise SourceError(f"cannot decode as {encoding}: {exc.reason}", line) from exc
    except LookupError as exc:
        raise SourceError(f"unknown encoding {encoding!r}") from exc
    if text.startswith("\ufeff"):
        text = text[1:]
    return text, encoding


