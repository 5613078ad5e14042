"""Tiny input/output tests of the analysis: each a program and the rows it must give."""

from __future__ import annotations

import textwrap

import pytest
from helpers import analyze_source, spawners_of

from taskleak.run.prefilter import may_spawn


def rows(code: str, spawners: tuple[str, ...] = ()) -> list[tuple[int, str, str]]:
    findings = analyze_source(textwrap.dedent(code), spawners=spawners)
    return [(f.line, f.rule, f.risk.value) for f in findings]


def test_discarded_spawn_is_high() -> None:
    assert rows("""
        import asyncio
        async def main():
            asyncio.create_task(work())
    """) == [(4, "TL101", "high")]


def test_spawn_in_a_string_or_comment_is_not_a_spawn() -> None:
    assert rows('''
        import asyncio
        # asyncio.create_task(work())
        DOC = "asyncio.create_task(work())"
    ''') == []


def test_look_alike_method_on_unrelated_object_is_not_a_spawn() -> None:
    assert rows("""
        from todo import Client
        client = Client()
        def add():
            client.create_task("buy milk")
            self.api.create_task(title="x")
    """) == []


def test_own_function_named_create_task_shadows_nothing_from_asyncio() -> None:
    assert rows("""
        def create_task(title):
            return {"title": title}
        create_task("write report")
    """) == []


def test_local_rebinding_of_the_import_name_shadows_it() -> None:
    assert rows("""
        import asyncio
        def schedule(asyncio, coro):
            asyncio.create_task(coro)
    """) == []


def test_import_inside_a_function_is_seen() -> None:
    assert rows("""
        def start(coro):
            import asyncio as aio
            aio.ensure_future(coro())
    """) == [(4, "TL101", "high")]


def test_lambda_spawn_is_discarded_by_its_caller() -> None:
    got = analyze_source(textwrap.dedent("""
        import asyncio, signal
        def install(loop):
            loop.add_signal_handler(signal.SIGTERM, lambda: asyncio.create_task(stop()))
    """))
    assert [(f.rule, f.tracked) for f in got] == [("TL101", "returned from a lambda")]


def test_nested_function_spawn_bound_to_outer_closure_list_is_tracked() -> None:
    assert rows("""
        import asyncio
        async def main(items):
            tasks = []
            def spawn(item):
                tasks.append(asyncio.create_task(handle(item)))
            for item in items:
                spawn(item)
            await asyncio.gather(*tasks)
    """) == [(6, "TL001", "low")]  # 8 calls spawn(), which keeps it: the row is its spawn


def test_walrus_that_is_read_later_is_tracked() -> None:
    assert rows("""
        import asyncio
        async def main():
            if (task := asyncio.create_task(work())) is not None:
                await task
    """) == [(4, "TL001", "low")]


def test_comprehension_gathered_is_low_but_discarded_is_high() -> None:
    assert rows("""
        import asyncio
        async def good(xs):
            await asyncio.gather(*[asyncio.create_task(f(x)) for x in xs])
        async def bad(xs):
            [asyncio.create_task(f(x)) for x in xs]
    """) == [(4, "TL001", "low"), (6, "TL101", "high")]


def test_task_rebound_in_loop_where_only_last_is_awaited() -> None:
    assert rows("""
        import asyncio
        async def main(urls):
            for url in urls:
                task = asyncio.create_task(fetch(url))
            await task
    """) == [(5, "TL103", "high")]


def test_task_appended_in_loop_is_not_rebound() -> None:
    assert rows("""
        import asyncio
        async def main(urls):
            tasks = []
            for url in urls:
                task = asyncio.create_task(fetch(url))
                tasks.append(task)
            await asyncio.wait(tasks)
    """) == [(6, "TL001", "low")]


def test_attribute_cancelled_in_another_method_is_low() -> None:
    got = analyze_source(textwrap.dedent("""
        import asyncio
        class Conn:
            async def open(self):
                self._reader = asyncio.create_task(self._read())
            async def close(self):
                self._reader.cancel()
    """))
    assert [(f.rule, f.risk.value, f.tracked, f.cleaned) for f in got] == [
        ("TL001", "low", "self._reader", "cancelled in close()")]


def test_never_cancelled_attribute_names_what_close_does_cancel() -> None:
    got = analyze_source(textwrap.dedent("""
        import asyncio
        class Conn:
            async def open(self):
                self._ws = asyncio.create_task(self._pump())
                self._reader = asyncio.create_task(self._read())
            async def close(self):
                self._ws.cancel()
    """))
    reader = next(f for f in got if f.tracked == "self._reader")
    assert reader.rule == "TL201"
    assert "close() cancels only self._ws" in reader.evidence


