"""ruff's short forms and flags: -e, -n, -V, --no-fix, --color, stdin with --stdin-filename
alone, `explain RUF006`."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from taskleak import __version__
from taskleak.cli import main

LEAKY = "import asyncio\n\n\nasync def handler():\n    asyncio.create_task(send())\n"


def taskleak(*args: str, **kwargs: object) -> Result:
    return CliRunner().invoke(main, list(args), **kwargs)  # type: ignore[arg-type]


@pytest.fixture
def leaky(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "a.py").write_text(LEAKY)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_short_forms(leaky: Path) -> None:
    assert taskleak("check", "-n").exit_code == 1
    assert taskleak("check", "-n", "-e").exit_code == 0
    assert not (leaky / ".taskleak_cache").exists()  # -n is --no-cache
    version = taskleak("-V")
    assert version.exit_code == 0 and version.stdout == f"taskleak, version {__version__}\n"


def test_no_fix_turns_fix_off(leaky: Path) -> None:
    result = taskleak("check", "-n", "--fix", "--no-fix")
    assert result.exit_code == 1 and (leaky / "a.py").read_text() == LEAKY


@pytest.mark.parametrize(("color", "escapes"), [("always", True), ("never", False)])
def test_color(leaky: Path, color: str, escapes: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("FORCE_COLOR", "NO_COLOR"):  # --color sets one: put both back afterwards
        monkeypatch.setenv(name, "")
        monkeypatch.delenv(name)
    result = taskleak("check", "-n", "--color", color)
    assert ("\x1b[" in result.stdout) is escapes
    assert result.stdout.splitlines()[0].endswith(
        "a.py:5:5:\x1b[0m TL101 [*] high: task send() is discarded") is escapes


def test_stdin_filename_alone_reads_stdin(leaky: Path) -> None:
    result = taskleak("check", "-n", "--stdin-filename", "pkg/b.py", "--output-format",
                      "concise", input=LEAKY)
    assert result.exit_code == 1
    assert result.stdout.startswith("pkg/b.py:5:5: TL101 [*] high: task send() is discarded")


def test_stdin_filename_with_files_is_an_error(leaky: Path) -> None:
    result = taskleak("check", "-n", "--stdin-filename", "b.py", "a.py")
    assert result.exit_code == 2
    assert "--stdin-filename reads stdin: give `-` or no path" in result.stderr


def test_explain_another_linters_code() -> None:
    result = taskleak("explain", "RUF006")
    assert result.exit_code == 0
    assert result.stdout.startswith("# task-discarded (TL101)\n")
    assert result.stderr == ("RUF006 is another linter's code for TL101 (task-discarded) and "
                             "TL102 (task-unreferenced); taskleak's TL101 (task-discarded) "
                             "follows.\n")


KEPT = ("import asyncio\n\n\nclass A:\n    def start(self) -> None:\n"
        "        self._t = asyncio.create_task(asyncio.sleep(1))\n")  # medium, no fix offered


def test_fix_only_reports_what_was_fixed_never_what_is_left(leaky: Path) -> None:
    (leaky / "b.py").write_text(KEPT)
    result = taskleak("check", "-n", "--fix-only")
    assert result.exit_code == 0  # b.py's medium is left, and does not fail --fix-only
    assert result.stdout == ""
    assert result.stderr == "taskleak: Fixed 1 finding in 1 file (tracked-set 1).\n"
    assert "asyncio.create_task(send())" in (leaky / "a.py").read_text()
    assert (leaky / "a.py").read_text() != LEAKY and (leaky / "b.py").read_text() == KEPT
    again = taskleak("check", "-n", "--fix-only")
    assert (again.exit_code, again.stdout, again.stderr) == (
        0, "", "taskleak: No fixes applied.\n")


def test_fix_only_with_exit_non_zero_on_fix(leaky: Path) -> None:
    assert taskleak("check", "-n", "--fix-only", "--exit-non-zero-on-fix").exit_code == 1
    assert taskleak("check", "-n", "--fix-only", "--exit-non-zero-on-fix").exit_code == 0
