"""The real pre-commit, running this repository's hooks on a throw-away git repository.

`pre-commit try-repo` builds the hook's environment from this working tree (a pip install from
PyPI, ~15 s here), exactly as a user's `.pre-commit-config.yaml` would.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from helpers import REPO

from taskleak.cli import main

LEAKY = """\
import asyncio


async def handler(msg):
    asyncio.create_task(send(msg))
"""

CLEAN = """\
import asyncio


async def handler(msg):
    await asyncio.create_task(send(msg))
"""

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="pre-commit needs git")


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def _try_repo(project: Path, hook: str, home: Path, *, all_files: bool = True
              ) -> subprocess.CompletedProcess[str]:
    """The hook on every file, or (`all_files=False`) on the staged files, as a commit runs it."""
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(REPO), hook,
         *(["--all-files"] if all_files else [])],
        cwd=project, env=env, capture_output=True, text=True, timeout=900,
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    project.mkdir()
    _git(project, "init", "-q")
    (project / "leak.py").write_text(LEAKY, encoding="utf-8")
    (project / "clean.py").write_text(CLEAN, encoding="utf-8")
    (project / "stub.pyi").write_text("def f() -> None: ...\n", encoding="utf-8")
    # not Python: must never reach the hook
    (project / "notes.txt").write_text("asyncio.create_task(x)\n", encoding="utf-8")
    # excluded by the project's configuration: pre-commit names it, --force-exclude drops it
    (project / "generated").mkdir()
    (project / "generated" / "client.py").write_text(LEAKY, encoding="utf-8")
    (project / "pyproject.toml").write_text(
        '[tool.taskleak]\nextend-exclude = ["generated/"]\n', encoding="utf-8")
    # many files, so that pre-commit would split them across processes if the hook let it
    for i in range(40):
        (project / f"module_{i:02}.py").write_text(CLEAN, encoding="utf-8")
    _git(project, "add", ".")
    return project


def test_manifest_declares_both_hooks() -> None:
    hooks = {h["id"]: h for h in yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())}
    assert set(hooks) == {"taskleak", "taskleak-fix"}
    assert hooks["taskleak"]["entry"] == "taskleak check --force-exclude"
    assert hooks["taskleak-fix"]["entry"] == "taskleak fix --force-exclude"
    for hook in hooks.values():
        assert hook["language"] == "python"
        assert hook["types_or"] == ["python", "pyi"]
        assert hook["require_serial"] is True  # one process, one report with the total


@pytest.mark.slow
def test_check_hook_fails_on_a_leaking_file(project: Path, tmp_path: Path) -> None:
    result = _try_repo(project, "taskleak", tmp_path / "pre-commit-home")
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "taskleak" in output and "Failed" in output
    assert "leak.py:5:5: TL101 [*]" in output
    assert "notes.txt" not in output
    assert "generated/client.py" not in output  # excluded in pyproject.toml
    # one run, one report: leak.py, clean.py, stub.pyi and the 40 modules, in one summary
    assert output.count("task spawn") == 1, output
    assert "Scanned 43 files" in output


@pytest.mark.slow
def test_fix_hook_repairs_the_leaking_file(project: Path, tmp_path: Path) -> None:
    result = _try_repo(project, "taskleak-fix", tmp_path / "pre-commit-home")
    # pre-commit fails a hook that modified files, so the user can review and stage them
    assert result.returncode == 1, result.stdout + result.stderr
    assert "files were modified by this hook" in result.stdout
    fixed = (project / "leak.py").read_text(encoding="utf-8")
    assert fixed != LEAKY
    assert (project / "generated" / "client.py").read_text(encoding="utf-8") == LEAKY
    check = CliRunner().invoke(main, ["check", "--format", "json", str(project / "leak.py")])
    assert check.exit_code == 0, check.stdout


WORKER = """\
import asyncio


class Worker:
    def start(self):
        self.task = asyncio.create_task(asyncio.sleep(60))
"""

STOP = """\
from app.worker import Worker


def stop(worker: Worker):
    worker.task.cancel()
"""


@pytest.mark.slow  # a real pre-commit run, which builds a hook environment (40-50 s)
def test_a_staged_file_is_judged_with_its_project(tmp_path: Path) -> None:
    """Issue 56: the hook names only the staged file; another module of the project ends its
    task, as CI's whole run sees. Judged alone it was TL201 (the commit failed, CI passed)."""
    project = tmp_path / "project"
    (project / "app").mkdir(parents=True)
    _git(project, "init", "-q")
    (project / "app" / "worker.py").write_text(WORKER, encoding="utf-8")
    (project / "stop.py").write_text(STOP, encoding="utf-8")
    _git(project, "add", ".")
    _git(project, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "start")
    (project / "app" / "worker.py").write_text(WORKER + "# staged\n", encoding="utf-8")
    _git(project, "add", "app/worker.py")
    result = _try_repo(project, "taskleak", tmp_path / "pre-commit-home", all_files=False)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "Passed" in output and "TL201" not in output


# --- the contributors' hooks (.pre-commit-config.yaml) -----------------------------------


def test_contributor_config_is_valid() -> None:
    pytest.importorskip("pre_commit", reason="pre-commit is not installed (in the test extra)")
    config = REPO / ".pre-commit-config.yaml"
    result = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-config", str(config)],
        cwd=REPO, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    (repo,) = yaml.safe_load(config.read_text())["repos"]
    hooks = {h["id"]: h for h in repo["hooks"]}
    assert repo["repo"] == "local"
    assert set(hooks) == {"ruff", "mypy", "taskleak"}
    for hook in hooks.values():  # the contributor's dev venv: no download, CI's versions
        assert hook["language"] == "system"
        assert hook["types"] == ["python"]
    assert hooks["mypy"]["pass_filenames"] is False
