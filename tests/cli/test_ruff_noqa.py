"""`# noqa: TL101` next to a real ruff: `taskleak check --add-noqa` writes the directives and
says what ruff's configuration lacks; `ruff check --fix` with the RUF rules on deletes them
without `lint.external = ["TL"]` and keeps them with it (the line taskleak printed, pasted in).

ruff is in the test extra (`pip install -e '.[test]'`), so this runs under the README's test
command and in CI (`.ci/run` installs `.[dev]`, which includes it).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

LEAKY = """\
import asyncio


async def handler(msg):
    asyncio.create_task(send(msg))


async def other(msg):
    asyncio.ensure_future(send(msg))  # a comment of the user's


async def send(msg):
    await asyncio.sleep(0)
"""
RUFF = [sys.executable, "-m", "ruff"]
PYPROJECT = '[tool.ruff.lint]\nselect = ["RUF"]\n'


def _ruff_version() -> str | None:
    try:
        proc = subprocess.run([*RUFF, "--version"], capture_output=True, text=True, timeout=60)
    except OSError:
        return None
    return proc.stdout.strip() if proc.returncode == 0 else None


pytestmark = pytest.mark.skipif(
    _ruff_version() is None,
    reason="needs ruff in this Python: pip install -e '.[test]' (the test extra has it), or "
           "pip install 'ruff>=0.17.6,<0.18'")


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    # no user-level ruff configuration (~/.config/ruff) may take part: an empty one instead
    env = {**os.environ, "XDG_CONFIG_HOME": str(cwd / "xdg"), "NO_COLOR": "1"}
    return subprocess.run(list(args), cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=300)


def taskleak(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return run(sys.executable, "-m", "taskleak", *args, "--no-cache", cwd=cwd)


def noqa_lines(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text().splitlines() if "# noqa" in line]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "xdg").mkdir()
    (tmp_path / "pyproject.toml").write_text(PYPROJECT)
    (tmp_path / "app.py").write_text(LEAKY)
    return tmp_path


def test_ruff_deletes_the_directives_unless_tl_is_external(project: Path) -> None:
    added = taskleak("check", "--add-noqa", cwd=project)
    assert added.returncode == 0, added.stderr
    assert noqa_lines(project / "app.py") == [
        "asyncio.create_task(send(msg))  # noqa: TL101",
        "asyncio.ensure_future(send(msg))  # a comment of the user's  # noqa: TL101"]
    told = added.stderr.splitlines()
    assert told[0] == "Added 2 noqa directives."
    assert told[1].startswith("warning: ruff deletes `# noqa: TL101` when its RUF100 or RUF102 "
                              "rule is on")
    assert told[1].endswith("in pyproject.toml, add under [tool.ruff.lint]:")
    assert told[2:] == ['    external = ["TL"]']

    # what taskleak warned of: ruff reports the codes and --fix removes them
    before = (project / "app.py").read_text()
    report = run(*RUFF, "check", "--output-format", "concise", ".", cwd=project)
    assert "RUF102" in report.stdout or "RUF100" in report.stdout, report.stdout
    run(*RUFF, "check", "--fix", ".", cwd=project)
    assert noqa_lines(project / "app.py") == [], "ruff kept the codes it does not know"
    assert taskleak("check", cwd=project).returncode == 1  # the leaks are reported again

    # the line taskleak printed, pasted where it said: ruff keeps every directive
    (project / "app.py").write_text(before)
    with (project / "pyproject.toml").open("a") as pyproject:
        pyproject.write("\n".join(line.strip() for line in told[2:]) + "\n")
    fixed = run(*RUFF, "check", "--fix", ".", cwd=project)
    assert "RUF100" not in fixed.stdout and "RUF102" not in fixed.stdout, fixed.stdout
    assert (project / "app.py").read_text() == before
    assert taskleak("check", cwd=project).returncode == 0  # still suppressed
    # and taskleak has nothing more to say about ruff's configuration
    (project / "app.py").write_text(LEAKY)
    again = taskleak("check", "--add-noqa", cwd=project)
    assert again.stderr == "Added 2 noqa directives.\n"


def test_silent_says_nothing_and_no_ruff_configuration_no_warning(project: Path) -> None:
    silent = taskleak("check", "--add-noqa", "--silent", cwd=project)
    assert (silent.stderr, len(noqa_lines(project / "app.py"))) == ("", 2)
    (project / "app.py").write_text(LEAKY)
    (project / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "1"\n')
    added = taskleak("check", "--add-noqa", cwd=project)
    assert added.stderr == "Added 2 noqa directives.\n"  # nothing says ruff runs here
