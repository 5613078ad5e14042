"""files/jsonfile.py: a JSON file's document, or one clear message naming the file."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from taskleak.files.jsonfile import JSONFileError, Wording, read_json


def _json_reason(text: str) -> tuple[int, int, str]:
    with pytest.raises(json.JSONDecodeError) as info:
        json.loads(text)
    return info.value.lineno, info.value.colno, info.value.msg


def test_the_document_is_returned_whatever_its_shape(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text('{"a": [1, "é"]}', encoding="utf-8")
    assert read_json(path) == {"a": [1, "é"]}
    path.write_text("[3]", encoding="utf-8")
    assert read_json(str(path)) == [3]


def test_a_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "gone.json"
    with pytest.raises(JSONFileError) as info:
        read_json(path)
    assert str(info.value) == f"{path}: no such JSON file"
    with pytest.raises(JSONFileError) as info:
        read_json(path, what="settings file")
    assert str(info.value) == f"{path}: no such settings file"


def test_a_file_that_cannot_be_read(tmp_path: Path) -> None:
    folder = tmp_path / "a.json"
    folder.mkdir()
    with pytest.raises(JSONFileError) as info:
        read_json(folder)
    assert str(info.value) == f"{folder}: cannot read: not a regular file (a folder)"
    locked = tmp_path / "b.json"
    locked.write_text("{}")
    locked.chmod(0)
    if os.access(locked, os.R_OK):
        return  # root reads it anyway
    with pytest.raises(JSONFileError) as info:
        read_json(locked)
    assert str(info.value).startswith(f"{locked}: cannot read: [Errno 13]")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
@pytest.mark.usefixtures("no_hang")
def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "baseline.json"
    os.mkfifo(fifo)
    with pytest.raises(JSONFileError) as info:
        read_json(fifo)  # before: blocked until something wrote to the FIFO
    assert str(info.value) == f"{fifo}: cannot read: not a regular file (a FIFO or pipe)"


def test_a_file_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_bytes(b'{"a": "\xff"}')
    with pytest.raises(JSONFileError) as info:
        read_json(path)
    assert str(info.value) == (f"{path}: cannot read: 'utf-8' codec can't decode byte 0xff in "
                               "position 7: invalid start byte")


@pytest.mark.parametrize("text", ["{not json", '{\n  "a": 1,\n  "b": }\n', "", "[1] 2"])
def test_a_file_that_is_not_json_says_where(tmp_path: Path, text: str) -> None:
    path = tmp_path / "a.json"
    path.write_text(text, encoding="utf-8")
    line, column, msg = _json_reason(text)
    with pytest.raises(JSONFileError) as info:
        read_json(path)
    assert str(info.value) == f"{path}: not valid JSON (line {line}, column {column}: {msg})"


def test_the_line_and_column_are_json_s(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text('{\n  "a": 1,\n  "b": }\n', encoding="utf-8")
    with pytest.raises(JSONFileError, match=r"\(line 3, column 8: "):
        read_json(path)


class _Mine(Exception):
    pass


def test_the_caller_chooses_the_error_and_the_wording(tmp_path: Path) -> None:
    wording = Wording(missing="no {what} at {path}", unreadable="{what} {path} unreadable: {error}",
                      invalid="{what} {path}: bad JSON at {line}:{column} ({msg})")
    path = tmp_path / "a.json"
    with pytest.raises(_Mine) as missing:
        read_json(path, what="report", error=_Mine, wording=wording)
    assert str(missing.value) == f"no report at {path}"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(_Mine) as invalid:
        read_json(path, what="report", error=_Mine, wording=wording)
    assert str(invalid.value) == (f"report {path}: bad JSON at 1:2 "
                                  "(Expecting property name enclosed in double quotes)")
    path.write_bytes(b"\xff")
    with pytest.raises(_Mine, match=rf"^report {re.escape(str(path))} unreadable: 'utf-8' "):
        read_json(path, what="report", error=_Mine, wording=wording)
    assert missing.value.__cause__ is None and missing.value.__suppress_context__
