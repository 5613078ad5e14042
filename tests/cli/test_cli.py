"""The check command end to end: discovery, bad input, JSON shape, exit codes, plain output."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from taskleak.cli import main
from taskleak.files import source

LEAK = "import asyncio\n\nasync def handler(msg):\n    asyncio.create_task(send(msg))\n"
TRACKED = (
    "import asyncio\n\nasync def main():\n    task = asyncio.create_task(work())\n"
    "    await task\n"
)


def check(*args: str, cwd: Path) -> tuple[int, str, str]:
    old = Path.cwd()
    os.chdir(cwd)
    try:
        res = CliRunner().invoke(main, ["check", *args])
    finally:
        os.chdir(old)
    return res.exit_code, res.stdout, res.stderr


def check_json(*args: str, cwd: Path) -> tuple[int, dict]:  # type: ignore[type-arg]
    code, out, _ = check("--format", "json", *args, cwd=cwd)
    return code, json.loads(out)


def test_json_shape_and_relative_paths(tmp_path: Path) -> None:
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "a.py").write_text(LEAK)
    code, doc = check_json(cwd=tmp_path)
    assert code == 1
    assert doc["version"] == 1
    (row,) = doc["findings"]
    assert set(row) >= {"path", "line", "column", "end_line", "end_column", "rule", "risk",
                        "spawner", "coroutine", "tracked", "cleaned", "message", "fix"}
    assert (row["path"], row["line"], row["column"]) == ("pkg/a.py", 4, 5)
    assert (row["rule"], row["risk"], row["spawner"]) == ("TL101", "high", "asyncio.create_task")
    assert row["coroutine"] == "send()"
    assert doc["summary"]["high"] == 1
    assert doc["summary"]["files_scanned"] == 1


def test_low_rows_are_included_and_do_not_fail(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text(TRACKED)
    code, doc = check_json(cwd=tmp_path)
    assert code == 0
    assert [r["risk"] for r in doc["findings"]] == ["low"]


@pytest.mark.parametrize(("fail_on", "expected"), [("high", 0), ("medium", 1), ("low", 1),
                                                   ("none", 0)])
def test_fail_on_threshold(tmp_path: Path, fail_on: str, expected: int) -> None:
    (tmp_path / "a.py").write_text(
        "import asyncio\nclass C:\n    def go(self):\n"
        "        self._t = asyncio.create_task(w())\n        self._g = None\n"
        "        if self._g is None:\n            self._g = asyncio.create_task(w())\n"
        "    def close(self):\n        self._g.cancel()\n"
    )
    code, doc = check_json("--fail-on", fail_on, cwd=tmp_path)
    assert {r["risk"] for r in doc["findings"]} == {"medium", "low"}
    assert code == expected


def test_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    code, _, err = check("does-not-exist", cwd=tmp_path)
    assert code == 2
    assert "does-not-exist" in err and "does not exist" in err


def test_bad_files_are_reported_and_skipped_and_the_run_goes_on(tmp_path: Path) -> None:
    (tmp_path / "good.py").write_text(LEAK)
    (tmp_path / "broken.py").write_text("import asyncio\ndef f(:\n    asyncio.create_task(x)\n")
    (tmp_path / "binary.py").write_bytes(b"create_task\x00\x01\x02")
    (tmp_path / "latin.py").write_bytes(b"import asyncio\nx = '\xe9'\nasyncio.create_task(y)\n")
    (tmp_path / "cookie.py").write_bytes(b"# -*- coding: klingon -*-\nasyncio.create_task(y)\n")
    code, doc = check_json(cwd=tmp_path)
    assert code == 1
    assert [r["path"] for r in doc["findings"] if r["rule"] != "TL800"] == ["good.py"]
    # each file skipped is also an error of file-not-analysed (TL800)
    assert sorted(r["path"] for r in doc["findings"] if r["rule"] == "TL800") == [
        "binary.py", "broken.py", "cookie.py", "latin.py"]
    reasons = {s["path"]: s["reason"] for s in doc["skipped"]}
    assert set(reasons) == {"broken.py", "binary.py", "latin.py", "cookie.py"}
    assert reasons["broken.py"].startswith("syntax error")
    assert "binary" in reasons["binary.py"]
    assert "cannot decode as utf-8" in reasons["latin.py"]
    assert "klingon" in reasons["cookie.py"]
    assert {s["path"]: s["line"] for s in doc["skipped"]}["latin.py"] == 2


def test_huge_file_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(source, "MAX_BYTES", 100)
    (tmp_path / "big.py").write_text(LEAK + "#" * 200 + "\n")
    code, doc = check_json(cwd=tmp_path)
    assert doc["skipped"][0]["reason"].startswith("file too large")
    assert [(f["path"], f["rule"]) for f in doc["findings"]] == [("big.py", "TL800")]
    assert code == 1  # not analysed: it fails the run


def test_encodings_bom_crlf_and_cookie_are_read(tmp_path: Path) -> None:
    (tmp_path / "bom.py").write_bytes(b"\xef\xbb\xbf" + LEAK.encode())
    (tmp_path / "crlf.py").write_bytes(LEAK.replace("\n", "\r\n").encode())
    (tmp_path / "latin1.py").write_bytes(
        b"# -*- coding: latin-1 -*-\n" + LEAK.replace("msg", "m\xe9s").encode("latin-1")[:0]
        + "import asyncio\n\nasync def f(m\xe9s):\n    asyncio.create_task(send(m\xe9s))\n"
        .encode("latin-1")
    )
    _, doc = check_json(cwd=tmp_path)
    assert doc["skipped"] == []
    assert sorted((r["path"], r["line"]) for r in doc["findings"]) == [
        ("bom.py", 4), ("crlf.py", 4), ("latin1.py", 5)]


def test_gitignore_and_junk_folders_are_skipped_but_named_files_are_checked(
        tmp_path: Path) -> None:
    for folder in (".venv/lib", "build", "node_modules/x", "__pycache__", "ignored", "src"):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "m.py").write_text(LEAK)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("ignored/\n*.generated.py\n")
    (tmp_path / "src" / "x.generated.py").write_text(LEAK)
    _, doc = check_json(cwd=tmp_path)
    assert [r["path"] for r in doc["findings"]] == ["src/m.py"]
    _, doc = check_json("ignored/m.py", cwd=tmp_path)  # named on the command line
    assert [r["path"] for r in doc["findings"]] == ["ignored/m.py"]
    _, doc = check_json("--no-respect-gitignore", cwd=tmp_path)
    assert sorted(r["path"] for r in doc["findings"]) == [
        "ignored/m.py", "src/m.py", "src/x.generated.py"]


def test_exclude_patterns(tmp_path: Path) -> None:
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "a.py").write_text(LEAK)
    (tmp_path / "app" / "test_a.py").write_text(LEAK)
    _, doc = check_json("--extend-exclude", "test_*.py", cwd=tmp_path)
    assert [r["path"] for r in doc["findings"]] == ["app/a.py"]


def test_select_and_ignore(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text(LEAK + TRACKED.replace("import asyncio\n", ""))
    _, doc = check_json("--select", "TL1", cwd=tmp_path)
    assert [r["rule"] for r in doc["findings"]] == ["TL101"]
    _, doc = check_json("--ignore", "TL101", cwd=tmp_path)
    assert [r["rule"] for r in doc["findings"]] == ["TL001"]


def test_plain_text_table_when_not_a_terminal(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text(LEAK)
    proc = subprocess.run([sys.executable, "-m", "taskleak", "check", "--output-format",
                           "table", "."], cwd=tmp_path, capture_output=True, text=True,
                          check=False)
    assert proc.returncode == 1
    assert "\x1b[" not in proc.stdout  # no colour codes in a pipe
    lines = proc.stdout.splitlines()
    row = next(line for line in lines if line.startswith("| a.py:4"))
    assert "send()" in row and "discarded" in row and "| high" in row and "TL101" in row
    assert "●" not in proc.stdout  # plain ASCII in a pipe
    # the table is the report: no concise line repeats its row after it (issue 71)
    assert not any(line.startswith("a.py:4:5: TL101") for line in lines)
    assert lines[-2].startswith("1 task spawn in 1 file: 1 high, 0 medium, 0 low.")
    assert lines[-1] == "[*] 1 fixable with `taskleak fix`."
