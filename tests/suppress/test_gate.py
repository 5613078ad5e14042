"""`apply_suppressions`: files read for `# noqa`, decoded only when they mention it."""

from __future__ import annotations

from pathlib import Path

import pytest
from findings_factory import make_finding

import taskleak.suppress.gate as gate
from taskleak.model import Finding, Risk, RunResult
from taskleak.settings import Settings

WITH_UNUSED = Settings(extend_select=("TL900",))  # the opt-in unused-noqa rule


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
    gate.apply_suppressions(_result(*findings), WITH_UNUSED,
                            unused_in=[files / "plain.py", files / "other.py"])
    assert len(decoded) == 2 and all(b"noqa" in d.lower() for d in decoded)


def test_files_whose_facts_say_no_noqa_are_not_read(files: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """`without_noqa` (from the files' facts, run/pipeline.py): such a file is not read again;
    the others are, and their directives still count."""
    read: list[str] = []
    real = gate.read_source
    monkeypatch.setattr(gate, "read_source", lambda path: read.append(str(path)) or real(path))
    findings = [make_finding(path="plain.py", line=2), make_finding(path="latin.py", line=2)]
    result, noqa = gate.apply_suppressions(_result(*findings), Settings(),
                                           without_noqa=frozenset({"plain.py"}))
    assert read == ["latin.py"]
    assert [f.path for f in result.findings] == ["plain.py"]
    assert [f.path for f in noqa.suppressed] == ["latin.py"]


def test_a_checks_facts_say_which_files_mention_noqa(files: Path) -> None:
    from taskleak.run.pipeline import analyse_file

    assert not analyse_file((files / "plain.py").read_bytes(), "plain.py").mentions_noqa
    assert analyse_file((files / "latin.py").read_bytes(), "latin.py").mentions_noqa


def test_unused_directives_in_checked_files_without_findings(files: Path) -> None:
    result, noqa = gate.apply_suppressions(_result(), WITH_UNUSED,
                                           unused_in=[files / "plain.py", files / "other.py"])
    assert [(u.path, u.line, u.unused) for u in noqa.unused] == [("other.py", 1, ("TL201",))]
    (finding,) = result.findings  # a finding of the unused-noqa rule, in every report
    assert (finding.path, finding.line, finding.column, finding.end_column) == \
        ("other.py", 1, 8, 21)
    assert (finding.rule, finding.risk) == ("TL900", Risk.MEDIUM)
    assert finding.message == "Unused `noqa` directive (unused: TL201)"
    _, quiet = gate.apply_suppressions(_result(), WITH_UNUSED, report_unused=False,
                                       unused_in=[files / "other.py"])
    assert quiet.unused == []


def test_the_unused_noqa_rule_is_opt_in(files: Path) -> None:
    result, noqa = gate.apply_suppressions(_result(), Settings(),
                                           unused_in=[files / "other.py"])
    assert result.findings == [] and noqa.unused == []
    for selected in (Settings(select=("TL",)), Settings(select=("TL2", "TL9"))):
        result, _ = gate.apply_suppressions(_result(), selected, unused_in=[files / "other.py"])
        assert [f.rule for f in result.findings] == ["TL900"]
    ignored = Settings(select=("TL",), ignore=("TL900",))
    assert gate.apply_suppressions(_result(), ignored, unused_in=[files / "other.py"])[0] \
        .findings == []


def test_per_file_ignores(files: Path) -> None:
    (files / "tests").mkdir()
    (files / "tests" / "t.py").write_text("asyncio.create_task(f())  # noqa: TL201\n")
    findings = [make_finding(path="plain.py", line=2), make_finding(path="tests/t.py", line=1)]
    settings = Settings(per_file_ignores=(("tests/", ("TL1",)), ("plain.py", ("TL2",))),
                        extend_select=("TL900",), project_root=files)
    result, noqa = gate.apply_suppressions(_result(*findings), settings,
                                           unused_in=[files / "tests" / "t.py"])
    assert [f.path for f in result.findings if f.rule == "TL101"] == ["plain.py"]
    # TL201 is not ignored in tests/: its directive there suppressed nothing
    assert [(u.path, u.unused) for u in noqa.unused] == [("tests/t.py", ("TL201",))]
    settings.per_file_ignores += (("t.py", ("TL201", "TL900")),)
    result, noqa = gate.apply_suppressions(_result(*findings), settings,
                                           unused_in=[files / "tests" / "t.py"])
    assert noqa.unused == [] and [f.path for f in result.findings] == ["plain.py"]


def test_other_tools_codes_for_a_dropped_task_suppress_it(files: Path) -> None:
    (files / "ruff.py").write_text("asyncio.create_task(f())  # noqa: RUF006\n")
    (files / "flake8.py").write_text("asyncio.create_task(f())  # noqa:ASYNC300\n")
    (files / "e501.py").write_text("asyncio.create_task(f())  # noqa: E501\n")
    findings = [make_finding(path=p, line=1) for p in ("ruff.py", "flake8.py", "e501.py")]
    findings.append(make_finding(path="ruff.py", line=1, rule="TL201", risk=Risk.MEDIUM))
    result, _ = gate.apply_suppressions(_result(*findings), Settings())
    # the dropped-task rules only: another rule on that line is not the other tool's finding
    assert [(f.path, f.rule) for f in result.findings] == [("e501.py", "TL101"),
                                                          ("ruff.py", "TL201")]
    result, _ = gate.apply_suppressions(_result(*findings), Settings(noqa_aliases=()))
    assert len(result.findings) == 4
