"""The prefilter never drops a file that has a finding, and rules out what it should.

The main proof runs the whole analysis over every fixture twice, with the prefilter and with
every file parsed, and requires the same findings; the same comparison runs over small programs
that reach a spawn only through an alias, a configured spawner or a task group's `start`.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import replace
from pathlib import Path

import pytest
from helpers import REPO, check_paths, sample_files, spawners_of
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from taskleak.analysis.tree.vocabulary import SPAWN_FUNCTIONS, SPAWN_METHODS, TASK_CLASS
from taskleak.model import RunResult
from taskleak.run.prefilter import (
    MAX_NEEDLES,
    SPAWN_WORDS,
    Prefilter,
    _may_start_in_group,
    has_word,
    may_spawn,
    words_in,
)
from taskleak.run.runner import RunStats, collect
from taskleak.settings import Settings

FIXTURE_FILES = sample_files()

# Programs whose only spawn is reached indirectly; each must have at least one finding.
INDIRECT = {
    "alias_assigned": """
        import asyncio
        spawn = asyncio.create_task
        async def f(): ...
        async def main():
            spawn(f())
    """,
    "import_as": """
        from asyncio import ensure_future as go
        async def f(): ...
        async def main():
            go(f())
    """,
    "loop_method": """
        import asyncio
        async def f(): ...
        async def main():
            loop = asyncio.get_running_loop()
            loop.create_task(f())
    """,
    "threadsafe": """
        import asyncio
        async def f(): ...
        def from_thread(loop):
            asyncio.run_coroutine_threadsafe(f(), loop)
    """,
    "anyio_start": """
        import anyio
        async def serve(task_status): ...
        async def main():
            async with anyio.create_task_group() as group:
                await group.start(serve)
    """,
    "nursery_param_start": """
        import trio
        async def serve(task_status): ...
        async def run_in(nursery: trio.Nursery):
            await nursery.start(serve)
    """,
    "task_alias": """
        import asyncio
        spawn = asyncio.Task
        async def f(): ...
        def main(loop):
            spawn(f(), loop=loop)
    """,
    "task_import_as": """
        from asyncio import Task as Eager
        async def f(): ...
        def main(loop):
            Eager(f(), loop=loop)
    """,
    "gather_dropped": """
        import asyncio
        async def f(): ...
        def main():
            asyncio.gather(f(), f())
    """,
    "gather_import_as": """
        from asyncio import shield as protect
        async def f(): ...
        def main():
            protect(f())
    """,
    "coroutine_function_called_back": """
        import asyncio
        class Session:
            def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
                self.loop = loop
            async def expire(self) -> None: ...
            def arm(self) -> None:
                self.loop.call_later(5, self.expire)
    """,
    "tg_param_start": """
        from anyio.abc import TaskGroup
        async def serve(task_status): ...
        async def run_in(tg: TaskGroup):
            await tg.start(serve)
    """,
}


def _check(paths: list[Path], settings: Settings, *, use_prefilter: bool,
           stats: RunStats | None = None) -> RunResult:
    # the oracle parses every file: the run layer's own switch (`collect`), no suppressions
    return collect(paths, settings, jobs=1, use_prefilter=use_prefilter, stats=stats).result(
        settings.rule_enabled)


def _rows(result: RunResult) -> list[tuple[str, int, int, str, str]]:
    return [(f.path, f.line, f.column, f.rule, f.message) for f in result.findings]


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=lambda p: str(p.relative_to(REPO)))
def test_prefilter_keeps_every_fixture_finding(path: Path) -> None:
    settings = Settings()
    stats = RunStats()
    with_prefilter = _check([path], settings, use_prefilter=True, stats=stats)
    everything = _check([path], settings, use_prefilter=False)
    assert _rows(with_prefilter) == _rows(everything)
    if everything.findings:
        assert may_spawn(path.read_bytes())
        assert stats.analysed == 1


def test_fixtures_have_findings_to_lose() -> None:
    """The comparison above proves something: most fixtures do have findings."""
    with_findings = [p for p in FIXTURE_FILES
                     if _check([p], Settings(), use_prefilter=False).findings]
    assert len(with_findings) >= len(FIXTURE_FILES) // 2


@pytest.mark.parametrize("name", sorted(INDIRECT))
def test_indirect_spawns_pass_the_prefilter(name: str, tmp_path: Path) -> None:
    path = tmp_path / f"{name}.py"
    path.write_text(textwrap.dedent(INDIRECT[name]), encoding="utf-8")
    everything = _check([path], Settings(), use_prefilter=False)
    assert everything.findings, "the program must have a finding for the test to mean anything"
    assert _rows(_check([path], Settings(), use_prefilter=True)) == _rows(everything)


def test_configured_spawner_passes_the_prefilter(tmp_path: Path) -> None:
    path = tmp_path / "hass.py"
    path.write_text(textwrap.dedent("""
        async def refresh(): ...
        def setup(hass):
            hass.async_create_task(refresh())
    """), encoding="utf-8")
    settings = replace(Settings(), spawners=spawners_of("hass.async_create_task"))
    everything = _check([path], settings, use_prefilter=False)
    assert everything.findings
    assert _rows(_check([path], settings, use_prefilter=True)) == _rows(everything)
    assert not may_spawn(path.read_bytes())  # without the setting, there is nothing to find
    assert may_spawn(path.read_bytes(), spawners_of("hass.async_create_task"))


def test_hass_create_task_is_a_spawn_only_when_configured(tmp_path: Path) -> None:
    """`hass.create_task` is Home Assistant's tracked helper: the scan never takes it for a
    loop's method (not even a `hass` that is a loop), so the prefilter may skip it; configured,
    it is a spawn and the file is parsed."""
    path = tmp_path / "entity.py"
    path.write_text(textwrap.dedent("""
        import asyncio
        async def refresh(): ...
        class Entity:
            def added(self):
                self.hass.create_task(refresh())
        def odd():
            hass = asyncio.get_event_loop()
            hass.create_task(refresh())
    """), encoding="utf-8")
    assert not _check([path], Settings(), use_prefilter=False).findings
    assert not may_spawn(path.read_bytes())
    settings = replace(Settings(), spawners=spawners_of("hass.create_task"))
    everything = _check([path], settings, use_prefilter=False)
    assert [f.line for f in everything.findings] == [6, 9]
    assert may_spawn(path.read_bytes(), spawners_of("hass.create_task"))
    assert _rows(_check([path], settings, use_prefilter=True)) == _rows(everything)


def test_words_cover_every_name_the_scanner_records() -> None:
    # `start` counts next to a task group, `Task` where it is called or aliased (tested below)
    assert (set(SPAWN_FUNCTIONS) - {TASK_CLASS}) | (set(SPAWN_METHODS) - {"start"}) \
        <= set(SPAWN_WORDS)


@pytest.mark.parametrize(("text", "expected"), [
    (b"asyncio.create_task(x)", True),
    (b"loop.ensure_future(x)", True),
    (b"asyncio.run_coroutine_threadsafe(c, loop)", True),
    (b"tg.start_soon(f)", True),
    (b"hass.async_create_task(x)", False),  # another function, unless configured
    (b"self.hass.create_task(x)", False),  # Home Assistant's helper, not a loop's
    (b"hass.create_task(x)\nloop.create_task(y)", True),
    (b"hass. create_task(x)", True),  # spelled apart: counted, the scan decides
    (b"chass.create_task(x)", True),
    (b"self.create_tasks(x)", False),
    (b"anyio.create_task_group()", False),  # a task group, but nothing started in it
    (b"async with anyio.create_task_group() as g:\n    await g.start(f)", True),
    (b"async with trio.open_nursery() as n:\n    await n.start(f)", True),
    (b"await self._nursery.start(f)", True),
    (b"await tg.start(f)", True),
    (b"server.start()", False),  # no task group in sight
    (b"settings = TaskGroupSettings()", False),
    (b"# create_task_group is documented elsewhere", False),
    (b"x = 1", False),
    (b"task = asyncio.Task(coro, loop=loop)", True),
    (b"asyncio.Task (coro)", True),
    (b"from asyncio import Task as Spawn", True),
    (b"from asyncio import (\n    Task as Spawn,\n)", True),
    (b"spawn = asyncio.Task\n", True),
    (b"from asyncio import Task\nspawn = Task  # eager", True),
    (b"self._task: asyncio.Task[None] | None = None", False),
    (b"def f() -> asyncio.Task:\n    pass", False),
    (b"_task: asyncio.Task\n", False),
    (b"if t == asyncio.Task\n", False),
    (b"class MyTask(Base): pass", False),
    (b"asyncio.gather(*stops)", True),
    (b"from asyncio import gather\nself._future = gather(*awaitables)", True),
    (b"self._future = gather(*awaitables)", False),  # not asyncio's: no spawn
    (b"return asyncio.shield(self._close())", True),
    (b"await asyncio.wait_for(asyncio.shield(task), 5)", True),  # the shield is not awaited
    (b"from asyncio import gather as run_all", True),
    (b"results = await asyncio.gather(a(), b())", False),
    (b"await asyncio.wait_for(\n    self.ready.wait(), timeout=5)", False),
    (b"x = await \\\n    gather(a())", False),
    (b'"""Helper to gather system info."""', False),
    (b"# We do not use gather here", False),
    (b"icon = 'mdi:shield-home'", False),
    # a call that calls back one of the file's coroutine functions (or a `partial` local)
    (b"async def expire(self): ...\nself._timer = loop.call_later(30, self.expire)", True),
    (b"async def stop(self): ...\nloop.call_soon_threadsafe(self.stop)", True),
    (b"async def on_done(self, t): ...\ntask.add_done_callback(self.on_done)", True),
    (b"async def stop(self): ...\ncb = partial(self.stop, 1)\nloop.call_soon(cb)", True),
    (b"async def stop(self): ...\ndef flush(self): ...\nloop.call_soon(self.flush)", False),
    # a method of `self` the file neither defines nor stores: a base's or the subclass's,
    # maybe a coroutine function (`Exports.calling_back_classes`, issue 68's base transforms)
    (b"loop.call_later(30, self.expire)", True),
    (b"self.io_loop.add_callback(partial(self.run, 1))", True),
    (b"def expire(self): ...\nloop.call_later(30, self.expire)", False),  # a plain def here
    (b"self.expire = cb\nloop.call_later(30, self.expire)", False),  # a stored callable
    (b"loop.call_later(30, self.timer.expire)", False),  # another object's
    (b"loop.call_later(30, other.expire)", False),
    (b"async def expire(self): ...\nasync_call_later(hass, 5, self.expire)", False),
    (b"async def add_item(self): ...\nself.add_item(x)", False),
    # tornado's IOLoop runs a coroutine function it calls back, a `@gen.coroutine` def too
    (b"async def run(self): ...\nself.io_loop.add_callback(self.run)", True),
    (b"async def run(self): ...\nIOLoop.current().spawn_callback(self.run)", True),
    (b"async def run(self): ...\nloop.add_callback_from_signal(self.run)", True),
    (b"async def run(self): ...\nself.io_loop.add_timeout(deadline, self.run)", True),
    (b"@gen.coroutine\ndef send(self):\n    yield x\nself.loop.add_callback(self.send)", True),
    (b"@gen.coroutine\n@other\ndef send(self): ...\nloop.add_timeout(t, self.send)", True),
    (b"def send(self): ...\nself.loop.add_callback(self.send)", False),  # a plain function
])
def test_prefilter_words(text: bytes, expected: bool) -> None:
    assert may_spawn(text) is expected


def test_redundant_needles_are_dropped() -> None:
    prefilter = Prefilter(spawners_of("mylib.create_task_later", "x.spawn"))
    assert "create_task_later" in prefilter.words and "spawn" in prefilter.words
    assert prefilter.may_spawn(b"mylib.create_task_later(c)")
    assert prefilter.may_spawn(b"x.spawn(c)")
    assert not prefilter.may_spawn(b"x.spawned(c)")


def test_a_ruled_out_file_is_read_but_not_parsed(tmp_path: Path) -> None:
    (tmp_path / "plain.py").write_text("def f():\n    return 1\n", encoding="utf-8")
    (tmp_path / "spawns.py").write_text(
        "import asyncio\nasync def f():\n    asyncio.create_task(f())\n", encoding="utf-8")
    stats = RunStats()
    result = check_paths([tmp_path], Settings(), jobs=1, stats=stats)
    assert (stats.files, stats.ruled_out, stats.analysed) == (2, 1, 1)
    assert result.files_parsed == 1 and len(result.findings) == 1


@hypothesis_settings(max_examples=300, deadline=None)
@given(st.binary(max_size=40), st.sampled_from([b"tg", b"start", b"create_task", b"a"]),
       st.lists(st.sampled_from([b"", b"_", b"x", b" ", b".", b"(", b"\xc3\xa9", b"9"]),
                min_size=2, max_size=6))
def test_whole_word_search_is_the_regex(noise: bytes, word: bytes, around: list[bytes]) -> None:
    """`has_word` answers what `(?<!\\w)word(?!\\w)` would (ASCII word bytes, as a bytes
    regex has them), on the word placed among random neighbours."""
    data = around[0] + word + around[1] + noise + b"".join(around[2:]) + word
    for text in (data, noise, word, data[1:], data[:-1]):
        expected = re.search(rb"(?<!\w)" + re.escape(word) + rb"(?!\w)", text) is not None
        assert has_word(text, word) == expected


def test_every_task_group_name_is_covered_by_the_start_words() -> None:
    """`x.start(...)` passes the prefilter only next to a task-group name: each name spawn
    recognition takes for a task group must be one the prefilter looks for."""
    from taskleak.analysis.tree.vocabulary import (
        TASK_GROUP_SUBSTRINGS,
        TASK_GROUP_WORDS,
        TASKGROUP_FACTORIES,
        TASKGROUP_NAME_PARTS,
        TASKGROUP_TYPES,
    )

    names = {*TASKGROUP_FACTORIES, *TASKGROUP_TYPES, *TASKGROUP_NAME_PARTS}
    for name in names:
        assert name in TASK_GROUP_WORDS or any(s in name for s in TASK_GROUP_SUBSTRINGS), name


def test_a_spawner_with_a_promise_passes_by_its_method_name() -> None:
    data = b"def f(hass):\n    hass.async_create_task(g())\n"
    assert may_spawn(data, spawners_of("hass.async_create_task:keeps-and-cleans"))
    assert may_spawn(data, spawners_of("entry.async_add_job:returns:1")) is False


MANY = tuple(f"svc{i}.spawn_thing_{i}" for i in range(MAX_NEEDLES + 10))  # the one-pass search


@hypothesis_settings(max_examples=300, deadline=None)
@given(st.binary(max_size=40), st.sampled_from([b"spawn_thing_3", b"create_task", b"start",
                                                b"spawn_thing_39", b"spawn_thing"]),
       st.lists(st.sampled_from([b"", b"_", b"x", b" ", b".", b"(", b"\xc3\xa9", b"9", b"\n"]),
                min_size=2, max_size=6))
def test_many_words_are_searched_in_one_pass_with_the_same_answers(
        noise: bytes, word: bytes, around: list[bytes]) -> None:
    """With more words than substring tests pay for, the bytes are split into words once: the
    answer is the per-word whole-word search's, whatever the neighbours."""
    many = Prefilter(spawners_of(*MANY))
    assert many._needles is None  # the one-pass search is the one tested
    data = around[0] + word + around[1] + noise + b"".join(around[2:])
    for text in (data, noise, word, data[1:], data[:-1]):
        expected = any(has_word(text, w.encode()) for w in many.words) \
            or _may_start_in_group(text)
        assert many.may_spawn(text) == expected


def test_words_in_splits_like_the_regex() -> None:
    data = b"a.b(c_d, 9e)\n\x0cx\xc3\xa9y __z__ "
    assert words_in(data) == re.findall(rb"\w+", data)


def test_ten_thousand_spawners_keep_the_few_words_answers() -> None:
    many = Prefilter(spawners_of(*(f"svc{i}.spawn_thing_{i}" for i in range(10_000))))
    for data, expected in [(b"svc5.spawn_thing_9999(work())", True),
                           (b"x.spawn_thing_10000(work())", False),
                           (b"spawn_thing_12x", False),
                           (b"asyncio.create_task(f())", True),
                           (b"# nothing here", False)]:
        assert many.may_spawn(data) is expected, data
