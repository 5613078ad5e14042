"""A file taskleak could not analyse fails the run, as in ruff (issue 56, point 2): a finding of
file-not-analysed in every format, unless the rule is ignored (then a `skipped:` line, exit 0,
as before)."""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from sarif_schema import sarif_validator

from taskleak.cli import main
from taskleak.rules.file_not_analysed import RULE

CLEAN = "import asyncio\n\n\nasync def main():\n    await asyncio.create_task(main())\n"
BROKEN = "import asyncio\n\n\ndef f(:\n    asyncio.create_task(f())\n"

# (path, line, column, message) of each file that cannot be analysed
EXPECTED = [
    ("bad.py", 4, 7, "file not analysed: syntax error: invalid syntax"),
    ("binary.py", 1, 1, "file not analysed: binary file (contains NUL bytes)"),
    ("dangling.py", 1, 1, "file not analysed: cannot read: No such file or directory"),
]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "clean.py").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "bad.py").write_text(BROKEN, encoding="utf-8")
    (tmp_path / "binary.py").write_bytes(b"import asyncio\x00\x01create_task\n")
    os.symlink(tmp_path / "gone.py", tmp_path / "dangling.py")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def taskleak(*args: str) -> Result:
    return CliRunner().invoke(main, ["check", "--no-cache", *args])


def test_concise_reports_each_file_as_an_error_and_fails(project: Path) -> None:
    result = taskleak("--output-format", "concise")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[:3] == [f"{p}:{line}:{col}: {RULE.code} {message}"
                         for p, line, col, message in EXPECTED]
    assert "skipped:" not in result.stdout
    assert f"3 files not analysed ({RULE.code} {RULE.name})." in lines
    assert "Scanned 4 files, parsed 1, skipped 3." in result.stdout


def test_full_says_once_why_it_matters(project: Path) -> None:
    result = taskleak()
    assert result.exit_code == 1
    assert result.stdout.count(f"{RULE.code}: taskleak judged no spawn in such a file") == 1


def test_json_rows_and_the_skipped_list(project: Path) -> None:
    result = taskleak("--output-format", "json")
    doc = json.loads(result.stdout)
    assert result.exit_code == 1
    errors = [f for f in doc["findings"] if f["rule"] == RULE.code]
    assert [(f["path"], f["line"], f["column"], f["message"]) for f in errors] == EXPECTED
    assert {(f["risk"], f["fix"]) for f in errors} == {("high", None)}
    assert [f["rule"] for f in doc["findings"] if f not in errors] == ["TL001"]  # clean.py
    assert [s["path"] for s in doc["skipped"]] == [p for p, *_ in EXPECTED]
    lines = [json.loads(line) for line in taskleak("--output-format", "json-lines").stdout
             .splitlines()]
    assert [(row["path"], row.get("rule")) for row in lines if row.get("rule") != "TL001"] == [
        *((p, RULE.code) for p, *_ in EXPECTED), *((p, None) for p, *_ in EXPECTED)]


def test_sarif_results_are_errors_and_valid(project: Path) -> None:
    result = taskleak("--output-format", "sarif")
    log = json.loads(result.stdout)
    run = log["runs"][0]
    results = [(r["ruleId"], r["level"], r["locations"][0]["physicalLocation"]["region"]
                ["startLine"]) for r in run["results"]]
    assert results == [(RULE.code, "error", line) for _, line, _, _ in EXPECTED]
    rules = run["tool"]["driver"]["rules"]
    assert rules[run["results"][0]["ruleIndex"]]["id"] == RULE.code
    assert result.exit_code == 1
    sarif_validator().validate(log)  # last: it skips where the official schema is not here


def test_github_annotations_are_errors(project: Path) -> None:
    result = taskleak("--output-format", "github")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == (
        "::error file=bad.py,line=4,col=7,endLine=4,endColumn=8,"
        f"title={RULE.code} {RULE.name}::file not analysed: syntax error: invalid syntax")
    assert "::warning" not in result.stdout


def test_junit_failures_and_gitlab_issues(project: Path) -> None:
    junit = ET.fromstring(taskleak("--output-format", "junit").stdout)
    failures = [f.get("type") for f in junit.iter("failure")]
    assert failures == [RULE.code] * 3
    assert not list(junit.iter("skipped"))
    gitlab = json.loads(taskleak("--output-format", "gitlab").stdout)
    assert [(i["check_name"], i["severity"], i["location"]["path"]) for i in gitlab] == [
        (RULE.code, "critical", p) for p, *_ in EXPECTED]


def test_markdown_and_statistics(project: Path) -> None:
    markdown = taskleak("--output-format", "markdown").stdout
    assert "Files not analysed:" in markdown and "Skipped files:" not in markdown
    assert f"- `bad.py:4:7`: [{RULE.code}]({RULE.help_uri}) file not analysed" in markdown
    statistics = taskleak("--statistics")
    # nothing fixable: no mark column, as in ruff
    assert statistics.stdout == f"3\t{RULE.code}\t{RULE.name}\nFound 3 errors.\n"
    assert statistics.exit_code == 1


@pytest.mark.parametrize("opt_out", [("--ignore", "file-not-analysed"), ("--ignore", "TL8"),
                                     ("--config", "ignored.toml"),
                                     ("--config", "per-file.toml")])
def test_ignoring_the_rule_keeps_the_skipped_lines_and_exit_0(project: Path,
                                                              opt_out: tuple[str, str]) -> None:
    (project / "ignored.toml").write_text(f'ignore = ["{RULE.code}"]\n', encoding="utf-8")
    (project / "per-file.toml").write_text(
        f'[per-file-ignores]\n"*.py" = ["{RULE.name}"]\n', encoding="utf-8")
    result = taskleak("--output-format", "concise", *opt_out)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[:3] == [
        "bad.py:4:7: skipped: syntax error: invalid syntax",
        "binary.py: skipped: binary file (contains NUL bytes)",
        "dangling.py: skipped: cannot read: No such file or directory"]
    github = taskleak("--output-format", "github", *opt_out).stdout
    assert "::error" not in github and github.count("::warning") == 3


def test_fail_on_none_is_the_only_threshold_it_passes(project: Path) -> None:
    assert taskleak("--fail-on", "high").exit_code == 1
    assert taskleak("--fail-on", "none").exit_code == 0


def test_a_baseline_never_holds_a_file_not_analysed(project: Path) -> None:
    written = taskleak("--write-baseline", "baseline.json")
    assert written.exit_code == 1  # a baseline records the leaks it holds, never these
    assert RULE.code not in (project / "baseline.json").read_text(encoding="utf-8")
    again = taskleak("--baseline", "baseline.json", "--output-format", "concise")
    assert again.exit_code == 1 and again.stdout.count(f": {RULE.code} ") == 3


def test_noqa_cannot_reach_it_and_add_noqa_leaves_it_alone(project: Path) -> None:
    (project / "bad.py").write_text(BROKEN.replace("def f(:", "def f(:  # noqa: TL800"),
                                    encoding="utf-8")
    before = (project / "bad.py").read_bytes()
    assert taskleak("--add-noqa").exit_code == 0
    assert (project / "bad.py").read_bytes() == before
    result = taskleak("--output-format", "concise")
    assert result.exit_code == 1 and "bad.py:4:7: TL800" in result.stdout


def test_stdin_that_does_not_parse_fails_too(project: Path) -> None:
    result = CliRunner().invoke(main, ["check", "-", "--stdin-filename", "app.py",
                                       "--output-format", "concise"], input=BROKEN)
    assert result.exit_code == 1
    assert result.stdout.startswith("app.py:4:7: TL800 file not analysed: syntax error")
