"""Fixtures of the server tests: a workspace folder with a configuration and a leaking module."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))  # lsp_client, beside the tests

LEAKY = '''\
import asyncio


async def work() -> None:
    await asyncio.sleep(0)


async def main() -> None:
    asyncio.create_task(work())
'''

CONFIG = '''\
[project]
name = "example"

[tool.taskleak]
fail-on = "medium"
'''


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    (root / "pkg").mkdir(parents=True)
    (root / "pyproject.toml").write_text(CONFIG, encoding="utf-8")
    (root / "pkg" / "leaky.py").write_text(LEAKY, encoding="utf-8")
    return root
