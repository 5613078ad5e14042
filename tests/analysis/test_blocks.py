"""A big file analysed from the blocks that can hold evidence gives the rows of a whole parse.

Each program below is padded with unrelated definitions (so the stand-in leaves most of it out)
and checked twice: parsed whole, and with every file big enough for the block parse
(`analysis/tree/blocks.py`). The findings (rule, risk, line, column, message, fix, path ...)
must be equal. The same comparison over the corpora's big files: bench/blocks_corpus.py.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from helpers import check_paths

from taskleak.analysis.tree import blocks
from taskleak.run import pipeline, prefilter, runner

_FILLER = '''
def compute_{i}(value):
    return value * {i}


class Record{i}:
    """A record.
Not a def at column 0:
def fake(): pass
"""

    def area(self, width):
        return (width,
    {i})


LIMIT_{i} = [
1, 2]; OTHER_{i} = 3
'''


def _far(head: str, tail: str) -> str:
    """`head` first, then the filler, then `tail`."""
    filler = "".join(_FILLER.format(i=i) for i in range(40))
    return textwrap.dedent(head).strip() + "\n\n" + filler + "\n\n" + \
        textwrap.dedent(tail).strip() + "\n"


SHAPES = {
    "method_cancelled_far": _far('''
        import asyncio


        class Worker:
            def start(self):
                self._job = asyncio.create_task(self.run())

            async def run(self):
                await asyncio.sleep(1)
        ''', '''
        class Closer:
            def close(self, worker):
                worker._job.cancel()
        '''),
    "helper_far_away": _far('''
        import asyncio


        async def handle(payload):
            asyncio.create_task(process_payload(payload))
        ''', '''
        async def process_payload(payload):
            while True:
                await asyncio.sleep(len(payload))
        '''),
    "module_level_set": _far('''
        import asyncio

        async def spawn(coro):
            task = asyncio.create_task(coro)
            BACKGROUND.add(task)
        ''', '''
        BACKGROUND = set()


        def forget(task):
            BACKGROUND.discard(task)
        '''),
    "base_elsewhere": _far('''
        import asyncio


        class Poller(BasePoller):
            def start(self):
                self._poll = asyncio.ensure_future(self.poll())

            async def poll(self):
                await asyncio.sleep(1)
        ''', '''
        class BasePoller:
            async def stop(self):
                self._poll.cancel()
                await self._poll
        '''),
    "decorated": _far('''
        import asyncio
        import functools


        @functools.lru_cache
        @register("event")
        def on_event(loop):
            loop.create_task(work())
        ''', '''
        def register(name):
            return lambda f: f


        async def work():
            for _ in range(3):
                on_event(None)
        '''),
    "type_checking_and_try_import": _far('''
        from __future__ import annotations

        import asyncio
        from typing import TYPE_CHECKING

        if TYPE_CHECKING:
            from collections.abc import Coroutine

        try:
            import uvloop
        except ImportError:  # pragma: no cover
            uvloop = None


        def spawn(coro: Coroutine) -> asyncio.Task:
            return asyncio.create_task(coro)
        ''', '''
        def caller():
            spawn(work())
            spawn(work())


        async def work():
            pass
        '''),
    "noqa": _far('''
        import asyncio


        async def main():
            asyncio.create_task(one())  # noqa: TL101
            asyncio.create_task(two())  # noqa
            asyncio.create_task(three())  # noqa: E501
        ''', '''
        async def one(): pass
        async def two(): pass
        async def three(): pass
        '''),
    "global_task": _far('''
        import asyncio

        _task = None


        def start():
            global _task
            _task = asyncio.create_task(asyncio.sleep(10))
        ''', '''
        def stop():
            if _task is not None:
                _task.cancel()
        '''),
    "returned_and_dropped_far": _far('''
        import asyncio


        def launch():
            return asyncio.create_task(asyncio.sleep(1))
        ''', '''
        def user():
            launch()
        '''),
    "windows_line_endings": _far('''
        import asyncio


        async def main():
            asyncio.get_running_loop().create_task(main())
        ''', '''
        x = 1
        ''').replace("\n", "\r\n"),
}


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_block_parse_rows_equal_whole(name: str, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / f"{name}.py"
    path.write_bytes(SHAPES[name].encode())
    data = path.read_bytes()
    made = blocks.stand_in(data, prefilter.prefilter_for(()).seed_offsets(data))
    assert made is not None, "the stand-in leaves nothing out: the test proves nothing"
    source, _, _ = made
    assert len(source.splitlines()) == len(data.splitlines())
    whole = check_paths([path])
    monkeypatch.setattr(runner, "BLOCKS_ABOVE", 0)
    monkeypatch.setattr(pipeline, "BLOCKS_ABOVE", 0)
    parts = check_paths([path])
    assert whole.findings, "a shape with no row proves little"
    assert parts.findings == whole.findings
    assert parts.skipped == whole.skipped


def test_unclosed_string_falls_back() -> None:
    data = b"x = '''\nasync def f():\n    create_task(f())\n"
    assert blocks.top_level_blocks(data, data.splitlines(keepends=True)) is None


def test_block_boundaries() -> None:
    data = textwrap.dedent('''\
        """Doc
        def not_a_block(): pass
        """
        import a

        @deco
        # a comment
        def f(
        x): pass
        x = \\
        1
        if a:
            pass
        else:
            pass
        y = 1; z = 2
        ''').encode()
    found = blocks.top_level_blocks(data, data.splitlines(keepends=True))
    assert found is not None
    assert [(b.first, b.last, b.kind) for b in found] == [
        (0, 2, b"\""), (3, 3, b"import"), (5, 8, b"@"), (9, 10, b"x"), (11, 14, b"if"),
        (15, 15, b"y")]


def test_non_ascii_names_link(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(blocks, "MOST_KEPT", 1.0)
    data = ("import asyncio\ndef f():\n    asyncio.create_task(größe())\n\nx = 1\n\n"
            "async def größe():\n    pass\n").encode()
    found = blocks.top_level_blocks(data, data.splitlines(keepends=True))
    assert found is not None
    keep = blocks.selected(found, prefilter.prefilter_for(()).seed_offsets(data), data)
    assert keep == [True, True, False, True]
