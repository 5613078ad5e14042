"""`asyncio.as_completed(tasks)` iterated by a `for` loop that runs to the end awaits every task:
an error in the body leaves the rest to their own end, as one in a `gather` would."""

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
