"""A pane container clears its panes concurrently; the gather is kept in a local that the
returned coroutine awaits, and a nested gather is awaited by the outer one."""

import asyncio
from asyncio import gather


class Panes:
    def clear_panes(self):
        await_clear = gather(self.tabs.clear(), self.switcher.remove_children())

        async def _clear_content() -> None:
            await await_clear

        return _clear_content()

    async def refresh(self, units: list[str]) -> None:
        energy, temperature = await asyncio.gather(
            asyncio.gather(*[self.energy(unit) for unit in units]),
            asyncio.gather(*[self.temperature(unit) for unit in units]),
        )

    async def energy(self, unit: str) -> float:
        await asyncio.sleep(0)
        return 0.0

    async def temperature(self, unit: str) -> float:
        await asyncio.sleep(0)
        return 0.0


async def next_message(ready, timeout: float | None) -> None:
    coroutine = ready.wait()
    if timeout is not None:
        coroutine = asyncio.wait_for(coroutine, timeout=timeout)
    await coroutine
