"""Helpers shared by the runtime tests."""

from __future__ import annotations

import asyncio
from pathlib import Path

DEMO_DIR = Path(__file__).resolve().parents[2] / "fixtures" / "runtime_demo"


def line_of(path: str | Path, text: str, occurrence: int = 1) -> int:
    """1-based line of the `occurrence`-th line containing `text` in the file."""
    seen = 0
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if text in line:
            seen += 1
            if seen == occurrence:
                return number
    raise AssertionError(f"{text!r} not found {occurrence} time(s) in {path}")


async def forever() -> None:
    await asyncio.sleep(3600)


async def cancel_all_but_current() -> None:
    """Cancel and await every other task of the running loop (test clean-up)."""
    current = asyncio.current_task()
    others = [t for t in asyncio.all_tasks() if t is not current]
    for task in others:
        task.cancel()
    if others:
        await asyncio.wait(others, timeout=1.0)
