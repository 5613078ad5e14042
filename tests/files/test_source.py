"""Reading a file's bytes: whole, once, and a clear error for what cannot be Python source."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from taskleak.files import source
from taskleak.files.source import SourceError, _read_all, read_source


def test_reads_the_whole_file(tmp_path: Path) -> None:
    body = b"import asyncio\n" * 5000  # bigger than one buffer
    (tmp_path / "a.py").write_bytes(body)
    assert read_source(tmp_path / "a.py") == body
    assert read_source(str(tmp_path / "a.py")) == body
    (tmp_path / "empty.py").write_bytes(b"")
    assert read_source(tmp_path / "empty.py") == b""


@pytest.mark.parametrize("declared", [0, 3, 10, 11, 50])
def test_a_file_that_changed_size_is_read_to_its_end(declared: int) -> None:
    """The size taken before the read may be stale (the file grew or shrank): the read goes on
    to the end whatever it said. A pipe stands in for the file: it ends where the writer stops."""
    data = b"0123456789"
    read_end, write_end = os.pipe()
    os.write(write_end, data)
    os.close(write_end)
    try:
        assert _read_all(read_end, declared) == data
    finally:
        os.close(read_end)


def test_too_large_before_and_while_reading(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(source, "MAX_BYTES", 100)
    (tmp_path / "big.py").write_bytes(b"x = 1\n" * 50)
    with pytest.raises(SourceError, match="too large"):
        read_source(tmp_path / "big.py")
    # a file that was small when its size was taken and grew past the limit
    read_end, write_end = os.pipe()
    os.write(write_end, b"y" * 300)
    os.close(write_end)
    try:
        assert len(_read_all(read_end, 10)) == 101  # stops one past the limit: enough to refuse
    finally:
        os.close(read_end)


def test_unreadable_inputs_say_why(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="cannot read"):
        read_source(tmp_path / "missing.py")
    (tmp_path / "pkg.py").mkdir()
    with pytest.raises(SourceError, match=r"^not a regular file \(a folder\)$"):
        read_source(tmp_path / "pkg.py")
    (tmp_path / "blob.py").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    with pytest.raises(SourceError, match="binary"):
        read_source(tmp_path / "blob.py")


needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
bounded = pytest.mark.usefixtures("no_hang")  # a FIFO opened by mistake would block


@needs_fifo
@bounded
def test_a_fifo_is_refused_without_being_opened(tmp_path: Path) -> None:
    """Before: `open` waited for a writer, forever (`mkfifo t/x.py; taskleak check t`)."""
    os.mkfifo(tmp_path / "x.py")
    with pytest.raises(SourceError, match=r"^not a regular file \(a FIFO or pipe\)$"):
        read_source(tmp_path / "x.py")


@needs_fifo
@bounded
def test_a_link_to_a_pipe_is_refused(tmp_path: Path) -> None:
    """`x.py -> /dev/stdin` while stdin is a pipe: a link is followed, to what it is."""
    read_end, write_end = os.pipe()
    try:
        (tmp_path / "x.py").symlink_to(f"/proc/self/fd/{read_end}" if os.path.isdir(
            "/proc/self/fd") else f"/dev/fd/{read_end}")
        with pytest.raises(SourceError, match=r"^not a regular file \(a FIFO or pipe\)$"):
            read_source(tmp_path / "x.py")
    finally:
        os.close(read_end)
        os.close(write_end)


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero here")
@bounded
def test_a_device_is_refused_without_being_opened(tmp_path: Path) -> None:
    (tmp_path / "zero.py").symlink_to("/dev/zero")
    for path in (Path("/dev/zero"), tmp_path / "zero.py"):
        with pytest.raises(SourceError, match=r"^not a regular file \(a character device\)$"):
            read_source(path)


@needs_fifo
@bounded
def test_a_file_swapped_for_a_fifo_after_its_stat_is_refused(tmp_path: Path) -> None:
    """The stat a caller took says regular file; what is opened (non-blocking) is checked too."""
    (tmp_path / "a.py").write_bytes(b"x = 1\n")
    st = os.stat(tmp_path / "a.py")
    (tmp_path / "a.py").unlink()
    os.mkfifo(tmp_path / "a.py")
    with pytest.raises(SourceError, match=r"^not a regular file \(a FIFO or pipe\)$"):
        read_source(tmp_path / "a.py", st)


def test_an_undecodable_byte_is_on_the_line_python_counts() -> None:
    # lone CRs after the first lines (the encoding is looked for in the first two)
    data = b"x = 1\n# page\x0cbreak\ny = 2\r\rs = '\xff'\r\n"
    with pytest.raises(SourceError) as caught:
        source.decode(data)
    with pytest.raises(SyntaxError) as python:
        compile(data, "x.py", "exec")
    assert caught.value.line == python.value.lineno == 5
