"""One task per live key in a `WeakKeyDictionary`: the tasks are its values, held strongly, and
each entry goes when its key is collected. Not a collection that only grows."""

import asyncio
import weakref


class Resolver:
    def __init__(self) -> None:
        self._lookups: weakref.WeakKeyDictionary[object, asyncio.Task[str]] = (
            weakref.WeakKeyDictionary())

    def lookup(self, peer: object) -> None:
        self._lookups[peer] = asyncio.create_task(self._resolve(peer))

    async def _resolve(self, peer: object) -> str:
        await asyncio.sleep(0)
        return str(peer)
