"""files/jsonfile.py: a JSON file's document, or one clear message naming the file."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from taskleak.files.jsonfile import JSONFileError, Wording, read_json, read_versioned


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


# --- versioned documents ---------------------------------------------------------------------

REPORT = ("kind", "a-report")


def test_a_versioned_document_of_the_right_kind_is_returned(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text('{"kind": "a-report", "version": 2, "items": []}', encoding="utf-8")
    document = read_versioned(path, what="report", kind=REPORT, versions=(1, 2))
    assert document == {"kind": "a-report", "version": 2, "items": []}


@pytest.mark.parametrize("text", ["[]", '"a-report"', '{"version": 1}',
                                  '{"kind": "other", "version": 1}'])
def test_a_document_of_another_kind(tmp_path: Path, text: str) -> None:
    path = tmp_path / "a.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(JSONFileError) as info:
        read_versioned(path, what="report", kind=REPORT, versions=(1,))
    assert str(info.value) == f"{path}: not a report"


def test_without_a_kind_any_object_is_of_the_kind(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text('{"version": 1}', encoding="utf-8")
    assert read_versioned(path, what="baseline", versions=(1,)) == {"version": 1}
    path.write_text("[1]", encoding="utf-8")
    with pytest.raises(JSONFileError, match=r": not a baseline$"):
        read_versioned(path, what="baseline", versions=(1,))


@pytest.mark.parametrize(("version", "shown"), [("3", "3"), ('"1"', "'1'"), ("null", "None"),
                                                ("[1]", "[1]")])
def test_an_unsupported_version_says_which_are(tmp_path: Path, version: str,
                                               shown: str) -> None:
    path = tmp_path / "a.json"
    path.write_text(f'{{"kind": "a-report", "version": {version}}}', encoding="utf-8")
    with pytest.raises(JSONFileError) as info:
        read_versioned(path, what="report", kind=REPORT, versions=(2, 1))
    assert str(info.value) == f"{path}: report version {shown} is not supported (expected 1, 2)"


def test_a_versioned_read_words_the_file_errors_as_read_json_does(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    wording = Wording(missing="no {what} at {path}", wrong_kind="{what}? {path}",
                      unsupported="{path} v{version}, want {versions}")
    with pytest.raises(_Mine, match=r"^no report at "):
        read_versioned(path, what="report", versions=(1,), error=_Mine, wording=wording)
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(_Mine, match=r": not valid JSON \(line 1, column 2: "):
        read_versioned(path, what="report", versions=(1,), error=_Mine, wording=wording)
    path.write_text("[]", encoding="utf-8")
    with pytest.raises(_Mine) as info:
        read_versioned(path, what="report", versions=(1,), error=_Mine, wording=wording)
    assert str(info.value) == f"report? {path}"
    path.write_text('{"version": 9}', encoding="utf-8")
    with pytest.raises(_Mine) as info:
        read_versioned(path, what="report", versions=(1,), error=_Mine, wording=wording)
    assert str(info.value) == f"{path} v9, want 1"


# The two readers built on it: a baseline and a runtime report give the same four errors.
FOUR_ERRORS = [(None, "missing"), ("{not json", "not JSON"), ("[]", "wrong kind"),
               ('{"kind": "taskleak-runtime-report", "version": 0}', "unsupported version")]


@pytest.mark.parametrize(("text", "error"), FOUR_ERRORS, ids=[e for _, e in FOUR_ERRORS])
def test_the_baseline_and_the_runtime_report_give_the_same_errors(tmp_path: Path,
                                                                  text: str | None,
                                                                  error: str) -> None:
    from taskleak.runtime.report import RuntimeReportError, load_runtime_report
    from taskleak.suppress.baseline import BaselineError, load_baseline

    path = tmp_path / "a.json"
    if text is not None:
        path.write_text(text, encoding="utf-8")
    with pytest.raises(BaselineError) as baseline:
        load_baseline(path)
    with pytest.raises(RuntimeReportError) as report:
        load_runtime_report(path)
    expected = {  # (the baseline's words, the runtime report's)
        "missing": ("does not exist", "no such runtime report"),
        "not JSON": ("is not valid JSON (line 1, column 2)", "not valid JSON (line 1, column 2"),
        "wrong kind": ("expected a JSON object", "not a taskleak runtime report"),
        "unsupported version": ("unsupported version 0", "runtime report version 0 is not"),
    }[error]
    for info, words in zip((baseline, report), expected, strict=True):
        assert str(path) in str(info.value) and words in str(info.value), str(info.value)
