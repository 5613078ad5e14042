"""A call on an object its caller has just made in place of another
(`analysis/frequency/fresh_objects.py`): which calls qualify, and what was called on the
object replaced."""

from __future__ import annotations

import textwrap

import libcst as cst

from taskleak.analysis.frequency.fresh_objects import replaced_object
from taskleak.analysis.tree.dests import Flow
from taskleak.analysis.tree.scan import scan
from taskleak.analysis.tree.scopes import Occurrence

CODE = textwrap.dedent("""
    class Channel:
        async def start(self):
            for conn in (self._primary, self._backup):
                await conn.disconnect()
            self._primary = Connection(self.url)
            await self._primary.connect()

        async def direct(self):
            await self._link.close()
            self._link = Connection(self.url)
            self._link.watch(self._on_event)
            await self._link.connect()

        async def in_a_branch(self):
            if self._spare is None:
                self._spare = Connection(self.url)
            await self._spare.connect()

        async def before_the_loop(self):
            self._loop_conn = Connection(self.url)
            while True:
                await self._loop_conn.connect()

        async def local(self):
            conn = Connection(self.url)
            await conn.connect()
    """)


def connect_in(method: str) -> Occurrence:
    root = scan(cst.parse_module(CODE))
    scope = next(s for s in root.walk() if s.name == method)
    return next(o for s in scope.walk() for o in s.occurrences
                if o.dest.kind is Flow.CALLED and o.key.endswith(".connect"))


def test_an_object_made_just_before_in_place_of_one_ended_through_a_loop() -> None:
    found = replaced_object(connect_in("start"))
    assert found is not None
    made, called = found
    assert cst.Module([]).code_for_node(made) == "Connection(self.url)"
    assert called == {"disconnect"}


def test_an_object_made_just_before_in_place_of_one_closed_directly() -> None:
    found = replaced_object(connect_in("direct"))
    # (what it calls on the new one, `watch()`, is not called on the one replaced)
    assert found is not None and found[1] == {"close"}


def test_near_misses_are_no_object_made_anew() -> None:
    assert replaced_object(connect_in("in_a_branch")) is None  # made on one branch only
    assert replaced_object(connect_in("before_the_loop")) is None  # the same on each turn
    assert replaced_object(connect_in("local")) is None  # a local: no attribute replaced


def test_an_object_made_on_every_way_through_a_try_or_an_if() -> None:
    code = textwrap.dedent("""
        class Turns:
            async def run(self):
                await self._current.stop()
                try:
                    self._current = self._factory(a, b)
                except TypeError:
                    self._current = self._factory(a)
                await self._current.connect()

            async def pick(self):
                await self._current.stop()
                if self._path:
                    self._current = Serial(self._path)
                elif self._host:
                    self._current = Socket(self._host)
                else:
                    raise RuntimeError("nowhere to connect")
                await self._current.connect()

            async def maybe(self):
                await self._current.stop()
                if self._path:
                    self._current = Serial(self._path)
                await self._current.connect()
        """)
    root = scan(cst.parse_module(code))

    def found(method: str) -> frozenset[str] | None:
        scope = next(s for s in root.walk() if s.name == method)
        call = next(o for s in scope.walk() for o in s.occurrences
                    if o.dest.kind is Flow.CALLED and o.key.endswith(".connect"))
        replaced = replaced_object(call)
        return None if replaced is None else replaced[1]

    assert found("run") == {"stop"}
    assert found("pick") == {"stop"}  # (the branch that raises never reaches the call)
    assert found("maybe") is None  # made on one branch only
