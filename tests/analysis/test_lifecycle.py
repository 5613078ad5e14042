"""How often a spawn's function runs, and the evidence each message names (`lifecycle.py`)."""

from __future__ import annotations

import textwrap

import pytest

from taskleak.analysis.analyse import analyse_source


def frequency(code: str) -> str:
    analysis = analyse_source(textwrap.dedent(code))
    (fates,) = analysis.fates
    return fates[0].frequency


@pytest.mark.parametrize(("code", "expected"), [
    ("""
        import asyncio
        @app.route("/hook")
        async def hook():
            asyncio.create_task(work())
     """, "spawned on every call of hook(), registered with @app.route"),
    ("""
        import asyncio
        class Bot:
            def __init__(self, bus):
                bus.add_listener("ready", self.refresh_roles)
            def refresh_roles(self, event):
                asyncio.create_task(work())
     """, "spawned on every call of refresh_roles(), registered with bus.add_listener() in "
          "__init__()"),
    ("""
        import asyncio
        def setup(hass):
            def _changed(event):
                asyncio.create_task(work())
            async_track_state_change_event(hass, ["light.x"], _changed)
     """, "spawned on every call of _changed(), registered with "
          "async_track_state_change_event() in setup()"),
    ("""
        import asyncio
        class Proto(asyncio.Protocol):
            def datagram_received(self, data, addr):
                asyncio.create_task(work(data))
     """, "spawned on every call of datagram_received(), a protocol callback, run for every "
          "chunk received"),
    ("""
        import asyncio
        def poke(device):
            asyncio.create_task(device.ping())
        def poke_all(devices):
            for device in devices:
                poke(device)
     """, "spawned on every call of poke(), called in a loop in poke_all()"),
    ("""
        import asyncio
        def _reply(message):
            asyncio.create_task(work(message))
        @client.event
        async def on_message(message):
            _reply(message)
     """, "spawned on every call of _reply(), called by on_message(), registered with "
          "@client.event"),
    # a name is never evidence: with none, no frequency is claimed
    ("""
        import asyncio
        async def handle_message(message):
            asyncio.create_task(work(message))
     """, ""),
    ("""
        import asyncio
        class Relay:
            async def on_reconnect(self):
                asyncio.create_task(work())
            async def connect(self):
                await self.on_reconnect()
     """, ""),
])
def test_evidence_is_named(code: str, expected: str) -> None:
    assert frequency(code) == expected


@pytest.mark.parametrize("code", [
    """
        import asyncio
        @app.on_event("startup")
        async def handle_start():
            asyncio.create_task(work())
    """,
    """
        import asyncio
        class Proto(asyncio.Protocol):
            def connection_made(self, transport):
                asyncio.create_task(work())
    """,
    """
        import asyncio
        def setup(hass):
            async def on_stop(event):
                asyncio.create_task(work())
            hass.bus.async_listen_once("stop", on_stop)
    """,
])
def test_once_evidence_beats_names(code: str) -> None:
    assert frequency(code) == ""


RETRY = """
import asyncio
class Client:
    async def _start_reading(self):
        asyncio.create_task(self._read_loop())
    async def connect(self, servers):
        {loop}:
            try:
                await self._start_reading()
                {leave}
            except OSError:
                await asyncio.sleep(1)
"""


@pytest.mark.parametrize(("loop", "leave", "expected"), [
    # a retry loop goes round only when an attempt fails: not a call per iteration
    ("while True", "break", ""),
    ("for server in servers", "return", ""),
    # a loop that goes on after a success repeats the call
    ("while True", "pass", "spawned on every call of _start_reading(), called in a loop in "
                           "connect()"),
    ("for server in servers", "pass", "spawned on every call of _start_reading(), called in a "
                                      "loop in connect()"),
])
def test_a_retry_loop_repeats_nothing(loop: str, leave: str, expected: str) -> None:
    assert frequency(RETRY.format(loop=loop, leave=leave)) == expected


def test_a_spawn_in_a_retry_loop_is_not_per_iteration() -> None:
    code = """
        import asyncio
        async def connect(open_connection):
            while True:
                try:
                    reader = await open_connection()
                    asyncio.create_task(reader.read())
                    break
                except OSError:
                    await asyncio.sleep(1)
    """
    analysis = analyse_source(textwrap.dedent(code))
    assert analysis.fates[0][0].in_loop is False


@pytest.mark.parametrize(("steps", "expected"), [
    # a step after the call may fail into the handler: the loop calls it again
    ("await self._start_reading()\n                await self._flush()\n                break",
     "spawned on every call of _start_reading(), called in a loop in connect() that goes round "
     "again when a step after it fails"),
    # the call is the last step before the loop is left: a failure of it stored nothing
    ("await self._flush()\n                await self._start_reading()\n                break",
     ""),
    ("await self._start_reading()\n                return", ""),
])
def test_a_retry_loop_goes_round_when_a_step_after_the_call_fails(steps: str,
                                                                   expected: str) -> None:
    code = f"""
import asyncio
class Client:
    async def _start_reading(self):
        asyncio.create_task(self._read_loop())
    async def connect(self):
        while True:
            try:
                {steps}
            except OSError:
                await asyncio.sleep(1)
"""
    assert frequency(code) == expected


TABLE = """
import asyncio
class Handler:
    def __init__(self):
        self._handlers = {table}
    def _make(self):
        return {{"text": self._on_text}}
    async def _on_text(self, data):
        asyncio.create_task(work(data))
    async def run(self, queue):
        while True:
            data = await queue.get()
            {call}
"""


@pytest.mark.parametrize(("table", "call", "expected"), [
    ('{"text": self._on_text}', "await self._handlers[data['type']](data)",
     "spawned on every call of _on_text(), called through self._handlers in a loop in run() "
     "with each `data` it waits for"),
    ("self._make()", "handler = self._handlers.get(data['type'])\n            await handler(data)",
     "spawned on every call of _on_text(), called through self._handlers in a loop in run() "
     "with each `data` it waits for"),
    # the table is built, never called: no evidence
    ('{"text": self._on_text}', "print(self._handlers)", ""),
])
def test_a_handler_of_a_dispatch_table_runs_as_its_caller(table: str, call: str,
                                                          expected: str) -> None:
    assert frequency(TABLE.format(table=table, call=call)) == expected


@pytest.mark.parametrize(("loop", "per_item"), [
    ("while True:\n    data = await queue.get()\n    await self._route(data)", True),
    ("async for data in queue:\n    await self._route(data)", True),
    # a batch it was given, and a loop that passes nothing it waited for
    ("for data in items:\n    await self._route(data)", False),
    ("while True:\n    await asyncio.sleep(1)\n    await self._route(items)", False),
])
def test_a_store_once_per_item_a_loop_waits_for(loop: str, per_item: bool) -> None:
    code = f"""
import asyncio
class Server:
    async def _route(self, data):
        self._turn = asyncio.create_task(work(data))
    async def run(self, queue, items):
{textwrap.indent(loop, " " * 8)}
"""
    analysis = analyse_source(code)
    assert analysis.fates[0][0].per_item is per_item


def test_a_store_for_some_items_only_is_not_per_item() -> None:
    code = """
import asyncio
class Listener:
    async def _on_assigned(self, assigned):
        if not assigned:
            self._warning = asyncio.create_task(warn())
    async def run(self, consumer):
        async for assigned in consumer:
            await self._on_assigned(assigned)
"""
    fate = analyse_source(textwrap.dedent(code)).fates[0][0]
    assert fate.repeating and not fate.per_item and fate.some_items
