"""Packaging as a user meets it: `python -m build` makes an sdist and a wheel that pass
`twine check --strict`, and the wheel installed into a clean virtual environment (its
dependencies from the package index) runs `taskleak check` and `taskleak explain`.

Slow (~30 s: an isolated build, a fresh venv, a pip install); skipped only when `build` or
`twine` is not installed (both are in the test extra).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import REPO

import taskleak

pytest.importorskip("build", reason="python -m build needs the `build` package (test extra)")
pytest.importorskip("twine", reason="twine check needs `twine` (test extra)")

LEAKY = "import asyncio\n\n\nasync def handler(msg):\n    asyncio.create_task(send(msg))\n"
# what a build needs from the checkout (the sdist takes what setuptools finds there)
NOT_SHIPPED = shutil.ignore_patterns(".git", "__pycache__", "*.egg-info", "build", "dist",
                                     ".taskleak_cache", ".*_cache", "tests", "bench",
                                     "fixtures", ".venv*")


def _run(*cmd: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    return subprocess.run([str(c) for c in cmd], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=900, check=False)


@pytest.mark.slow
def test_the_built_wheel_installs_and_runs(tmp_path: Path) -> None:
    checkout = tmp_path / "checkout"
    shutil.copytree(REPO, checkout, ignore=NOT_SHIPPED)
    dist = tmp_path / "dist"
    built = _run(sys.executable, "-m", "build", "--outdir", dist, checkout)
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    version = taskleak.__version__  # the one source of the version
    wheel = dist / f"taskleak-{version}-py3-none-any.whl"
    sdist = dist / f"taskleak-{version}.tar.gz"
    assert wheel.is_file() and sdist.is_file(), sorted(p.name for p in dist.iterdir())

    checked = _run(sys.executable, "-m", "twine", "check", "--strict", wheel, sdist)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout.count("PASSED") == 2, checked.stdout

    venv = tmp_path / "venv"
    assert _run(sys.executable, "-m", "venv", venv).returncode == 0
    bin_dir = venv / ("Scripts" if os.name == "nt" else "bin")
    installed = _run(bin_dir / "python", "-m", "pip", "install", "--quiet", wheel)
    assert installed.returncode == 0, installed.stdout + installed.stderr

    project = tmp_path / "project"
    project.mkdir()
    (project / "app.py").write_text(LEAKY, encoding="utf-8")
    taskleak_exe = bin_dir / "taskleak"
    check = _run(taskleak_exe, "check", "--output-format", "concise", ".", cwd=project)
    assert check.returncode == 1, check.stdout + check.stderr
    assert "app.py:5:5: TL101 [*] high: task send() is discarded" in check.stdout
    explain = _run(taskleak_exe, "explain", "task-discarded", cwd=project)
    assert explain.returncode == 0, explain.stderr
    assert explain.stdout.startswith("# task-discarded (TL101)")
    assert _run(taskleak_exe, "--version").stdout.strip() == f"taskleak, version {version}"
