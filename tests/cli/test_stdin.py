"""stdin, as editors and other tools use it: `taskleak check - --stdin-filename path` and
`taskleak fix -` (the fixed source on stdout). The configuration, excludes (with
--force-exclude) and `# noqa` apply as if the source were that file on disk."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from helpers import REPO

from taskleak.cli import main

LEAKY = "import asyncio\n\n\nasync def handler(msg):\n    asyncio.create_task(send(msg))\n"
ON_DISK = "x = 1\n"  # what the named file holds on disk: never what is checked


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "handlers.py").write_text(ON_DISK)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str, source: str | bytes = LEAKY) -> Result:
    data = source.encode() if isinstance(source, str) else source
    return CliRunner().invoke(main, list(args), input=data)


def findings(result: Result) -> list[tuple[str, int, str]]:
    return [(f["path"], f["line"], f["rule"]) for f in json.loads(result.stdout)["findings"]]


def test_check_reads_stdin_as_the_named_file(project: Path) -> None:
    result = run("check", "-", "--stdin-filename", "app/handlers.py", "--output-format", "json")
    assert result.exit_code == 1
    assert findings(result) == [("app/handlers.py", 5, "TL101")]
    assert json.loads(result.stdout)["summary"]["files_scanned"] == 1
    concise = run("check", "-", "--stdin-filename", "app/handlers.py", "--output-format",
                  "concise")
    assert concise.stdout.startswith(
        "app/handlers.py:5:5: TL101 [*] high: task send() is discarded")
    anonymous = run("check", "-", "--output-format", "json")
    assert findings(anonymous) == [("-", 5, "TL101")]


def test_the_configuration_found_from_the_named_file_applies(project: Path) -> None:
    (project / "app" / "pyproject.toml").write_text('[tool.taskleak]\nignore = ["TL101"]\n')
    result = run("check", "-", "--stdin-filename", "app/handlers.py", "--output-format", "json")
    assert (result.exit_code, findings(result)) == (0, [])
    other = run("check", "-", "--stdin-filename", "elsewhere.py", "--output-format", "json")
    assert findings(other) == [("elsewhere.py", 5, "TL101")]
    (project / "pyproject.toml").write_text(
        '[tool.taskleak.per-file-ignores]\n"elsewhere.py" = ["task-discarded"]\n')
    assert findings(run("check", "-", "--stdin-filename", "elsewhere.py",
                        "--output-format", "json")) == []


def test_excludes_apply_with_force_exclude(project: Path) -> None:
    (project / "pyproject.toml").write_text('[tool.taskleak]\nextend-exclude = ["app/"]\n')
    args = ("check", "-", "--stdin-filename", "app/handlers.py", "--output-format", "json")
    assert findings(run(*args)) == [("app/handlers.py", 5, "TL101")]
    excluded = run(*args, "--force-exclude")
    assert (excluded.exit_code, findings(excluded)) == (0, [])
    fixed = run("fix", "-", "--stdin-filename", "app/handlers.py", "--force-exclude")
    assert (fixed.exit_code, fixed.stdout) == (0, LEAKY)  # passed through untouched


def test_noqa_comes_from_the_source_given(project: Path) -> None:
    (project / "app" / "handlers.py").write_text(LEAKY.replace("(msg))", "(msg))  # noqa"))
    result = run("check", "-", "--stdin-filename", "app/handlers.py", "--output-format", "json")
    assert findings(result) == [("app/handlers.py", 5, "TL101")]  # not the file on disk's noqa
    silenced = run("check", "-", "--stdin-filename", "app/handlers.py", "--output-format",
                   "json", source=LEAKY.replace("(msg))", "(msg))  # noqa: TL101"))
    assert (silenced.exit_code, findings(silenced)) == (0, [])
    stale = run("check", "-", "--stdin-filename", "app/handlers.py", "--output-format",
                "json", "--extend-select", "unused-noqa", source="x = 1  # noqa: TL101\n")
    assert findings(stale) == [("app/handlers.py", 1, "TL900")]


def test_fix_prints_the_fixed_source_and_writes_nothing(project: Path) -> None:
    result = run("fix", "-", "--stdin-filename", "app/handlers.py")
    assert result.exit_code == 0
    assert "task = asyncio.create_task(send(msg))" in result.stdout
    assert "_background_tasks.add(task)" in result.stdout
    assert result.stderr == "Fixed 1 finding in 1 file (tracked-set 1).\n"
    assert (project / "app" / "handlers.py").read_text() == ON_DISK
    again = run("fix", "-", "--stdin-filename", "app/handlers.py", source=result.stdout)
    assert (again.exit_code, again.stdout) == (0, result.stdout)  # fixing twice: no change
    quiet = run("fix", "-", "-q")
    assert (quiet.stdout, quiet.stderr) == (result.stdout, "")
    check_fix = run("check", "--fix", "-", "--stdin-filename", "app/handlers.py")
    assert check_fix.stdout == result.stdout


def test_fix_keeps_crlf_and_reports_what_is_left(project: Path) -> None:
    source = LEAKY.replace("\n", "\r\n").encode()
    result = CliRunner().invoke(main, ["fix", "-"], input=source)
    assert b"\r\n" in result.stdout_bytes and b"\n" not in result.stdout_bytes.replace(b"\r\n",
                                                                                        b"")
    # only unsafe fixes: the source comes back as it was, what is left is said on stderr
    source = (REPO / "tests/rules/task-overwritten/fixes/unsafe_cancel_previous.before.py"
              ).read_text()
    left = run("fix", "-", source=source)
    assert (left.exit_code, left.stdout) == (1, source)
    assert left.stderr.splitlines()[:2] == ["No fixes applied.", "2 findings not fixed:"]
    assert "-:11:27: TL103 only an unsafe fix" in left.stderr
    unsafe = run("fix", "-", "--unsafe-fixes", source=source)
    assert unsafe.exit_code == 0 and "self._heartbeat.cancel()" in unsafe.stdout


def test_diff_of_stdin(project: Path) -> None:
    result = run("check", "--diff", "-", "--stdin-filename", "app/handlers.py")
    assert result.exit_code == 1
    assert result.stdout.startswith("--- app/handlers.py\n+++ app/handlers.py\n")
    assert "+    task = asyncio.create_task(send(msg))" in result.stdout


def test_bad_stdin_is_skipped_with_its_line(project: Path) -> None:
    result = run("check", "-", "--stdin-filename", "bad.py", "--output-format", "json",
                 source="import asyncio\ndef f(:\n    asyncio.create_task(x)\n")
    (skipped,) = json.loads(result.stdout)["skipped"]
    assert skipped == {"path": "bad.py", "line": 2, "column": 7,
                       "reason": "syntax error: invalid syntax"}
    binary = run("check", "-", "--output-format", "json", source=b"create_task\x00\x01")
    assert json.loads(binary.stdout)["skipped"][0]["reason"].startswith("binary file")
    broken = "import asyncio\ndef f(:\n    asyncio.create_task(x)\n"
    fixed = run("fix", "-", "--stdin-filename", "bad.py", source=broken)
    assert (fixed.exit_code, fixed.stdout) == (1, broken)  # given back as it came; it fails
    assert "bad.py:2:7: TL800 file not analysed: syntax error: invalid syntax" in fixed.stderr
    kept = run("fix", "-", "--stdin-filename", "bad.py", "--ignore", "TL800", source=broken)
    assert (kept.exit_code, kept.stdout) == (0, broken)
    assert "bad.py:2:7: skipped: syntax error: invalid syntax" in kept.stderr


def test_stdin_usage_errors(project: Path) -> None:
    mixed = run("check", "-", "app")
    assert mixed.exit_code == 2 and "cannot be mixed" in mixed.stderr
    named = run("check", "app", "--stdin-filename", "x.py")
    assert named.exit_code == 2
    assert "--stdin-filename reads stdin: give `-` or no path" in named.stderr
    noqa = run("check", "-", "--add-noqa")
    assert noqa.exit_code == 2 and "--add-noqa cannot be used with stdin" in noqa.stderr