def test_cancel_through_element_of_collection_counts() -> None:
    assert rows("""
        import asyncio
        class Pool:
            def __init__(self):
                self._tasks = {}
            def spawn(self, key, coro):
                self._tasks[key] = asyncio.create_task(coro)
            async def close(self):
                for task in self._tasks.values():
                    task.cancel()
    """) == [(7, "TL001", "low")]


def test_set_that_only_grows_is_tl202() -> None:
    assert rows("""
        import asyncio
        class Bus:
            def __init__(self):
                self._pending = set()
            def publish(self, msg):
                self._pending.add(asyncio.create_task(self._deliver(msg)))
    """) == [(7, "TL202", "medium")]


def test_loop_from_get_running_loop_chained_and_local() -> None:
    assert rows("""
        import asyncio
        async def main():
            asyncio.get_running_loop().create_task(work())
            loop = asyncio.get_running_loop()
            loop.create_task(work())
    """) == [(4, "TL101", "high"), (6, "TL101", "high")]


def test_untyped_receiver_is_judged_by_its_call_not_its_name() -> None:
    # issue 68: a create_task of a coroutine of this module on a receiver nobody typed is a
    # spawn, whatever the receiver is called; of anything else, no claim, unless the receiver
    # is named like a loop (`vocabulary.LOOP_NAMES`, the one name-bound decision kept: its
    # removal lost labelled highs of read sets, `self.hass.loop` typed only through a base
    # class of another module)
    program = """
        class Cog:
            def __init__(self, bot):
                self.bot = bot
            def start(self):
                self.bot.{attr}.create_task(self.tick())
            def other(self):
                self.bot.{attr}.create_task(self.bot.tick())
            async def tick(self):
                pass
    """
    assert rows(program.format(attr="engine")) == [(6, "TL101", "high")]
    assert rows(program.format(attr="loop")) == [(6, "TL101", "high"), (8, "TL101", "high")]


def test_loop_named_object_that_is_visibly_not_a_loop() -> None:
    assert rows("""
        from scheduler import Scheduler
        loop = Scheduler()
        def plan():
            loop.create_task("weekly review")
    """) == []


def test_structured_spawns_are_low() -> None:
    assert rows("""
        import asyncio, anyio
        async def main():
            async with asyncio.TaskGroup() as tg:
                tg.create_task(work())
            async with anyio.create_task_group() as group:
                group.start_soon(work)
    """) == [(5, "TL001", "low"), (7, "TL001", "low")]


def test_configured_spawner_matches_by_dotted_suffix() -> None:
    code = """
        class Light:
            async def async_turn_on(self):
                self.hass.async_create_task(self._ramp())
    """
    assert rows(code) == []
    # a helper that returns its task: what the caller does with it is classified
    assert rows(code, spawners=("hass.async_create_task:returns",)) == [(4, "TL101", "high")]


def test_a_known_helper_keeps_and_cleans_so_its_call_sites_are_low() -> None:
    code = """
        class Light:
            async def async_turn_on(self):
                self._hass.async_create_task(self._ramp())
                self.config_entry.async_create_background_task(self.hass, self._poll(), "p")
    """
    found = analyze_source(textwrap.dedent(code), spawners=(
        "hass.async_create_task", "entry.async_create_background_task"))
    assert [(f.line, f.rule, f.risk.value, f.coroutine) for f in found] == [
        (4, "TL001", "low", "self._ramp()"), (5, "TL001", "low", "self._poll()")]
    assert "Home Assistant keeps it" in found[0].cleaned


@pytest.mark.parametrize(("promise", "expected"), [
    ("", (5, "TL101", "high")),  # not a known helper, not in the project: it returns the task
    (":returns", (5, "TL101", "high")),
    (":keeps-and-cleans", (5, "TL001", "low")),
    (":keeps-never-ends", (5, "TL201", "medium")),
])
def test_a_spawners_promise_decides_its_call_sites(promise: str,
                                                   expected: tuple[int, str, str]) -> None:
    code = """
        from app.tasks import spawn

        async def on_message(message):
            spawn(handle(message))
    """
    assert rows(code, spawners=(f"app.tasks.spawn{promise}",)) == [expected]


def test_a_spawner_is_found_through_a_relative_import_and_a_subclass() -> None:
    code = """
        from . import background_tasks
        from app.workers import Worker

        class Poller(Worker):
            async def start(self):
                background_tasks.create(self._poll())
                self.spawn(self._poll())
    """
    assert rows(code, spawners=("app.background_tasks.create", "app.workers.Worker.spawn")) \
        == [(7, "TL101", "high"), (8, "TL101", "high")]
    assert rows(code, spawners=("other.background_tasks.create:returns",
                                "app.workers.Other.spawn")) == [(7, "TL101", "high")]


def test_run_coroutine_threadsafe_discarded() -> None:
    assert rows("""
        import asyncio
        def from_thread(loop, coro):
            asyncio.run_coroutine_threadsafe(coro, loop)
    """) == [(4, "TL101", "high")]


