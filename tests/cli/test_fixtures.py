"""End to end: `taskleak check --format json`, run as a user runs it, on the seeds' server.

`fixtures/voice_chat_server/` (scanned as a folder) has its expected rows in `expected.json`, in
the one format of every check case (`tests/rules/README.md`): `{"path", "line", "column",
"rule", "risk", "message", "evidence"}`, `path` relative to the folder the CLI runs in. The
rules' own cases run in process (`tests/rules/test_rules.py`).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tokenize
from dataclasses import dataclass
from pathlib import Path

import libcst
import pytest
from case_runs import folder_case, mismatch
from expectations import Row, load_rows
from helpers import FIXTURES, TESTS, sample_files

from taskleak.model import Risk
from taskleak.rules import RULES

VOICE_DIR = FIXTURES / "voice_chat_server"
TRAPS = TESTS / "analysis" / "traps"
# A call that could spawn a task: create_task/ensure_future/run_coroutine_threadsafe/
# start_soon/start or a local alias named spawn (the fixtures use no other names).
SPAWN_CALL = re.compile(
    r"\b(create_task|ensure_future|run_coroutine_threadsafe|start_soon|start|spawn)\s*\("
)
CLI_TIMEOUT_SECONDS = 120


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

    expected = load_rows(fixture.expected_file)
    actual = sorted(Row.of_json(row) for row in report["findings"])
    if report.get("skipped"):
        pytest.fail(f"skipped files: {report['skipped']}")
    if actual != expected:
        pytest.fail(mismatch(folder_case(fixture.cwd), expected, actual), pytrace=False)

    failing = any(r.risk in (Risk.HIGH.value, Risk.MEDIUM.value) for r in expected)
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
    rows = load_rows(fixture.expected_file)  # the loader refuses a malformed or unsorted file
    locations = [(r.path, r.line) for r in rows]
    assert len(locations) == len(set(locations)), "one row per spawn: duplicate path:line"
    source_paths = {src.relative_to(fixture.cwd).as_posix() for src in fixture.sources}
    for p, line, column, rule, risk, _, _ in rows:
        where = f"{fixture.expected_file.name}: {p}:{line}:{column}"
        assert p in source_paths, f"{where}: not a file of this fixture"
        lines = source_lines(fixture.cwd / p)
        assert 1 <= line <= len(lines), f"{where}: line outside the file ({len(lines)} lines)"
        code = lines[line - 1].split("#", 1)[0]
        assert SPAWN_CALL.search(code, column - 1), (  # the row points at the call
            f"{where}: no spawn-looking call there: {lines[line - 1]!r}")
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
