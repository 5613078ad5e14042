"""Guard of pipeline.analyse_file's speed trick: a file's tree is freed (by reference counting)
before the cyclic collector is switched back on, so the collector never walks a live tree."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

import libcst as cst
import pytest

from taskleak.analysis.tree import reparse
from taskleak.run import pipeline

SOURCE = b"""\
import asyncio


class Client:
    async def start(self) -> None:
        self._task = asyncio.create_task(self.run())

    async def run(self) -> None:
        while True:
            await asyncio.sleep(1)
"""


def test_the_tree_is_gone_before_the_collector_is_back_on(
        monkeypatch: pytest.MonkeyPatch) -> None:
    parsed: list[int] = []
    alive_at_resume: list[bool] = []
    real_parse = reparse.parse_source  # what pipeline's parse runs outside the server

    def parse_source(data: bytes) -> tuple[cst.Module, str]:
        module, text = real_parse(data)
        parsed.append(id(module))
        return module, text

    @contextmanager
    def gc_paused() -> Iterator[None]:
        gc.disable()
        try:
            yield
        finally:
            # what the collector would find live as it resumes
            alive_at_resume.append(any(isinstance(o, cst.Module) and id(o) in parsed
                                       for o in gc.get_objects()))
            gc.enable()

    monkeypatch.setattr(reparse, "parse_source", parse_source)
    monkeypatch.setattr(pipeline, "gc_paused", gc_paused)
    facts = pipeline.analyse_file(SOURCE, "client.py")
    assert facts.module is not None and facts.module.spawns  # analysed, with its spawn
    assert parsed and alive_at_resume == [False]
