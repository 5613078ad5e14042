"""Runs the case's spawns and prints what they sent; after the fix, first how many tasks the
package's one keep-helper holds meanwhile (the three: one from each package)."""

import asyncio
import importlib.util

from chat.client import Client
from chat.ext import tasks
from chat.ext.commands import Bot


async def main() -> None:
    client, bot = Client(), Bot()
    client.schedule("hello")
    bot.dispatch("ping now")
    tasks.remind(client, "later")
    if importlib.util.find_spec("chat._background_tasks") is not None:
        from chat import _background_tasks

        print("kept", len(_background_tasks._background_tasks[asyncio.get_running_loop()]))
    for _ in range(5):  # bounded by loop turns
        await asyncio.sleep(0)
    print(sorted(client.sent), bot.sent)


asyncio.run(main())
