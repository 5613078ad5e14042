"""`asyncio.as_completed(tasks)` iterated by a `for` loop that runs to the end awaits every task:
an error in the body leaves the rest to their own end, as one in a `gather` would. Numbered by
`enumerate(...)`, the loop still takes every item; a `break` of a loop nested in its body leaves
only that inner loop."""

import asyncio


class ChannelFull(Exception):
    pass


class Layer:
    async def send(self, channel, message) -> None:
        await asyncio.sleep(0)

    async def group_send(self, channels, message) -> None:
        ops = []
        for channel in channels:
            ops.append(asyncio.create_task(self.send(channel, message)))
        for result in asyncio.as_completed(ops):
            try:
                await result
            except ChannelFull:
                pass

    async def timed_send(self, channels, message) -> None:
        # its timeout stops the loop with the rest still running
        ops = [asyncio.create_task(self.send(c, message)) for c in channels]
        for result in asyncio.as_completed(ops, timeout=5):
            await result

    async def send_all(self, channels, message):
        # a `yield` of the generator: its consumer can stop there
        ops = [asyncio.create_task(self.send(c, message)) for c in channels]
        for result in asyncio.as_completed(ops):
            yield await result

    async def numbered_send(self, channels, message, limit: int) -> list[object]:
        ops = [asyncio.create_task(self.send(c, message)) for c in channels]
        results: list[object] = []
        for _index, result in enumerate(asyncio.as_completed(ops)):
            try:
                batch = await result
                for item in batch or ():
                    if len(results) >= limit:
                        break
                    results.append(item)
            except ChannelFull:
                pass
        return results

    async def numbered_break(self, channels, message):
        # near miss: the numbered loop's own `break` leaves the rest running
        ops = [asyncio.create_task(self.send(c, message)) for c in channels]
        for index, result in enumerate(asyncio.as_completed(ops)):
            await result
            if index > 2:
                break

    async def zipped_send(self, channels, message):
        # near miss: `zip` stops at its shortest argument, with the rest still running
        ops = [asyncio.create_task(self.send(c, message)) for c in channels]
        for _name, result in zip(channels[:1], asyncio.as_completed(ops)):
            await result
