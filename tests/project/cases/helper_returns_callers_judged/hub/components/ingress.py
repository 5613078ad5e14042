"""An ingress proxy: two forwarders per websocket, until one side closes."""

import asyncio

from hub.util.async_ import create_eager_task


async def _forward(source, sink) -> None:
    async for message in source:
        await sink.send(message)


async def handle_websocket(ws_server, ws_client) -> None:
    await asyncio.wait(
        [
            create_eager_task(_forward(ws_server, ws_client)),
            create_eager_task(_forward(ws_client, ws_server)),
        ],
        return_when=asyncio.FIRST_COMPLETED,
    )


async def handle_websocket_closed(ws_server, ws_client) -> None:
    forwarders = [
        create_eager_task(_forward(ws_server, ws_client)),
        create_eager_task(_forward(ws_client, ws_server)),
    ]
    _, pending = await asyncio.wait(forwarders, return_when=asyncio.FIRST_COMPLETED)
    for task in pending:
        task.cancel()
