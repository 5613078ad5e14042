"""`max-file-size`: a file larger than it, in which a spawn may be, is skipped with its reason
instead of parsed (a generated 400k-line module took minutes), a file not analysed (TL800,
which fails the run; `--ignore file-not-analysed` keeps the skip alone); the limit is stated in
`--help`, set in the configuration or with `--config`, and a file with no spawn's name in it is
never skipped for its size (a byte search answers for it)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from taskleak.cli import main
from taskleak.files.source import human_size
from taskleak.settings import DEFAULT_MAX_FILE_SIZE

LEAKY = "import asyncio\n\n\nasync def handler(msg):\n    asyncio.create_task(send(msg))\n"


def taskleak(*args: str, **kwargs: object) -> Result:
    return CliRunner().invoke(main, list(args), **kwargs)  # type: ignore[arg-type]


def padded(source: str, size: int) -> str:
    """`source` followed by comment lines up to `size` bytes at least."""
    line = "# " + "x" * 77 + "\n"
    return source + line * (1 + (size - len(source)) // len(line))


def report(*args: str) -> tuple[int, dict[str, object]]:
    result = taskleak("check", "--output-format", "json", *args)
    return result.exit_code, json.loads(result.stdout)


def not_analysed(doc: dict[str, object]) -> list[str]:
    """The files the report's TL800 findings name."""
    return [f["path"] for f in doc["findings"]  # type: ignore[attr-defined]
            if f["rule"] == "TL800"]


def test_the_default_limit_skips_a_big_file_that_may_spawn(project: Path) -> None:
    big = padded(LEAKY, DEFAULT_MAX_FILE_SIZE + 1)
    (project / "generated.py").write_text(big)
    (project / "data.py").write_text(padded("TABLE = {}\n", DEFAULT_MAX_FILE_SIZE * 2))
    code, doc = report("--no-cache")
    assert not_analysed(doc) == ["generated.py"] and len(doc["findings"]) == 1  # type: ignore[arg-type]
    assert code == 1
    assert doc["skipped"] == [{"path": "generated.py", "line": None, "reason": (
        f"file too large to analyse ({len(big):,} bytes, over max-file-size = "
        f"{human_size(DEFAULT_MAX_FILE_SIZE)}; raise it to analyse the file)")}]
    # data.py is twice as big, but no spawn's name is in it: read, ruled out, never skipped
    assert doc["summary"]["files_scanned"] == 2  # type: ignore[index]
    full = taskleak("check", "--no-cache", "--ignore", "file-not-analysed").stdout
    assert "generated.py: skipped: file too large to analyse" in full


def test_the_limit_is_a_configuration_key(project: Path) -> None:
    (project / "app.py").write_text(padded(LEAKY, 3000))
    assert report("--no-cache")[1]["skipped"] == []  # under the default: analysed
    (project / "pyproject.toml").write_text('[tool.taskleak]\nmax-file-size = "2 KiB"\n')
    code, doc = report("--no-cache", "--ignore", "file-not-analysed")
    assert (code, doc["findings"]) == (0, [])
    assert "over max-file-size = 2 KiB" in doc["skipped"][0]["reason"]  # type: ignore[index]
    # on the command line, over the file's; in bytes or with a unit
    for value in ("4000", "'4 KB'", "'3.5KiB'"):
        code, doc = report("--no-cache", "--config", f"max-file-size = {value}")
        assert (code, doc["skipped"]) == (1, []), value
    shown = taskleak("check", "--show-settings").stdout
    assert "max-file-size = 2048  # bytes: 2 KiB" in shown


def test_a_changed_limit_is_not_answered_from_the_cache(project: Path) -> None:
    """Facts cached under a larger limit are not replayed once the file is over the new one,
    nor the skip once the limit grows again."""
    (project / "app.py").write_text(padded(LEAKY, 3000))
    assert report()[0] == 1  # analysed and cached
    code, doc = report("--config", "max-file-size = 2000")
    assert code == 1 and not_analysed(doc) == ["app.py"]
    assert len(doc["skipped"]) == 1  # type: ignore[arg-type]
    assert [f["rule"] for f in report()[1]["findings"]] == ["TL101"]  # type: ignore[attr-defined]


def test_stdin_has_the_same_limit(project: Path) -> None:
    big = padded(LEAKY, 3000)
    args = ("check", "-", "--stdin-filename", "app.py", "--output-format", "json")
    doc = json.loads(taskleak(*args, "--config", "max-file-size = 2000", input=big).stdout)
    assert not_analysed(doc) == ["app.py"] and "too large to analyse" in doc["skipped"][0]["reason"]
    assert taskleak(*args, input=big).exit_code == 1


@pytest.mark.parametrize("value", ["0", "-1", "true", "'big'", "'2 TB'", "'65 MiB'"])
def test_a_bad_limit_is_a_usage_error(project: Path, value: str) -> None:
    result = taskleak("check", "--config", f"max-file-size = {value}")
    assert result.exit_code == 2
    assert "--config 'max-file-size' must be a size from 1 byte to 64 MiB" in result.stderr


def test_help_states_the_limit() -> None:
    text = " ".join(taskleak("check", "--help").stdout.split())
    assert f"larger than `max-file-size` (default {human_size(DEFAULT_MAX_FILE_SIZE)};" in text
    assert "it is reported as skipped" in text


def test_a_big_caller_of_a_spawn_helper_is_skipped_not_passed(project: Path) -> None:
    """No spawn's name in it, but it calls the project's helper that returns its task: the
    file must be analysed to be judged, so over the limit it is reported skipped."""
    (project / "helpers.py").write_text(
        "import asyncio\n\n\ndef start(coro):\n    return asyncio.create_task(coro)\n")
    (project / "caller.py").write_text(padded(
        "from helpers import start\n\n\nasync def f():\n    start(g())\n", 3000))
    assert [f["path"] for f in report("--no-cache")[1]["findings"]  # type: ignore[attr-defined]
            if f["risk"] == "high"] == ["caller.py"]
    code, doc = report("--no-cache", "--config", "max-file-size = 2000")
    assert [s["path"] for s in doc["skipped"]] == ["caller.py"]  # type: ignore[attr-defined]
    assert not_analysed(doc) == ["caller.py"] and code == 1
