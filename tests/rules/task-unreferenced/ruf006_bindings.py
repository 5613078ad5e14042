"""Every local binding ruff's RUF006 flags: a Task bound to `_` or to a name never read, in a
coroutine or in an entry point that blocks in the loop while the task runs (amqtt's broker
script). The near misses, which RUF006 leaves alone, keep their rows: a `nonlocal` store held
while the loop runs, and a `_` read by a done-callback's reader."""

import asyncio


class Broker:
    async def start(self) -> None:
        await asyncio.sleep(0)

    async def shutdown(self) -> None:
        await asyncio.sleep(0)


async def serve(broker: Broker) -> None:
    loop = asyncio.get_running_loop()
    _ = loop.create_task(broker.start())
    await asyncio.sleep(3600)


def broker_main(broker: Broker) -> None:
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    _ = loop.create_task(broker.start())
    try:
        loop.run_forever()
    except KeyboardInterrupt:
        loop.run_until_complete(broker.shutdown())
    finally:
        loop.close()


async def keep_alive(broker: Broker) -> None:
    heartbeat: asyncio.Task[None] = asyncio.create_task(broker.start())
    while True:
        await asyncio.sleep(30)


def nested_store(broker: Broker) -> None:
    loop = asyncio.new_event_loop()
    server = None

    async def open_server() -> None:
        nonlocal server
        server = asyncio.ensure_future(broker.start())

    loop.run_until_complete(open_server())
    loop.run_forever()


def read_when_done(broker: Broker) -> None:
    loop = asyncio.new_event_loop()
    _ = loop.create_task(broker.start())
    _.add_done_callback(lambda t: t.exception() and loop.stop())
    loop.run_forever()
