"""End to end: `taskleak check --format json`, run as a user runs it, on the seeds' server.

`fixtures/voice_chat_server/` (scanned as a folder) has its expected rows in `expected.json`; a
row is `{"path", "line", "rule", "risk"}`, `path` relative to the folder the CLI runs in. The
rules' own cases run in process (`tests/rules/test_rules.py`).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tokenize
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import libcst
import pytest
from helpers import FIXTURES, TESTS, sample_files

from taskleak.model import Risk
from taskleak.rules import RULES

VOICE_DIR = FIXTURES / "voice_chat_server"
TRAPS = TESTS / "analysis" / "traps"
ROW_KEYS = {"path", "line", "rule", "risk"}
# A call that could spawn a task: create_task/ensure_future/run_coroutine_threadsafe/
# start_soon/start or a local alias named spawn (the fixtures use no other names).
SPAWN_CALL = re.compile(
    r"\b(create_task|ensure_future|run_coroutine_threadsafe|start_soon|start|spawn)\s*\("
)
CLI_TIMEOUT_SECONDS = 120

Row = tuple[str, int, str, str]  # (path, line, rule, risk)


@dataclass(frozen=True)
class Fixture:
    name: str  # pytest id
    cwd: Path  # where the CLI runs; expected paths are relative to it
    target: str  # the path argument given to the CLI
    expected_file: Path
    sources: tuple[Path, ...]  # the Python files the fixture consists of


def _all_fixtures() -> list[Fixture]:
    voice = Fixture(
        name="voice_chat_server",
        cwd=VOICE_DIR,
        target=".",
        expected_file=VOICE_DIR / "expected.json",
        sources=tuple(sorted(VOICE_DIR.rglob("*.py"))),
    )
    return [voice]


ALL_FIXTURES = _all_fixtures()


def source_lines(path: Path) -> list[str]:
    """The file's lines as Python numbers them (PEP 263 cookie, BOM, CRLF/CR/LF)."""
    raw = path.read_bytes()
    encoding, _ = tokenize.detect_encoding(iter(raw.splitlines(keepends=True)).__next__)
    text = raw.decode(encoding)  # "utf-8-sig" when there is a BOM: it is dropped here
    lines = re.split(r"\r\n|\r|\n", text)
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def load_expected(path: Path) -> list[Row]:
    """Read an expected file, rejecting anything that is not a list of well-formed rows."""
    data = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(data, list), f"{path}: expected a JSON list"
    rows: list[Row] = []
    for i, item in enumerate(data):
        assert isinstance(item, dict), f"{path}[{i}]: expected an object"
        assert set(item) == ROW_KEYS, f"{path}[{i}]: keys {sorted(item)} != {sorted(ROW_KEYS)}"
        p, line, rule, risk = item["path"], item["line"], item["rule"], item["risk"]
        assert isinstance(p, str) and p and "\\" not in p, f"{path}[{i}]: bad path {p!r}"
        assert isinstance(line, int) and not isinstance(line, bool), f"{path}[{i}]: bad line"
        assert isinstance(rule, str) and isinstance(risk, str), f"{path}[{i}]: bad rule/risk"
        rows.append((p, line, rule, risk))
    return rows


def finding_rows(findings: list[dict[str, Any]]) -> list[Row]:
    return [(f["path"], f["line"], f["rule"], f["risk"]) for f in findings]


def describe(rows: list[Row], fixture: Fixture) -> str:
    """One line per row, with the source line it points at, for readable failures."""
    out = []
    for p, line, rule, risk in sorted(rows):
        src = fixture.cwd / p
        text = ""
        if src.is_file():
            lines = source_lines(src)
            if 1 <= line <= len(lines):
                text = lines[line - 1].strip()
        out.append(f"    {p}:{line} {rule} {risk}    | {text}")
    return "\n".join(out)


def run_check(fixture: Fixture) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "taskleak", "check", "--format", "json", fixture.target],
        cwd=fixture.cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=CLI_TIMEOUT_SECONDS,
        check=False,
    )


