"""Writing where the user asked: atomically into a file, in place into a device, and every
failure an OutputError `cannot write <where>: <reason>`."""

from __future__ import annotations

from pathlib import Path

import pytest
from output_targets import device, is_device

from taskleak.files.output import OutputError, write_target


def test_missing_folders_are_created(tmp_path: Path) -> None:
    write_target(tmp_path / "a" / "b" / "out.json", b"{}\n", where="it")
    assert (tmp_path / "a" / "b" / "out.json").read_bytes() == b"{}\n"


def test_a_file_where_a_folder_should_be_is_named(tmp_path: Path) -> None:
    (tmp_path / "blocker").write_text("")
    with pytest.raises(OutputError, match=r"^cannot write it: .*blocker is not a folder$"):
        write_target(tmp_path / "blocker" / "out.json", b"{}", where="it")


def test_a_device_is_written_into_not_replaced(tmp_path: Path) -> None:
    null = device(tmp_path, "null")
    write_target(null, b"report\n", where="the report")
    assert is_device(null)
    full = device(tmp_path, "full")
    with pytest.raises(OutputError) as info:
        write_target(full, b"report\n", where="the report to full")
    assert str(info.value) == "cannot write the report to full: No space left on device"
    assert is_device(full)


def test_a_folder_is_not_replaced(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    with pytest.raises(OutputError, match=r"^cannot write it: Is a directory$"):
        write_target(tmp_path / "out", b"x", where="it")
    assert (tmp_path / "out").is_dir()


def test_an_os_error_is_named_by_its_reason() -> None:
    error = OutputError.from_os_error("stdout", OSError(28, "No space left on device"))
    assert str(error) == "cannot write stdout: No space left on device"
