"""A big file is analysed from its blocks, and, unless it is the one file of its run holding
spawns, from those naming a word the other files may read it by (runner._Collector.finish,
block_reads.py): another module's rows may read any of its definitions. Rows: test_blocks.py,
test_blocks_multi.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from taskleak.run import pipeline, runner

_SPAWNS = """import asyncio


async def handle(payload):
    asyncio.create_task(process_payload(payload))


x = 1


async def process_payload(payload):
    await asyncio.sleep(len(payload))
""" + "".join(f"\n\ndef unrelated_{i}(v):\n    return v * {i}\n" for i in range(50))


@pytest.fixture
def big_from_zero(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(runner, "BLOCKS_ABOVE", 0)
    monkeypatch.setattr(pipeline, "BLOCKS_ABOVE", 0)


def test_not_alone_reads_the_others(tmp_path: Path, big_from_zero: None) -> None:
    """With another file holding spawns, the big file keeps what that file may read too."""
    (tmp_path / "a.py").write_text(_SPAWNS)
    (tmp_path / "b.py").write_text("import asyncio\nasync def f():\n"
                                   "    asyncio.create_task(f())\n")
    facts = runner.collect([tmp_path / "a.py", tmp_path / "b.py"], runner.Settings(), jobs=1)
    assert facts.facts[0].emptied


def test_alone_uses_blocks(tmp_path: Path, big_from_zero: None) -> None:
    (tmp_path / "a.py").write_text(_SPAWNS)
    facts = runner.collect([tmp_path / "a.py"], runner.Settings(), jobs=1)
    assert facts.facts[0].emptied


