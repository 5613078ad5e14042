"""`apply_suppressions`: files read for `# noqa`, decoded only when they mention it."""

from __future__ import annotations

from pathlib import Path

import pytest
from findings_factory import make_finding

import taskleak.suppress.gate as gate
from taskleak.model import Finding, RunResult
from taskleak.settings import Settings


def _result(*findings: Finding) -> RunResult:
    return RunResult(findings=list(findings), skipped=[], files_scanned=3, files_parsed=3)


@pytest.fixture
def files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "plain.py").write_text("import asyncio\nasyncio.create_task(f())\n")
    (tmp_path / "latin.py").write_bytes(
        b"# -*- coding: latin-1 -*-\nasyncio.create_task(f())  # NoQA: tl101 caf\xe9\n")
    (tmp_path / "other.py").write_text("x = 1  # noqa: TL201\n")
    return tmp_path


def test_directives_are_found_whatever_the_case_and_encoding(files: Path) -> None:
    findings = [make_finding(path="plain.py", line=2), make_finding(path="latin.py", line=2)]
    result, noqa = gate.apply_suppressions(_result(*findings), Settings())
    assert [f.path for f in result.findings] == ["plain.py"]
    assert [f.path for f in noqa.suppressed] == ["latin.py"]


def test_files_without_the_word_are_not_decoded(files: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    decoded: list[bytes] = []
    real = gate.decode
    monkeypatch.setattr(gate, "decode", lambda data: decoded.append(data) or real(data))
    findings = [make_finding(path="plain.py", line=2), make_finding(path="latin.py", line=2)]
    gate.apply_suppressions(_result(*findings), Settings(),
                            unused_in=[files / "plain.py", files / "other.py"])
    assert len(decoded) == 2 and all(b"noqa" in d.lower() for d in decoded)


def test_unused_directives_in_checked_files_without_findings(files: Path) -> None:
    _, noqa = gate.apply_suppressions(_result(), Settings(),
                                      unused_in=[files / "plain.py", files / "other.py"])
    assert [(u.path, u.line, u.unused) for u in noqa.unused] == [("other.py", 1, ("TL201",))]
    _, quiet = gate.apply_suppressions(_result(), Settings(), report_unused=False,
                                       unused_in=[files / "other.py"])
    assert quiet.unused == []
