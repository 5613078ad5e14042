"""The CI formats: GitLab Code Quality (its documented fields) and JUnit XML (parsed back)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from findings_factory import make_finding

from taskleak.model import FixInfo, FixKind, Risk, RunResult, Skipped
from taskleak.report.gitlab import render_gitlab
from taskleak.report.junit import render_junit
from taskleak.settings import Settings

SAFE_FIX = FixInfo(FixKind.TRACKED_SET, True, "keep the task in a set")


def _result() -> RunResult:
    return RunResult(
        findings=[
            make_finding(path="app/a.py", line=5, column=5, fix=SAFE_FIX),
            make_finding(path="app/a.py", line=9, column=5, snippet="other()"),
            make_finding(path="app/b.py", line=3, rule="TL201", risk=Risk.MEDIUM),
            make_finding(path="app/b.py", line=7, rule="TL001", risk=Risk.LOW),
            make_finding(path="app/c.py", line=1, column=8, rule="TL900", risk=Risk.MEDIUM,
                         message="Unused `noqa` directive (unused: TL101)"),
        ],
        skipped=[Skipped("app/bad.py", "syntax error: invalid syntax", 2, column=7)],
        files_scanned=4, files_parsed=3)


# --- GitLab Code Quality -------------------------------------------------------------------

# https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format
REQUIRED = {"description": str, "check_name": str, "fingerprint": str, "severity": str}
SEVERITIES = {"info", "minor", "major", "critical", "blocker"}


def test_gitlab_issues_have_the_documented_fields(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI_PROJECT_DIR", raising=False)
    monkeypatch.chdir(tmp_path)
    issues = json.loads(render_gitlab(_result(), root=tmp_path))
    assert isinstance(issues, list) and len(issues) == 4  # the green row is no issue
    for issue in issues:
        for key, kind in REQUIRED.items():
            assert isinstance(issue[key], kind), key
        assert issue["severity"] in SEVERITIES
        location = issue["location"]
        assert isinstance(location["path"], str)
        assert not location["path"].startswith(("./", "/"))
        begin = location["positions"]["begin"]
        assert isinstance(begin["line"], int) and begin["line"] >= 1
        assert set(issue) == {"description", "check_name", "fingerprint", "severity",
                              "location"}
    assert [(i["check_name"], i["severity"], i["location"]["path"]) for i in issues] == [
        ("TL101", "critical", "app/a.py"), ("TL101", "critical", "app/a.py"),
        ("TL201", "major", "app/b.py"), ("TL900", "major", "app/c.py"),
    ]
    assert len({i["fingerprint"] for i in issues}) == 4  # GitLab keeps one per fingerprint
    assert issues[3]["description"] == \
        "TL900 unused-noqa: Unused `noqa` directive (unused: TL101)"
    assert issues[0]["location"]["positions"]["begin"] == {"line": 5, "column": 5}


def test_gitlab_fingerprints_survive_moved_lines(tmp_path: Path) -> None:
    before = json.loads(render_gitlab(_result(), root=tmp_path))
    moved = _result()
    moved.findings = [make_finding(path=f.path, line=f.line + 10, column=f.column, rule=f.rule,
                                   risk=f.risk, snippet=f.snippet, message=f.message)
                      for f in moved.findings]
    after = json.loads(render_gitlab(moved, root=tmp_path))
    assert [i["fingerprint"] for i in after] == [i["fingerprint"] for i in before]


def test_gitlab_paths_are_relative_to_the_checkout(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path / "..")
    monkeypatch.setenv("CI_PROJECT_DIR", str(tmp_path.parent))
    issues = json.loads(render_gitlab(_result(), root=tmp_path))
    assert issues[0]["location"]["path"] == "app/a.py"
    empty = json.loads(render_gitlab(RunResult([], [], 0, 0), root=tmp_path))
    assert empty == []


# --- JUnit ---------------------------------------------------------------------------------


def test_junit_parses_back_with_a_failure_per_finding() -> None:
    root = ET.fromstring(render_junit(_result()))
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures"), root.get("skipped")) == ("6", "4", "1")
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert list(suites) == ["app/a.py", "app/b.py", "app/c.py", "skipped files"]
    b = suites["app/b.py"]
    assert (b.get("tests"), b.get("failures")) == ("2", "1")
    cases = {c.get("name"): c for c in b.findall("testcase")}
    assert set(cases) == {"app/b.py:3:9 TL201", "app/b.py:7:9 TL001"}
    failure = cases["app/b.py:3:9 TL201"].find("failure")
    assert failure is not None and failure.get("type") == "TL201"
    assert cases["app/b.py:7:9 TL001"].find("failure") is None  # a green row passes
    fixed = suites["app/a.py"].find("testcase/failure")
    assert fixed is not None and "fix (safe): keep the task in a set" in (fixed.text or "")
    skipped = suites["skipped files"].find("testcase")
    assert skipped is not None and skipped.get("name") == "app/bad.py:2:7"
    assert skipped.find("skipped") is not None


def test_junit_of_a_clean_run_has_one_passing_case() -> None:
    root = ET.fromstring(render_junit(RunResult([], [], 3, 0)))
    assert (root.get("tests"), root.get("failures")) == ("1", "0")
    assert [c.get("name") for c in root.iter("testcase")] == ["no task leaks"]


def test_junit_survives_text_xml_cannot_hold() -> None:
    odd = make_finding(coroutine="send('\x0b')", message="task send('\x0b') is discarded")
    root = ET.fromstring(render_junit(RunResult([odd], [], 1, 1)))
    failure = root.find("testsuite/testcase/failure")
    assert failure is not None and "\ufffd" in (failure.get("message") or "")


def test_fix_marks_follow_the_settings() -> None:
    from taskleak.report.summary import fix_line, rule_mark

    unsafe = make_finding(fix=FixInfo(FixKind.AWAIT, False, "await it"))
    result = RunResult([make_finding(fix=SAFE_FIX), unsafe], [], 1, 1)
    assert rule_mark(unsafe, Settings()) == "TL101"
    assert rule_mark(unsafe, Settings(unsafe_fixes=True)) == "TL101 [*]"
    assert rule_mark(unsafe, Settings(unsafe_fix_rules=("TL101",))) == "TL101 [*]"
    assert fix_line(result, Settings()) == (
        "[*] 1 fixable with `taskleak fix` (1 more with `taskleak fix --unsafe-fixes`).")
    assert fix_line(result, Settings(unsafe_fixes=True)) == "[*] 2 fixable with `taskleak fix`."
    assert fix_line(RunResult([unsafe], [], 1, 1), Settings()) == (
        "No safe fix: 1 fixable with `taskleak fix --unsafe-fixes` (see docs/fixes.md).")
