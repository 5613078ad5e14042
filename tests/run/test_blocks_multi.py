"""A big file among other files holding spawns, analysed from its blocks and those naming a
word the others may read it by (analysis/tree/block_reads.py), gives the rows of a whole parse.

Each package below has a module `big.py` padded with unrelated definitions, read by the other
modules in one way each (every form of import, a re-export, a star import, an attribute ended
by name with no import, a module-level set, a subclass). The run is checked twice: parsed whole,
and with every file big enough for the block parse; the rows must be equal.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from helpers import check_paths

from taskleak.run import pipeline, runner

_FILLER = "".join(f'''

def compute_{i}(value):
    return value * {i}


class Record{i}:
    def area(self, width):
        return width * {i}


LIMIT_{i} = {i}
''' for i in range(40))

_BIG = '''
import asyncio


class Worker:
    def start(self):
        self._work = asyncio.create_task(self.run())

    async def run(self):
        await asyncio.sleep(1)


def spawn(coro):
    return asyncio.ensure_future(coro)
''' + _FILLER + '''

class Closer:
    def close(self, holder):
        holder._job.cancel()


BACKGROUND = set()


def forget(task):
    BACKGROUND.discard(task)


async def endless():
    while True:
        await asyncio.sleep(1)


class Base:
    async def stop(self):
        self._poll.cancel()
'''

_SPAWNER = '''
import asyncio


class Holder:
    def begin(self):
        self._job = asyncio.create_task(asyncio.sleep(5))
'''

PACKAGES: dict[str, dict[str, str]] = {
    "from_import": {"a.py": '''
        import asyncio
        from pkg.big import Worker, endless

        def go():
            Worker().start()
            asyncio.create_task(endless())
        '''},
    "import_dotted": {"a.py": '''
        import asyncio
        import pkg.big

        def go():
            pkg.big.spawn(asyncio.sleep(1))
            asyncio.create_task(pkg.big.endless())
        '''},
    "from_package_import_module": {"a.py": '''
        import asyncio
        from pkg import big

        def go():
            big.spawn(asyncio.sleep(1))
            task = asyncio.create_task(big.endless())
            big.BACKGROUND.add(task)
        '''},
    "relative": {"a.py": '''
        import asyncio
        from .big import BACKGROUND, forget
        from . import big as b

        def go():
            task = asyncio.create_task(b.endless())
            BACKGROUND.add(task)
            task.add_done_callback(forget)
        '''},
    "reexported": {"__init__.py": "from .big import Closer, endless\n", "a.py": '''
        import asyncio
        from pkg import Closer, endless

        class Keeper:
            def begin(self):
                self._job = asyncio.create_task(endless())

        def end(keeper):
            Closer().close(keeper)
        '''},
    "star": {"a.py": '''
        import asyncio
        from pkg.big import *

        def go():
            task = asyncio.create_task(endless())
            BACKGROUND.add(task)
        '''},
    "attribute_by_name": {"a.py": _SPAWNER},
    "subclass_elsewhere": {"a.py": '''
        import asyncio
        from pkg.big import Base

        class Poller(Base):
            def start(self):
                self._poll = asyncio.ensure_future(self.poll())

            async def poll(self):
                await asyncio.sleep(1)
        '''},
    "getattr_string": {"a.py": '''
        import asyncio

        class Holder:
            def begin(self):
                self._job = asyncio.create_task(asyncio.sleep(5))

            def end(self, other):
                getattr(other, "_job").cancel()
        '''},
}


def _write(root: Path, files: dict[str, str]) -> Path:
    package = root / "pkg"
    package.mkdir()
    (package / "big.py").write_text(_BIG)
    (package / "other.py").write_text(
        "import asyncio\n\n\ndef later():\n    asyncio.get_running_loop().create_task("
        "asyncio.sleep(1))\n")
    for name, text in {"__init__.py": "", **files}.items():
        (package / name).write_text(textwrap.dedent(text).lstrip())
    return package


@pytest.mark.parametrize("name", sorted(PACKAGES))
def test_multi_file_block_parse_rows_equal_whole(name: str, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    package = _write(tmp_path, PACKAGES[name])
    whole = check_paths([package])
    monkeypatch.setattr(runner, "BLOCKS_ABOVE", 0)
    monkeypatch.setattr(pipeline, "BLOCKS_ABOVE", 0)
    emptied: list[str] = []
    analyse = pipeline.analyse_file

    def spy(*args: object, **kwargs: object) -> pipeline.FileFacts:
        out = analyse(*args, **kwargs)  # type: ignore[arg-type]
        if out.emptied:
            emptied.append(out.path)
        return out

    monkeypatch.setattr(pipeline, "analyse_file", spy)
    parts = check_paths([package])
    assert whole.findings, "a package with no row proves little"
    assert any(p.endswith("big.py") for p in emptied), "big.py was parsed whole: proves nothing"
    assert parts.findings == whole.findings
    assert parts.skipped == whole.skipped


def test_others_too_big_parse_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Past `OTHERS_READ` times its size, the others are not read: the big file is whole."""
    from taskleak.analysis.tree import block_reads

    package = _write(tmp_path, {"a.py": _SPAWNER})
    monkeypatch.setattr(block_reads, "OTHERS_READ", 0)
    monkeypatch.setattr(runner, "BLOCKS_ABOVE", 0)
    monkeypatch.setattr(pipeline, "BLOCKS_ABOVE", 0)
    facts = runner.collect([package], runner.Settings(), jobs=1)
    assert not any(f.emptied for f in facts.facts)


def test_read_words_leave_out_function_locals() -> None:
    from taskleak.analysis.tree.block_reads import read_words

    data = textwrap.dedent('''
        import asyncio
        from pkg import helper as aliased

        LIMIT = 3

        class Keeper:
            size = 2

            def begin(self, value: int) -> None:
                local = len(value)
                self._job = asyncio.create_task(aliased(local))
                from pkg.late import late_name
                getattr(self, "_other")
        ''').encode()
    linking, _ = read_words(data)
    assert {b"asyncio", b"pkg", b"helper", b"aliased", b"LIMIT", b"Keeper", b"size", b"begin",
            b"_job", b"create_task", b"late", b"late_name", b"_other"} <= linking
    assert not {b"value", b"local", b"len", b"int"} & linking
    star = read_words(b"from pkg import *\ndef f():\n    local = 1\n")[0]
    assert b"local" in star
