"""A poller started by the application's start-up hook and cancelled by its shut-down hook: the
hooks run once, whatever their names look like."""

import asyncio

from fastapi import FastAPI

app = FastAPI()


class State:
    poller: "asyncio.Task[None] | None" = None


state = State()


@app.on_event("startup")
async def handle_start_event() -> None:
    state.poller = asyncio.create_task(poll_forever())


@app.on_event("shutdown")
async def handle_stop_event() -> None:
    if state.poller is not None:
        state.poller.cancel()


async def poll_forever() -> None:
    while True:
        await asyncio.sleep(60)
