"""A file name that is not valid UTF-8 (Python holds it with a lone surrogate) in every format:
shown `caf\\xe9.py`, written as valid UTF-8, and in SARIF a percent-encoded URI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from findings_factory import make_finding
from output_targets import SHOWN, URI, undecodable_name

from taskleak.model import RunResult, Skipped
from taskleak.report.emit import ReportOptions, render, write_output
from taskleak.settings import Settings

FORMATS = ("full", "concise", "json", "json-lines", "sarif", "github", "gitlab", "junit",
           "markdown")
JSON_FORMATS = ("json", "json-lines", "gitlab")


def _run() -> RunResult:
    path = f"pkg/{undecodable_name()}"
    return RunResult([make_finding(path=path)], [Skipped(path, "syntax error: bad", 3)],
                     files_scanned=2, files_parsed=1)


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_writes_the_name_as_valid_utf8(
        fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "report.out"
    options = ReportOptions(fmt=fmt, show_low=True)
    write_output(target, render(_run(), Settings(project_root=tmp_path), options))
    text = target.read_bytes().decode("utf-8")  # strict: raises on a raw byte or a surrogate
    if fmt == "sarif":
        assert f'"uri": "pkg/{URI}"' in text
    elif fmt in JSON_FORMATS:
        assert json.dumps(f"pkg/{SHOWN}") in text  # the backslash escaped, as JSON does
    else:
        assert f"pkg/{SHOWN}" in text


def test_json_parses_back_to_the_shown_name(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    document = json.loads(render(_run(), Settings(), ReportOptions(fmt="json")))
    assert document["findings"][0]["path"] == f"pkg/{SHOWN}"
    assert document["skipped"][0]["path"] == f"pkg/{SHOWN}"
