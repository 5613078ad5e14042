"""The loop is an annotated attribute of another object: a dataclass parameter, a local bound
from it, and the value of a `ContextVar[State]`. Each is a loop by its annotation."""

import asyncio
from contextvars import ContextVar
from dataclasses import dataclass


@dataclass
class State:
    loop: asyncio.AbstractEventLoop


current: ContextVar[State] = ContextVar("current")


async def work() -> None:
    await asyncio.sleep(0)


def from_a_parameter(state: State) -> None:
    state.loop.create_task(work())


def from_a_local(state: State) -> None:
    lp = state.loop
    lp.create_task(work())


def from_a_context_var() -> None:
    current.get().loop.create_task(work())