@pytest.mark.parametrize("fixture", ALL_FIXTURES, ids=[f.name for f in ALL_FIXTURES])
def test_fixture_findings_match_expected(fixture: Fixture) -> None:
    proc = run_check(fixture)
    assert proc.returncode in (0, 1), (
        f"taskleak exited {proc.returncode}\nstdout:\n{proc.stdout}\nstderr:\n{proc.stderr}"
    )
    try:
        report = json.loads(proc.stdout)
    except json.JSONDecodeError as exc:
        pytest.fail(f"stdout is not JSON ({exc})\nstdout:\n{proc.stdout}\nstderr:\n{proc.stderr}")
    assert report.get("version") == 1, f"unexpected report version: {report.get('version')!r}"

    expected = Counter(load_expected(fixture.expected_file))
    actual = Counter(finding_rows(report["findings"]))
    missing = list((expected - actual).elements())
    extra = list((actual - expected).elements())
    if missing or extra:
        parts = [f"findings differ from {fixture.expected_file.relative_to(FIXTURES.parent)}"]
        if missing:
            parts.append(f"  missing ({len(missing)}):\n{describe(missing, fixture)}")
        if extra:
            parts.append(f"  extra ({len(extra)}):\n{describe(extra, fixture)}")
        if report.get("skipped"):
            parts.append(f"  skipped files: {report['skipped']}")
        pytest.fail("\n".join(parts))

    failing = any(risk in (Risk.HIGH.value, Risk.MEDIUM.value) for *_, risk in expected)
    assert proc.returncode == (1 if failing else 0), (
        f"exit code {proc.returncode}, expected {1 if failing else 0} "
        f"(default --fail-on medium)\nstderr:\n{proc.stderr}"
    )


# --- structure of the fixtures and expected files (independent of the analysis) ---


def test_the_voice_fixture_has_its_expected_rows_and_readme() -> None:
    assert (VOICE_DIR / "expected.json").is_file()
    assert (VOICE_DIR / "README.md").is_file()


@pytest.mark.parametrize("path", sample_files(), ids=lambda p: str(p.relative_to(TESTS.parent)))
def test_sample_programs_parse(path: Path) -> None:
    # libcst, not ast: one trap uses Python 3.12 syntax that this interpreter may not parse.
    libcst.parse_module(path.read_bytes())


@pytest.mark.parametrize("fixture", ALL_FIXTURES, ids=[f.name for f in ALL_FIXTURES])
def test_expected_rows_are_well_formed(fixture: Fixture) -> None:
    rows = load_expected(fixture.expected_file)
    assert rows == sorted(rows, key=lambda r: (r[0], r[1])), "rows must be sorted by path, line"
    locations = [(p, line) for p, line, _, _ in rows]
    assert len(locations) == len(set(locations)), "one row per spawn: duplicate path:line"
    source_paths = {src.relative_to(fixture.cwd).as_posix() for src in fixture.sources}
    for p, line, rule, risk in rows:
        where = f"{fixture.expected_file.name}: {p}:{line}"
        assert p in source_paths, f"{where}: not a file of this fixture"
        lines = source_lines(fixture.cwd / p)
        assert 1 <= line <= len(lines), f"{where}: line outside the file ({len(lines)} lines)"
        code = lines[line - 1].split("#", 1)[0]
        assert SPAWN_CALL.search(code), f"{where}: no spawn-looking call: {lines[line - 1]!r}"
        assert rule in RULES, f"{where}: unknown rule {rule}"
        assert risk in {r.value for r in Risk}, f"{where}: unknown risk {risk}"
        default = RULES[rule].risk
        if rule in ("TL001", "TL101", "TL102"):
            assert risk == default.value, f"{where}: {rule} is always {default.value}"
        else:  # frequency may raise a medium rule to high, never lower it
            assert Risk(risk).rank >= default.rank, f"{where}: {rule} below {default.value}"


def test_encoding_traps_are_byte_exact() -> None:
    # A checkout that normalised these files would silently stop testing what they are for.
    crlf = (TRAPS / "crlf.py").read_bytes()
    assert b"\r\n" in crlf and b"\n" not in crlf.replace(b"\r\n", b"")
    assert (TRAPS / "utf8_bom.py").read_bytes().startswith(b"\xef\xbb\xbf")
    latin1 = (TRAPS / "latin1_cookie.py").read_bytes()
    assert latin1.startswith(b"# -*- coding: latin-1 -*-")
    assert b"\xe9" in latin1  # "é" as one latin-1 byte, invalid as UTF-8
    with pytest.raises(UnicodeDecodeError):
        latin1.decode("utf-8")
