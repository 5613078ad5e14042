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
