"""An aiohttp simulator: the startup hook keeps the Modbus server's task in the app it is given,
the cleanup hook (given the same app by aiohttp) cancels and awaits it. Not a local collection
dropped when the hook returns; but the hooks are put in the signals of an untyped `web_app`,
whose calls are not followed, so which collection `app` is stays unknown: kept, not followed
(TL001). (Until stop 107 the two hooks' parameters were read as one by their name alone.)"""

import asyncio
import contextlib


class Simulator:
    def __init__(self, modbus_server, web_app) -> None:
        self.modbus_server = modbus_server
        self.api_key = "modbus_server"
        web_app.on_startup.append(self.start_modbus_server)
        web_app.on_cleanup.append(self.stop_modbus_server)

    async def start_modbus_server(self, app) -> None:
        app[self.api_key] = asyncio.create_task(self.modbus_server.serve_forever())

    async def stop_modbus_server(self, app) -> None:
        await self.modbus_server.shutdown()
        app[self.api_key].cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await app[self.api_key]