def test_returned_and_passed_on_are_low() -> None:
    assert rows("""
        import asyncio
        def start(coro):
            return asyncio.create_task(coro)
        def register(registry, coro):
            registry.track(asyncio.create_task(coro))
    """) == [(4, "TL001", "low"), (6, "TL301", "low")]  # every rule: `--strict`'s too


def test_python_312_syntax_parses() -> None:
    assert rows("""
        import asyncio
        type Handler = Callable[[str], Awaitable[None]]
        class Box[T]:
            async def put(self, item: T) -> None:
                asyncio.create_task(self.store(item))
    """) == [(6, "TL101", "high")]


def test_finding_carries_context_and_snippet_for_baselines() -> None:
    (f,) = analyze_source(textwrap.dedent("""
        import asyncio
        class Agent:
            async def send(self, msg):
                asyncio.create_task(   self._send(msg) )
    """))
    assert f.context == "Agent.send"
    assert f.snippet == "asyncio.create_task( self._send(msg) )"
    assert (f.line, f.column, f.end_line) == (5, 9, 5)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (b"asyncio.create_task(x)", True),
        (b"loop.ensure_future(x)", True),
        (b"hass.async_create_task(x)", False),  # a different name, not a spawn by default
        (b"anyio.create_task_group()", False),  # nothing started in it: no parse needed
        (b"async with anyio.create_task_group() as tg:\n    await tg.start(f)", True),
        (b"self.create_task_runner()", False),
        (b"nothing to see", False),
    ],
)
def test_prefilter_is_whole_word(text: bytes, expected: bool) -> None:
    assert may_spawn(text) is expected


def test_prefilter_takes_configured_spawners() -> None:
    assert may_spawn(b"hass.async_create_task(x)", spawners_of("hass.async_create_task"))


def test_blocking_result_on_threadsafe_future_is_waiting() -> None:
    assert rows("""
        import asyncio
        def refresh(loop, session):
            asyncio.run_coroutine_threadsafe(session.refresh(), loop).result()
    """) == [(4, "TL001", "low")]


def test_attribute_respawned_in_loop_but_waited_in_same_iteration() -> None:
    assert rows("""
        import asyncio
        class Reader:
            def read(self):
                while True:
                    self._next = asyncio.run_coroutine_threadsafe(self._pull(), self._loop)
                    self._buf = self._next.result()
    """) == [(6, "TL001", "low")]


def test_self_rescheduling_poller_is_not_an_overwrite() -> None:
    got = rows("""
        import asyncio
        class Poller:
            def start_polling(self):
                self._task = asyncio.create_task(self._poll())
            async def _poll(self):
                await asyncio.sleep(5)
                self._task = asyncio.create_task(self._poll())
            def stop(self):
                self._task.cancel()
    """)
    assert got == [(5, "TL001", "low"), (8, "TL001", "low")]


def test_constant_key_slot_is_not_a_growing_collection() -> None:
    assert rows("""
        import asyncio
        KEY_STOP = "stop"
        def stop(hass):
            hass.data[KEY_STOP] = asyncio.create_task(hass.async_stop())
    """) == [(5, "TL201", "medium")]


def test_dict_entry_keyed_by_loop_variable_is_not_an_overwrite() -> None:
    assert rows("""
        import asyncio
        async def handle_info(domains):
            pending = {}
            for key, value in domains.items():
                pending[key] = asyncio.create_task(value)
            await asyncio.wait(pending.values())
    """) == [(6, "TL001", "low")]


def test_local_cancelled_in_callback_and_stored_on_entry_is_low() -> None:
    assert rows("""
        import asyncio
        async def async_setup_entry(hass, entry):
            task = asyncio.create_task(connect_and_reconnect())
            def _stop(event):
                task.cancel()
            entry.async_on_unload(hass.bus.async_listen_once("stop", _stop))
            entry.runtime_data.task = task
    """) == [(4, "TL001", "low")]


def test_python_313_and_314_syntax_parses() -> None:
    assert rows("""
        import asyncio
        class Box[T = int]:
            async def put(self, item: T) -> None:
                try:
                    asyncio.create_task(self.store(t"{item}"))
                except ValueError, TypeError:
                    pass
    """) == [(6, "TL101", "high")]


def test_spawn_in_the_outer_iterable_of_a_comprehension_runs_once() -> None:
    got = analyze_source(textwrap.dedent("""
        import asyncio
        async def main():
            results = [r for r in await asyncio.gather(asyncio.create_task(work()))]
            [x for x in (asyncio.create_task(w2()),)]
    """))
    assert [(f.line, f.rule, f.message.endswith("per loop iteration")) for f in got] == [
        (4, "TL001", False), (5, "TL101", False)]
