"""Errors a user meets: reports written into missing folders, reports that cannot be written,
and files that do not parse, reported where Python says the error is."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from taskleak.cli import main

LEAKY = "import asyncio\n\n\nasync def handler(msg):\n    asyncio.create_task(send(msg))\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "leaky.py").write_text(LEAKY)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def taskleak(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


@pytest.mark.parametrize("fmt", ["sarif", "full", "junit"])
def test_output_file_in_missing_folders_is_created(project: Path, fmt: str) -> None:
    result = taskleak("check", "--output-format", fmt, "-o", "reports/ci/taskleak.out")
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", "")
    written = (project / "reports" / "ci" / "taskleak.out").read_text()
    assert "leaky.py" in written


def test_a_report_that_cannot_be_written_is_a_clear_error(project: Path) -> None:
    (project / "blocker").write_text("a file, not a folder\n")
    result = taskleak("check", "--output-format", "sarif", "-o", "blocker/out.sarif")
    assert result.exit_code == 2
    assert result.stderr == ("taskleak: error: cannot write the report to blocker/out.sarif: "
                             "blocker is not a folder\n")
    assert "Traceback" not in result.output
    folder = taskleak("check", "-o", ".")
    assert folder.exit_code == 2 and "is a directory" in folder.stderr
    (project / "locked").mkdir()
    (project / "locked" / "out.sarif").mkdir()  # a folder where the file should go
    taken = taskleak("check", "--output-format", "sarif", "-o", "locked/out.sarif/")
    assert taken.exit_code == 2 and "Traceback" not in taken.output


@pytest.mark.parametrize(("source", "line", "column", "message"), [
    ("import asyncio\nprint 'hi'\nasyncio.create_task(x)\n", 2, 1,
     "Missing parentheses in call to 'print'"),
    ("import asyncio\ndef f(:\n    asyncio.create_task(x)\n", 2, 7, "invalid syntax"),
    ("import asyncio\nx = (1,\n     2\nasyncio.create_task(x)\n", 2, 5, "'(' was never closed"),
    ("import asyncio\n\n\nasync def f():\n    asyncio.create_task(x))\n", 5, 27,
     "unmatched ')'"),
    # the tokenizer's limit: Python names the 101st nested block, not the file's first line
    ("import asyncio\n" + "".join(" " * i + "if x:\n" for i in range(101))
     + " " * 101 + "asyncio.create_task(x)\n", 102, 1, "too many levels of indentation"),
])
def test_syntax_errors_point_at_the_line_and_column(project: Path, source: str, line: int,
                                                     column: int, message: str) -> None:
    (project / "broken.py").write_text(source)
    result = taskleak("check", "--output-format", "json", "broken.py")
    assert result.exit_code == 1  # a file that does not parse fails the run (TL800)
    (skipped,) = json.loads(result.stdout)["skipped"]
    assert (skipped["line"], skipped["column"]) == (line, column)
    assert skipped["reason"].startswith(f"syntax error: {message}")
    text = taskleak("check", "broken.py").stdout
    assert f"broken.py:{line}:{column}: TL800 file not analysed: syntax error: {message}" in text
    ignored = taskleak("check", "--ignore", "TL800", "broken.py")
    assert f"broken.py:{line}:{column}: skipped: syntax error: {message}" in ignored.stdout
    assert ignored.exit_code == 0
    github = taskleak("check", "--output-format", "github", "broken.py").stdout
    assert f"::error file=broken.py,line={line},col={column},endLine=" in github
    sarif = json.loads(taskleak("check", "--output-format", "sarif", "broken.py").stdout)
    (note,) = sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    region = note["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (line, column)
    (error,) = sarif["runs"][0]["results"]
    region = error["locations"][0]["physicalLocation"]["region"]
    assert (error["ruleId"], region["startLine"], region["startColumn"]) == ("TL800", line, column)


def test_a_failing_write_is_exit_2_with_the_reason(project: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    from taskleak.files import atomic

    def full_disk(path: Path, data: bytes, *, make_parents: bool = False) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr(atomic, "write_file", full_disk)
    result = taskleak("check", "--output-format", "sarif", "-o", "out.sarif")
    assert result.exit_code == 2
    assert result.stderr == ("taskleak: error: cannot write the report to out.sarif: "
                             "No space left on device\n")
