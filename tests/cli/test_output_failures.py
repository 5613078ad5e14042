"""Output under hostile input, from the command line (issue 15, items 6 and 7): a file name that
is not valid UTF-8 in every output, and every write that fails (a full disk, a reader that goes
away, a terminal that cannot encode) as one line and exit 2, or a quiet exit for a closed pipe.

Most run in process with fake streams (fast); three run the real command, for what only a real
process shows: its encoding from PYTHONIOENCODING, /dev/full, a pipe closed under it.
"""

from __future__ import annotations

import errno
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from output_targets import LEAKY, SHOWN, URI, device, is_device, undecodable_file

from taskleak.cli import main

FORMATS = ("full", "concise", "json", "json-lines", "sarif", "github", "gitlab", "junit",
           "markdown")
HUMAN_FORMATS = ("full", "concise", "markdown")
# Every command that prints on stdout, each way.
PRINTING = [("check", "--no-cache"), ("check", "--format", "json"), ("check", "--format", "sarif"),
            ("check", "--format", "markdown"), ("check", "--statistics"),
            ("check", "--show-files"), ("check", "--show-settings"), ("fix", "--diff"),
            ("rules",), ("explain", "TL101"), ("--version",)]
FULL_DISK = "taskleak: error: cannot write stdout: No space left on device\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder whose one leaky module is named `caf\\xe9.py` (not valid UTF-8)."""
    undecodable_file(tmp_path)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def leaky(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder whose one leaky module has a plain name."""
    (tmp_path / "leaky.py").write_bytes(LEAKY)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def taskleak(*args: str, charset: str = "utf-8") -> Result:
    return CliRunner(charset=charset).invoke(main, list(args))


def assert_exit(result: Result, code: int) -> None:
    """The command exited with `code` (CliRunner also gives 1 for an exception it caught)."""
    assert isinstance(result.exception, (SystemExit, type(None))), result.exc_info
    assert result.exit_code == code, result.output


# --- a file to write: devices, failures ------------------------------------------------------


def test_an_output_file_on_a_full_device_is_exit_2(leaky: Path) -> None:
    full = device(leaky, "full")
    result = taskleak("check", "--no-cache", "-o", str(full))
    assert (result.exit_code, result.stderr) == (
        2, f"taskleak: error: cannot write the report to {full}: No space left on device\n")
    assert is_device(full)  # written into, never renamed over


def test_an_output_file_on_the_null_device_stays_a_device(leaky: Path) -> None:
    null = device(leaky, "null")
    assert_exit(taskleak("check", "--no-cache", "-o", str(null)), 1)
    assert is_device(null)  # as root, a rename over it would have made it a file


def test_a_failed_output_file_keeps_the_old_one(leaky: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    (leaky / "out.json").write_text("old report\n")

    def full_disk(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    result = taskleak("check", "--no-cache", "--format", "json", "-o", "out.json")
    assert (result.exit_code, result.stderr) == (
        2, "taskleak: error: cannot write the report to out.json: No space left on device\n")
    assert (leaky / "out.json").read_text() == "old report\n"
    assert not [p for p in leaky.iterdir() if p.name.endswith(".taskleak.tmp")]


# --- a file name that is not valid UTF-8, in files -------------------------------------------


def test_sarif_to_a_file_names_the_file_by_its_bytes(project: Path) -> None:
    result = taskleak("check", "--no-cache", "--format", "sarif", "-o", "reports/new/x.sarif")
    assert (result.exit_code, result.stderr) == (1, "")
    log = json.loads((project / "reports" / "new" / "x.sarif").read_bytes().decode("utf-8"))
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == URI


def test_a_baseline_with_the_name_matches_it_on_the_next_run(project: Path) -> None:
    written = taskleak("check", "--no-cache", "--write-baseline", "b.json")
    assert written.exit_code == 0, written.output
    assert json.loads((project / "b.json").read_bytes())["entries"][0]["path"] == SHOWN
    again = taskleak("check", "--no-cache", "--baseline", "b.json", "--format", "json")
    assert again.exit_code == 0, again.output
    assert json.loads(again.stdout)["findings"] == []


# --- stdout: its encoding, its failures ------------------------------------------------------


class _Failing(io.BufferedIOBase):
    """A stdout whose every write fails with `error`."""

    def __init__(self, error: OSError) -> None:
        super().__init__()
        self.error = error

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        raise self.error


def run_with_stdout(monkeypatch: pytest.MonkeyPatch, error: OSError,
                    *args: str) -> tuple[Any, str]:
    """Run the command in this process with a stdout that fails with `error`: (exit, stderr)."""
    stderr = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(_Failing(error), encoding="utf-8"))
    monkeypatch.setattr(sys, "stderr", io.TextIOWrapper(stderr, encoding="utf-8"))
    with pytest.raises(SystemExit) as exit:
        main.main(list(args), prog_name="taskleak")
    sys.stderr.flush()
    return exit.value.code, stderr.getvalue().decode("utf-8")


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_on_stdout_is_valid_utf8(project: Path, fmt: str) -> None:
    result = taskleak("check", "--no-cache", "--format", fmt, "--show-low")
    assert_exit(result, 1)
    text = result.stdout_bytes.decode("utf-8")  # strict: no raw byte, no surrogate
    if fmt == "sarif":
        assert URI in text
    elif fmt in ("json", "json-lines", "gitlab"):
        assert json.dumps(SHOWN) in text or json.dumps(SHOWN)[1:-1] in text
    else:
        assert SHOWN in text


@pytest.mark.parametrize("fmt", HUMAN_FORMATS)
def test_an_ascii_terminal_gets_escapes_not_a_crash(project: Path, fmt: str) -> None:
    result = taskleak("check", "--no-cache", "--format", fmt, charset="ascii")
    assert_exit(result, 1)
    assert result.stdout_bytes.isascii()
    assert SHOWN in result.stdout


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_json_on_an_ascii_terminal_is_still_utf8_json(project: Path, fmt: str) -> None:
    result = taskleak("check", "--no-cache", "--format", fmt, charset="ascii")
    assert_exit(result, 1)
    json.loads(result.stdout_bytes.decode("utf-8"))


@pytest.mark.parametrize("args", PRINTING, ids=" ".join)
def test_a_full_stdout_is_one_line_and_exit_2(project: Path, monkeypatch: pytest.MonkeyPatch,
                                              args: tuple[str, ...]) -> None:
    error = OSError(errno.ENOSPC, "No space left on device")
    assert run_with_stdout(monkeypatch, error, *args) == (2, FULL_DISK)


@pytest.mark.parametrize("args", PRINTING, ids=" ".join)
def test_a_closed_pipe_ends_the_run_quietly(project: Path, monkeypatch: pytest.MonkeyPatch,
                                            args: tuple[str, ...]) -> None:
    """No traceback, nothing on stderr, and the exit code the run would have had anyway (the
    check finds a spawn: 1, so `taskleak check | head` still fails a `pipefail` gate)."""
    error = BrokenPipeError(errno.EPIPE, "Broken pipe")
    expected = taskleak(*args).exit_code  # the same run with a reader that reads it all
    code, stderr = run_with_stdout(monkeypatch, error, *args)
    assert code == expected
    assert "error" not in stderr.lower() and "Traceback" not in stderr  # summaries may stay
    if args in (("check", "--no-cache"), ("fix", "--diff")):
        assert expected == 1  # a finding, a diff: the gate's code survives the closed pipe


# --- the real command ------------------------------------------------------------------------


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "taskleak", *args]


def test_a_real_ascii_terminal(project: Path) -> None:
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    proc = subprocess.run(command("check", "--no-cache"), capture_output=True, env=env,
                          timeout=120)
    assert (proc.returncode, proc.stderr) == (1, b"")
    assert proc.stdout.isascii() and SHOWN.encode() in proc.stdout


def test_a_real_dev_full(project: Path) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system")
    with open("/dev/full", "wb") as full:
        proc = subprocess.run(command("check", "--no-cache", "--format", "json"), stdout=full,
                              stderr=subprocess.PIPE, timeout=120)
    assert (proc.returncode, proc.stderr) == (2, FULL_DISK.encode())


def test_a_real_pipe_closed_early(project: Path) -> None:
    proc = subprocess.Popen(command("check", "--no-cache"), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # `| head -0`: gone before the report is written
    assert (proc.wait(timeout=120), proc.stderr.read()) == (1, b"")  # the run's exit code
    proc.stderr.close()
