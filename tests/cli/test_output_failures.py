"""Where the report goes, from the command line (issue 15, items 6 and 7): a device given as the
output file is written into, a write that fails is one line and exit 2 (the old file kept), and
a file name that is not valid UTF-8 is written as valid UTF-8 and matches its baseline again."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from output_targets import LEAKY, SHOWN, URI, device, is_device, undecodable_file

from taskleak.cli import main


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
